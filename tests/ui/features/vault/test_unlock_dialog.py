"""The unlock dialog against real vaults: wrong then right, recovery key, keychain, errors."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from coachdesk import vault
from coachdesk.errors import WrongPassphrase
from coachdesk.ui.features.vault.passphrase_change import ChangePassphraseDialog
from coachdesk.ui.features.vault.unlock_dialog import UnlockDialog
from coachdesk.vault import Vault
from tests.conftest import PASSPHRASE

WAIT_MS = 10_000
NEW = "amber kettle north ridge"


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


def test_the_typed_passphrase_is_cleared_once_unlocked(
    qtbot, vault_dir: Path, opened: list[Vault]
) -> None:
    dialog = make_dialog(qtbot, vault_dir)
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        type_and_unlock(qtbot, dialog, PASSPHRASE)
    opened.append(dialog.vault)
    assert dialog.field.text() == ""


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

    type_and_unlock(qtbot, dialog, recovery_key.lower())  # typed casually still works
    offer = wait_for_the_offer(qtbot, dialog)
    opened.append(dialog.vault)
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        offer.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()  # "Later"
    assert dialog.vault.is_open
    assert dialog.notice is None


def wait_for_the_offer(qtbot, dialog: UnlockDialog) -> ChangePassphraseDialog:
    """The new-passphrase offer that opens once the recovery key has unlocked the vault."""
    qtbot.waitUntil(lambda: dialog.new_passphrase_offer is not None, timeout=WAIT_MS)
    offer = dialog.new_passphrase_offer
    assert offer is not None
    qtbot.waitExposed(offer)
    assert dialog.vault is not None
    assert dialog.vault.is_open
    assert dialog.isVisible(), "the vault is not handed over before the offer is answered"
    return offer


def test_unlocking_with_the_recovery_key_offers_a_new_passphrase(
    qtbot, vault_dir: Path, recovery_key: str, opened: list[Vault]
) -> None:
    dialog = make_dialog(qtbot, vault_dir)
    qtbot.mouseClick(dialog.mode_button, Qt.MouseButton.LeftButton)
    type_and_unlock(qtbot, dialog, recovery_key)
    offer = wait_for_the_offer(qtbot, dialog)
    opened.append(dialog.vault)
    assert offer.windowTitle() == "Set a new passphrase"
    assert offer.buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Later"
    dialog.reject()  # Escape on the unlock window must not drop the open vault
    assert dialog.isVisible()
    assert not offer.change_button.isEnabled()
    qtbot.keyClicks(offer.new.first, NEW)
    qtbot.keyClicks(offer.new.second, NEW)
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        qtbot.mouseClick(offer.change_button, Qt.MouseButton.LeftButton)
    assert dialog.notice == "Your new passphrase is set: unlock with it from now on."
    dialog.vault.close()
    with vault.open(vault_dir, passphrase=NEW) as again:
        assert again.is_open
    with pytest.raises(WrongPassphrase):
        vault.open(vault_dir, passphrase=PASSPHRASE)
    with vault.open(vault_dir, recovery_key=recovery_key) as by_key:
        assert by_key.is_open, "the recovery key keeps working"


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
