"""The backup choice, kept in this computer's settings, and the automatic backup it rules."""

from __future__ import annotations

from pathlib import Path

from coachdesk import settings
from coachdesk.services.backups import (
    FREQUENCIES,
    BackupChoice,
    automatic_backup,
    backup_folders,
    current_choice,
    save_choice,
)
from coachdesk.vault import Vault


def test_by_default_daily_into_the_vaults_own_folder(open_vault: Vault) -> None:
    assert current_choice() == BackupChoice(None, 1)
    path = automatic_backup(open_vault)
    assert path is not None
    assert path.parent == open_vault.layout.backups
    assert automatic_backup(open_vault) is None, "once a day"


def test_the_choice_is_kept_with_the_other_settings(tmp_path: Path) -> None:
    settings.save({settings.THEME: "dark"})
    save_choice(BackupChoice(tmp_path / "usb", 7))
    assert current_choice() == BackupChoice(tmp_path / "usb", 7)
    assert settings.load()[settings.THEME] == "dark"
    save_choice(BackupChoice(None, 7))
    assert current_choice().folder is None


def test_never_takes_no_automatic_backup(open_vault: Vault) -> None:
    save_choice(BackupChoice(None, 0))
    assert automatic_backup(open_vault) is None
    assert not open_vault.layout.backups.exists()


def test_the_automatic_backup_goes_into_the_chosen_folder(
    open_vault: Vault, tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    save_choice(BackupChoice(usb, 1))
    path = automatic_backup(open_vault)
    assert path is not None
    assert [p.name for p in usb.iterdir()] == [path.name]
    assert not open_vault.layout.backups.exists()
    assert backup_folders(open_vault, current_choice()) == [open_vault.layout.backups, usb]


def test_an_unreachable_folder_falls_back_to_the_vaults_own(
    open_vault: Vault, tmp_path: Path
) -> None:
    save_choice(BackupChoice(tmp_path / "unplugged", 1))
    assert not current_choice().folder_reachable
    path = automatic_backup(open_vault)
    assert path is not None
    assert path.parent == open_vault.layout.backups
    assert not (tmp_path / "unplugged").exists()


def test_every_allowed_frequency_has_a_label() -> None:
    assert tuple(FREQUENCIES) == settings.BACKUP_FREQUENCIES
    assert [label() for label in FREQUENCIES.values()] == [
        "Every day",
        "Every week",
        "Never (not recommended)",
    ]
