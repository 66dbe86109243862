"""The backup choice made in the Preferences dialog is the one the command line follows."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from coachdesk import vault
from coachdesk.cli import main
from coachdesk.ui.features.preferences.preferences import Preferences
from coachdesk.ui.features.preferences.preferences_dialog import PreferencesDialog
from coachdesk.ui.kit.practice import Practice
from tests.conftest import PASSPHRASE

WAIT_MS = 10_000


def choose_in_preferences(
    qtbot: QtBot, vault_dir: Path, choose: Callable[[PreferencesDialog], None]
) -> None:
    """Open the dialog on the vault, let ``choose`` set the backup widgets, press OK and store
    the computer's settings as the main window does; the vault is closed again afterwards."""
    opened = vault.open(vault_dir, passphrase=PASSPHRASE)
    practice = Practice(opened)
    try:
        dialog = PreferencesDialog(Preferences.load(), practice)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitUntil(dialog.practice_box.isEnabled, timeout=WAIT_MS)
        choose(dialog)
        with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
            qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        dialog.chosen().save()
    finally:
        practice.finish()
        opened.close()


def automatic_backups(folder: Path) -> list[Path]:
    return list(folder.glob("auto-*.cdbackup")) if folder.is_dir() else []


def test_never_in_preferences_means_the_cli_takes_no_backup(
    qtbot: QtBot, vault_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def never(dialog: PreferencesDialog) -> None:
        dialog.backups.frequency.setCurrentIndex(dialog.backups.frequency.findData(0))

    choose_in_preferences(qtbot, vault_dir, never)
    monkeypatch.setenv("COACHDESK_PASSPHRASE", PASSPHRASE)
    assert main(["check", "--vault", str(vault_dir)]) == 0
    assert automatic_backups(vault_dir / "backups") == []


def test_a_folder_chosen_in_preferences_gets_the_cli_backup(
    qtbot: QtBot, vault_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    usb = tmp_path / "usb stick"
    usb.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(usb))

    def folder(dialog: PreferencesDialog) -> None:
        dialog.backups.own_folder.setChecked(False)  # asks for the folder at once

    choose_in_preferences(qtbot, vault_dir, folder)
    monkeypatch.setenv("COACHDESK_PASSPHRASE", PASSPHRASE)
    assert main(["check", "--vault", str(vault_dir)]) == 0
    assert len(automatic_backups(usb)) == 1
    assert automatic_backups(vault_dir / "backups") == []
