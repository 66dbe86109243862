"""Restoring the open vault from a backup: close, restore, reopen.

A restore needs the vault closed (it replaces the database file under an exclusive lock), so
the Backups view only asks for it (``BackupsPage.restore_requested``); the main window closes
the vault as it does when locking, then calls ``start_restore``. The current state is saved as
a safety backup first (see ``coachdesk.vault.restoring``), and the vault is reopened whatever
happened, so the coach is never left without their practice.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QWidget

from coachdesk import vault
from coachdesk.i18n import _
from coachdesk.ui.kit.long_work import LongWork
from coachdesk.ui.kit.tasks import Tasks
from coachdesk.vault import Vault


@dataclass(frozen=True)
class RestoreRequest:
    """Which backup to restore, and the vault's passphrase (checked before the request); a
    backup made before a re-key also needs the passphrase of its day."""

    backup: Path
    passphrase: str
    backup_passphrase: str | None = None

    def __repr__(self) -> str:  # never show the passphrase in a log or traceback
        return f"RestoreRequest(backup={self.backup!r})"


@dataclass(frozen=True)
class RestoreOutcome:
    vault: Vault  # reopened: restored, or as it was when the restore failed
    safety: Path | None  # the state before the restore, saved as a backup
    problem: BaseException | None  # why nothing was restored, if so

    @property
    def notice(self) -> str:
        """What the main window's status bar says once the vault is open again."""
        if self.problem is not None:
            return _("Nothing was restored; the vault is as it was.")
        if self.safety is not None:
            return _("Restored. What the vault held before was saved as the backup {name}.").format(
                name=self.safety.name
            )
        return _("Restored.")


def restore_and_reopen(folder: Path, request: RestoreRequest) -> RestoreOutcome:
    """Worker side, with the vault in ``folder`` closed: restore, then open the vault again.
    A failed restore changes nothing (it verifies before replacing), so the vault is reopened
    as it was and the reason returned; only failing to reopen raises."""
    safety: Path | None = None
    problem: BaseException | None = None
    try:
        safety = vault.restore(
            request.backup,
            folder,
            passphrase=request.passphrase,
            backup_passphrase=request.backup_passphrase,
        )
    except Exception as exc:  # shown to the coach after the vault is open again
        problem = exc
    reopened = vault.open_vault(folder, passphrase=request.passphrase)
    return RestoreOutcome(reopened, safety, problem)


def start_restore(
    parent: QWidget,
    tasks: Tasks,
    folder: Path,
    request: RestoreRequest,
    *,
    on_reopened: Callable[[RestoreOutcome], None],
    on_failed: Callable[[BaseException], None],
) -> LongWork:
    """Run ``restore_and_reopen`` off the GUI thread behind a progress dialog (it cannot be
    cancelled: it is short, and stopping halfway is what it is built to avoid)."""
    job = LongWork(
        tasks,
        _("Restore"),
        _("Restoring the vault from the backup and opening it again…"),
        parent,
        cancellable=False,
    )
    job.start(lambda _progress: restore_and_reopen(folder, request), on_reopened, on_failed)
    return job
