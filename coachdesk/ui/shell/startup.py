"""From launch to an open vault: unlock the vault that is there, or welcome and create one.

Dialogs here run modally (``exec``) because nothing else is on screen yet; each is also usable
on its own, which is how the tests drive them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QFileDialog

from coachdesk import paths
from coachdesk.i18n import _
from coachdesk.ui.features.vault.folders import FolderKind, classify, new_vault_problem
from coachdesk.ui.features.vault.unlock_dialog import OTHER_VAULT, UnlockDialog
from coachdesk.ui.kit import look
from coachdesk.ui.shell.welcome import CREATE, OPEN, WelcomeDialog
from coachdesk.vault.keyslots import DEFAULT_ARGON2, Argon2Params

if TYPE_CHECKING:  # opening a vault loads SQLAlchemy; the unlock dialog paints before that
    from coachdesk.vault import Vault

LAST_FOLDER_KEY = "vault/last_folder"


@dataclass(frozen=True)
class Opened:
    vault: Vault
    notice: str | None = None


def starting_folder(vault_dir: Path | None) -> Path:
    """The folder named on the command line, else the last one opened, else the default."""
    if vault_dir is not None:
        return Path(vault_dir).expanduser()
    last = look.settings().value(LAST_FOLDER_KEY)
    if last and classify(Path(str(last))) is FolderKind.VAULT:
        return Path(str(last))
    return paths.default_vault_dir()


def _remember_folder(folder: Path) -> None:
    look.settings().setValue(LAST_FOLDER_KEY, str(folder))


def _problem(folder: Path, kind: FolderKind, picked: bool) -> str | None:
    if kind is FolderKind.EMPTY:
        return _("There is no vault in {path} yet.").format(path=folder) if picked else None
    if kind is FolderKind.FILE:
        return _("{path} is a file, not a CoachDesk vault folder.").format(path=folder)
    return _("{path} is not a CoachDesk vault.").format(path=folder)


def _create_target(folder: Path, kind: FolderKind) -> Path:
    if kind is FolderKind.EMPTY:
        return folder
    default = paths.default_vault_dir()
    return default if new_vault_problem(default) is None else folder.parent / "CoachDesk vault"


def open_interactively(folder: Path, *, kdf: Argon2Params = DEFAULT_ARGON2) -> Opened | None:
    """Lead the coach to an open vault in or from ``folder``; None when they quit.

    A new vault is made with key-derivation cost ``kdf``. When the coach chose to explore the
    demo, the demo vault is returned but their own is remembered for the next start.
    """
    picked = False
    while True:
        kind = classify(folder)
        if kind is FolderKind.VAULT:
            unlock = UnlockDialog(folder)
            result = unlock.exec()
            if result == QDialog.DialogCode.Accepted and unlock.vault is not None:
                _remember_folder(folder)
                return Opened(unlock.vault, unlock.notice)
            if result == OTHER_VAULT and unlock.requested_folder is not None:
                folder, picked = unlock.requested_folder, True
                continue
            return None
        welcome = WelcomeDialog(_problem(folder, kind, picked))
        choice = welcome.exec()
        if choice == CREATE:
            from coachdesk.ui.shell.first_run import FirstRunWizard  # loads services and PDFs

            wizard = FirstRunWizard(_create_target(folder, kind), kdf=kdf)
            if wizard.exec() == QDialog.DialogCode.Accepted and wizard.vault is not None:
                _remember_folder(wizard.real_folder or wizard.vault.folder)
                return Opened(wizard.vault, wizard.notice)
            continue
        if choice == OPEN:
            chosen = QFileDialog.getExistingDirectory(
                None, _("Choose a vault folder"), str(folder.parent)
            )
            if chosen:
                folder, picked = Path(chosen), True
            continue
        return None
