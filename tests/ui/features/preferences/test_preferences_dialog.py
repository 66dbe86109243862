"""Preferences over a real vault: computer settings kept whole, practice settings in the vault,
the keychain choice, and the vault's keys asked for from here (the window opens their dialogs:
a new recovery key is made over the preferences)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from coachdesk import vault
from coachdesk.errors import WrongPassphrase
from coachdesk.model import NoteTemplate, PaperSize
from coachdesk.services.people import profile
from coachdesk.ui.features.preferences.preferences import Preferences
from coachdesk.ui.features.preferences.preferences_dialog import PreferencesDialog
from coachdesk.ui.features.vault.recovery_sheet_dialog import NewRecoveryKeyDialog
from coachdesk.ui.kit.practice import PROFILE, Practice
from coachdesk.vault import Vault
from tests.conftest import PASSPHRASE

WAIT_MS = 10_000
CURRENT = Preferences(
    theme="dark",
    auto_lock_minutes=15,
    clipboard_clear_seconds=30,
    backup_folder="",
    backup_every_days=7,
)


@pytest.fixture
def practice(open_vault: Vault) -> Iterator[Practice]:
    p = Practice(open_vault)
    yield p
    p.finish()


def shown(qtbot, practice: Practice, current: Preferences = CURRENT) -> PreferencesDialog:
    dialog = PreferencesDialog(current, practice)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.practice_box.isEnabled, timeout=WAIT_MS)
    return dialog


def test_shows_current_settings_and_keeps_what_is_not_changed(qtbot, practice: Practice) -> None:
    dialog = shown(qtbot, practice)
    assert dialog.theme.currentData() == "dark"
    assert dialog.backups.frequency.currentText() == "Every week"
    assert dialog.backups.own_folder.isChecked()
    assert not dialog.backups.folder_row.isEnabled()
    assert dialog.chosen() == CURRENT
    assert dialog.note_template.currentData() == NoteTemplate.GROW.value
    assert dialog.paper.currentData() == PaperSize.A4.value


def test_backup_folder_and_frequency(
    qtbot, practice: Practice, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "usb stick"
    target.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(target))
    dialog = shown(qtbot, practice)
    dialog.backups.own_folder.setChecked(False)  # asks for a folder at once
    assert dialog.backups.folder.text() == str(target)
    dialog.backups.frequency.setCurrentIndex(dialog.backups.frequency.findData(1))
    chosen = dialog.chosen()
    assert chosen.backup_folder == str(target)
    assert chosen.backup_every_days == 1
    assert chosen.theme == "dark"


def test_practice_settings_are_stored_in_the_vault(
    qtbot, practice: Practice, open_vault: Vault
) -> None:
    dialog = shown(qtbot, practice)
    dialog.note_template.setCurrentIndex(dialog.note_template.findData("oscar"))
    dialog.paper.setCurrentIndex(dialog.paper.findData("Letter"))
    with qtbot.waitSignal(practice.changed, timeout=WAIT_MS) as changed:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert changed.args == [PROFILE]
    qtbot.waitUntil(lambda: dialog.result() == dialog.DialogCode.Accepted, timeout=WAIT_MS)
    with open_vault.session() as db:
        stored = profile.profile_fields(db)
    assert stored.note_template is NoteTemplate.OSCAR
    assert stored.paper_size is PaperSize.LETTER


def test_keychain_option_explains_when_there_is_none(qtbot, practice: Practice) -> None:
    dialog = shown(qtbot, practice)
    assert not dialog.remember.isEnabled()
    assert "no secure keychain" in dialog.keychain_note.text()


def test_remember_and_forget_with_a_keychain(
    qtbot, memory_keyring, practice: Practice, open_vault: Vault
) -> None:
    dialog = shown(qtbot, practice)
    qtbot.waitUntil(dialog.remember.isEnabled, timeout=WAIT_MS)
    assert not dialog.remember.isChecked()
    dialog.remember.setChecked(True)
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.result() == dialog.DialogCode.Accepted, timeout=WAIT_MS)
    assert open_vault.is_remembered()

    again = shown(qtbot, practice)
    qtbot.waitUntil(again.remember.isEnabled, timeout=WAIT_MS)
    assert again.remember.isChecked()
    again.remember.setChecked(False)
    again.submit()
    qtbot.waitUntil(lambda: again.result() == again.DialogCode.Accepted, timeout=WAIT_MS)
    assert not open_vault.is_remembered()


def test_the_vault_keys_are_asked_for_from_here(qtbot, practice: Practice) -> None:
    dialog = shown(qtbot, practice)
    with qtbot.waitSignal(dialog.passphrase_change_requested, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.change_passphrase, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.new_recovery_key_requested, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.new_recovery_key, Qt.MouseButton.LeftButton)


def test_new_recovery_key_from_preferences(
    qtbot, practice: Practice, open_vault: Vault, vault_dir: Path, recovery_key: str
) -> None:
    dialog = shown(qtbot, practice)
    keys = NewRecoveryKeyDialog(practice, dialog)
    keys.open()
    assert not keys.make_button.isEnabled()

    qtbot.keyClicks(keys.passphrase, "not the passphrase")
    qtbot.mouseClick(keys.make_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: keys.message.text() != "", timeout=WAIT_MS)
    assert keys.message.text() == "The passphrase is not correct."
    assert keys.pages.currentIndex() == 0

    keys.passphrase.clear()
    qtbot.keyClicks(keys.passphrase, PASSPHRASE)
    qtbot.mouseClick(keys.make_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: keys.pages.currentIndex() == 1, timeout=WAIT_MS)
    new_key = keys.key_page.key.text()
    assert new_key
    assert new_key != recovery_key
    assert not keys.done_button.isEnabled()
    keys.reject()  # the old key is gone: closing waits until the new one is kept
    assert keys.isVisible()

    preview = keys.key_page.print_sheet()
    assert preview is not None
    assert preview.preview.page_count() == 1
    assert not preview.preview.open_action.isVisible()  # no temp copy of the key
    preview.close()

    keys.key_page.confirm.setChecked(True)
    assert keys.done_button.isEnabled()
    keys.done_button.click()
    assert keys.result() == keys.DialogCode.Accepted
    assert keys.key_page.key.text() == ""

    practice.finish()
    open_vault.close()
    with pytest.raises(WrongPassphrase):
        vault.open(vault_dir, recovery_key=recovery_key)
    with vault.open(vault_dir, recovery_key=new_key):
        pass
