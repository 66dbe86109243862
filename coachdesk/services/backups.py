"""Where and how often automatic backups are made: this computer's choice, in its settings, so
the app and the command line back up alike.

Read afresh each time, so a change made in the Backups view or the preferences dialog takes
effect at once wherever it is used (automatic backups, the "last backup" warning, the CLI).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from coachdesk import settings
from coachdesk.i18n import _
from coachdesk.vault import Vault

FREQUENCIES: dict[int, Callable[[], str]] = {  # the labels of settings.BACKUP_FREQUENCIES
    1: lambda: _("Every day"),
    7: lambda: _("Every week"),
    0: lambda: _("Never (not recommended)"),
}


@dataclass(frozen=True)
class BackupChoice:
    folder: Path | None  # None: the vault's own backups folder
    every_days: int  # 1 daily, 7 weekly, 0 never

    @property
    def folder_reachable(self) -> bool:
        return self.folder is None or self.folder.is_dir()


def current_choice() -> BackupChoice:
    stored = settings.load()
    folder = stored[settings.BACKUP_FOLDER]
    return BackupChoice(
        Path(folder).expanduser() if folder else None, stored[settings.BACKUP_EVERY_DAYS]
    )


def save_choice(choice: BackupChoice) -> None:
    """Store the choice; every other setting of this computer stays as it is."""
    settings.save(
        {
            settings.BACKUP_FOLDER: str(choice.folder) if choice.folder is not None else "",
            settings.BACKUP_EVERY_DAYS: choice.every_days,
        }
    )


def automatic_backup(vault: Vault) -> Path | None:
    """The automatic backup if one is due, where and as often as the coach chose; while the
    chosen folder cannot be reached (a USB drive out), into the vault's own folder."""
    choice = current_choice()
    return vault.rolling_backup(folder=choice.folder, every_days=choice.every_days)


def backup_folders(vault: Vault, choice: BackupChoice) -> list[Path]:
    """Every folder whose backups belong in the list: the vault's own and the chosen one."""
    folders = [vault.layout.backups]
    if choice.folder is not None:
        folders.append(choice.folder)
    return folders
