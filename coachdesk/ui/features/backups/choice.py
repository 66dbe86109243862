"""Where and how often automatic backups are made: this computer's choice, in ``Preferences``.

Read afresh each time, so a change made in the Backups view or the preferences dialog takes
effect at once wherever it is used (automatic backups, the "last backup" warning).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from coachdesk.i18n import _
from coachdesk.ui.features.preferences.preferences import Preferences
from coachdesk.vault import Vault

FREQUENCIES = {
    1: lambda: _("Every day"),
    7: lambda: _("Every week"),
    0: lambda: _("Never (not recommended)"),
}


@dataclass(frozen=True)
class BackupChoice:
    folder: Path | None  # None: the vault's own backups folder
    every_days: int

    @property
    def folder_reachable(self) -> bool:
        return self.folder is None or self.folder.is_dir()


def current_choice() -> BackupChoice:
    prefs = Preferences.load()
    folder = Path(prefs.backup_folder).expanduser() if prefs.backup_folder else None
    return BackupChoice(folder, prefs.backup_every_days)


def save_choice(choice: BackupChoice) -> Preferences:
    """Store the choice, keeping every other preference; returns them all."""
    prefs = Preferences.load()
    prefs.backup_folder = str(choice.folder) if choice.folder is not None else ""
    prefs.backup_every_days = choice.every_days
    prefs.save()
    return prefs


def automatic_backup(vault: Vault) -> Path | None:
    """Worker side: the automatic backup if due, where and as often as the coach chose."""
    choice = current_choice()
    return vault.rolling_backup(folder=choice.folder, every_days=choice.every_days)


def backup_folders(vault: Vault, choice: BackupChoice) -> list[Path]:
    """Every folder whose backups belong in the list: the vault's own and the chosen one."""
    folders = [vault.layout.backups]
    if choice.folder is not None:
        folders.append(choice.folder)
    return folders
