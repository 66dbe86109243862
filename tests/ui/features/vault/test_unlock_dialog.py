"""The unlock dialog against real vaults: wrong then right, recovery key, keychain, errors."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from coachdesk import vault
from coachdesk.ui.features.vault.unlock_dialog import UnlockDialog
from coachdesk.vault import Vault
from tests.conftest import PASSPHRASE

WAIT_MS = 10_000


@pytest.fixture
def opened() -> Iterator[list[Vault]]:
    """Vaults a test opened through the dialog, closed afterwards so locks never leak."""
    vaults: list[Vault] = []
    yield vaults
    for v in vaults:
        v.close()


def make_dialog(qtbot, folder: Path, **kwargs) -> UnlockDialog:
    dialog = UnlockDialog(folder, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def type_and_unlock(qtbot, dialog: UnlockDialog, text: str) -> None:
    dialog.field.clear()
    qtbot.keyClicks(dialog.field, text)
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)


def test_wrong_then_right_passphrase(qtbot, vault_dir: Path, opened: list[Vault]) -> None:
    dialog = make_dialog(qtbot, vault_dir)
    assert not dialog.unlock_button.isEnabled()  # nothing typed yet

    type_and_unlock(qtbot, dialog, "not the passphrase")
    qtbot.waitUntil(lambda: dialog.message.text().startswith("The passphrase is not correct"))
    assert dialog.isVisible()
    assert dialog.vault is None
    assert dialog.field.selectedText() == "not the passphrase"  # ready to retype
    assert dialog.field.isEnabled()

    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        type_and_unlock(qtbot, dialog, PASSPHRASE)
    assert dialog.vault is not None
    opened.append(dialog.vault)
    assert dialog.vault.is_open
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_enter_key_unlocks(qtbot, vault_dir: Path, opened: list[Vault]) -> None:
    dialog = make_dialog(qtbot, vault_dir)
    qtbot.keyClicks(dialog.field, PASSPHRASE)
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    opened.append(dialog.vault)


def test_recovery_key_unlocks(
    qtbot, vault_dir: Path, recovery_key: str, opened: list[Vault]
) -> None:
    dialog = make_dialog(qtbot, vault_dir)
    qtbot.mouseClick(dialog.mode_button, Qt.MouseButton.LeftButton)
    assert dialog.field_label.text() == "&Recovery key"

    type_and_unlock(qtbot, dialog, "AAAA-BBBB")
    qtbot.waitUntil(lambda: "not a recovery key" in dialog.message.text())

    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        type_and_unlock(qtbot, dialog, recovery_key.lower())  # typed casually still works
    opened.append(dialog.vault)
    assert dialog.vault.is_open


def test_remember_checkbox_hidden_without_keychain(qtbot, vault_dir: Path) -> None:
    dialog = make_dialog(qtbot, vault_dir)
    assert not dialog.remember.isVisible()
    assert not dialog.keychain_button.isVisible()


def test_remember_then_unlock_without_typing(
    qtbot, memory_keyring, vault_dir: Path, opened: list[Vault]
) -> None:
    first = make_dialog(qtbot, vault_dir)
    assert first.remember.isVisible()
    first.remember.setChecked(True)
    with qtbot.waitSignal(first.accepted, timeout=WAIT_MS):
        type_and_unlock(qtbot, first, PASSPHRASE)
    assert first.vault.is_remembered()
    first.vault.close()

    second = make_dialog(qtbot, vault_dir)  # tries the keychain by itself
    qtbot.waitUntil(lambda: second.vault is not None, timeout=WAIT_MS)
    opened.append(second.vault)
    assert second.vault.is_open
    assert second.result() == QDialog.DialogCode.Accepted


def test_after_lock_keychain_is_offered_not_tried(
    qtbot, memory_keyring, open_vault: Vault, opened: list[Vault]
) -> None:
    open_vault.remember_on_this_computer()
    folder = open_vault.folder
    open_vault.close()
    dialog = make_dialog(qtbot, folder, try_keychain=False)
    qtbot.wait(50)
    assert dialog.vault is None
    assert dialog.keychain_button.isVisible()
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.keychain_button, Qt.MouseButton.LeftButton)
    opened.append(dialog.vault)


def test_stale_keychain_entry_falls_back_to_passphrase(
    qtbot, memory_keyring, vault_dir: Path, opened: list[Vault]
) -> None:
    vault_id = vault.read_key_file(vault_dir).vault_id
    memory_keyring.entries[("CoachDesk", vault_id)] = (b"\x00" * 32).hex()
    dialog = make_dialog(qtbot, vault_dir)
    qtbot.waitUntil(lambda: "keychain could not unlock" in dialog.message.text(), timeout=WAIT_MS)
    assert dialog.vault is None
    assert not dialog.keychain_button.isVisible()  # the stale entry was removed
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        type_and_unlock(qtbot, dialog, PASSPHRASE)
    opened.append(dialog.vault)


def test_vault_in_use_has_its_own_message(qtbot, open_vault: Vault) -> None:
    dialog = make_dialog(qtbot, open_vault.folder)
    type_and_unlock(qtbot, dialog, PASSPHRASE)
    qtbot.waitUntil(lambda: "open in another CoachDesk" in dialog.message.text())
    assert dialog.vault is None
    assert dialog.isVisible()


def test_not_a_vault_is_said_at_once(qtbot, tmp_path: Path) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "todo.txt").write_text("x")
    dialog = make_dialog(qtbot, folder)
    assert "not a CoachDesk vault" in dialog.message.text()
    assert not dialog.field.isEnabled()
    assert not dialog.unlock_button.isEnabled()


def test_damaged_key_file_is_said_at_once(qtbot, vault_dir: Path) -> None:
    (vault_dir / "vault.key").write_text("{ not json")
    dialog = make_dialog(qtbot, vault_dir)
    assert "damaged" in dialog.message.text()
    assert not dialog.unlock_button.isEnabled()
