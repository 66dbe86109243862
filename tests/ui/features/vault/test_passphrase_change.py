"""Changing the passphrase from the app: a wrong current one changes nothing; the recovery key
is the way in when it is forgotten."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from coachdesk import vault
from coachdesk.errors import WrongPassphrase
from coachdesk.ui.features.vault.passphrase_change import ChangePassphraseDialog
from coachdesk.vault import Vault
from tests.conftest import PASSPHRASE

NEW = "amber kettle north ridge"
WAIT_MS = 10_000


@pytest.fixture
def opened(vault_dir: Path) -> Iterator[Vault]:
    with vault.open(vault_dir, passphrase=PASSPHRASE) as v:
        yield v


@pytest.fixture
def dialog(qtbot, opened: Vault) -> ChangePassphraseDialog:
    shown = ChangePassphraseDialog(opened)
    qtbot.addWidget(shown)
    shown.show()
    return shown


def type_new(qtbot, dialog: ChangePassphraseDialog, new: str = NEW) -> None:
    qtbot.keyClicks(dialog.new.first, new)
    qtbot.keyClicks(dialog.new.second, new)


def test_wrong_current_passphrase_changes_nothing(
    qtbot, dialog: ChangePassphraseDialog, opened: Vault, vault_dir: Path
) -> None:
    key_file = opened.layout.key.read_bytes()
    qtbot.keyClicks(dialog.proof, "not my passphrase")
    type_new(qtbot, dialog)
    assert dialog.change_button.isEnabled()
    qtbot.mouseClick(dialog.change_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.proof_message.text() != "", timeout=WAIT_MS)
    assert dialog.proof_message.text() == "The passphrase is not correct."
    assert dialog.isVisible()
    assert dialog.new.first.text() == NEW  # nothing typed is lost
    assert opened.layout.key.read_bytes() == key_file
    opened.close()
    with pytest.raises(WrongPassphrase):
        vault.open(vault_dir, passphrase=NEW)
    with vault.open(vault_dir, passphrase=PASSPHRASE):
        pass


def test_mismatch_and_short_passphrase_cannot_be_sent(
    qtbot, dialog: ChangePassphraseDialog
) -> None:
    qtbot.keyClicks(dialog.proof, PASSPHRASE)
    qtbot.keyClicks(dialog.new.first, NEW)
    qtbot.keyClicks(dialog.new.second, NEW + "x")
    assert dialog.new.mismatch.text() == "The two passphrases do not match."
    assert not dialog.change_button.isEnabled()
    dialog.new.wipe()
    type_new(qtbot, dialog, "short")
    assert "Too short" in dialog.new.strength.text()
    assert not dialog.change_button.isEnabled()


def test_current_passphrase_then_new_one(
    qtbot, dialog: ChangePassphraseDialog, opened: Vault, vault_dir: Path
) -> None:
    qtbot.keyClicks(dialog.proof, PASSPHRASE)
    type_new(qtbot, dialog)
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.change_button, Qt.MouseButton.LeftButton)
    opened.close()
    with vault.open(vault_dir, passphrase=NEW):
        pass
    with pytest.raises(WrongPassphrase):
        vault.open(vault_dir, passphrase=PASSPHRASE)


def test_recovery_key_instead_of_the_forgotten_passphrase(
    qtbot, dialog: ChangePassphraseDialog, opened: Vault, vault_dir: Path, recovery_key: str
) -> None:
    qtbot.mouseClick(dialog.mode_button, Qt.MouseButton.LeftButton)
    assert dialog.proof_label.text() == "&Recovery key"
    qtbot.keyClicks(dialog.proof, "AAAA-BBBB")
    type_new(qtbot, dialog)
    qtbot.mouseClick(dialog.change_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.proof_message.text() != "", timeout=WAIT_MS)
    assert "not a recovery key" in dialog.proof_message.text()

    dialog.proof.clear()
    qtbot.keyClicks(dialog.proof, recovery_key.lower())
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.change_button, Qt.MouseButton.LeftButton)
    opened.close()
    with vault.open(vault_dir, passphrase=NEW):
        pass
    with vault.open(vault_dir, recovery_key=recovery_key):  # the recovery key still works
        pass


def test_rekey_locks_the_records_under_a_new_key_and_shows_the_new_recovery_key(
    qtbot, dialog: ChangePassphraseDialog, opened: Vault, recovery_key: str
) -> None:
    assert dialog.rekey.isVisible()
    assert "may know" in dialog.rekey_note.text()  # says when a re-key is the right choice
    qtbot.keyClicks(dialog.proof, PASSPHRASE)
    type_new(qtbot, dialog)
    dialog.rekey.setChecked(True)
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.change_button, Qt.MouseButton.LeftButton)
    assert dialog.new_recovery_key in dialog.recovery_notice.text()
    assert dialog.new_recovery_key != recovery_key
    folder = opened.folder
    opened.close()
    with pytest.raises(WrongPassphrase):
        vault.open(folder, recovery_key=recovery_key)
    vault.open(folder, recovery_key=dialog.new_recovery_key).close()
    vault.open(folder, passphrase=NEW).close()


def test_rekey_is_not_offered_with_the_recovery_key(qtbot, dialog: ChangePassphraseDialog) -> None:
    dialog.toggle_recovery_mode()
    assert not dialog.rekey.isVisible()
