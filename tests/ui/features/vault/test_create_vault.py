"""Creating a vault through the wizard, end to end, against the real vault code."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog

from coachdesk import vault
from coachdesk.ui.features.vault.create_vault import CreateVaultWizard
from tests.conftest import FAST_KDF

NEW_PASSPHRASE = "quiet meadow lantern seven"
WAIT_MS = 10_000


@pytest.fixture
def wizard(qtbot, tmp_path: Path) -> Iterator[CreateVaultWizard]:
    created = CreateVaultWizard(tmp_path / "practice", kdf=FAST_KDF)
    qtbot.addWidget(created)
    created.show()
    yield created
    if created.vault is not None:
        created.vault.close()


def test_create_end_to_end(qtbot, wizard: CreateVaultWizard, tmp_path: Path) -> None:
    folder = tmp_path / "practice"
    assert wizard.folder_page.ready()
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    page = wizard.passphrase_page
    assert wizard.current() is page
    commit = wizard.next_button
    assert commit.text() == "Create vault"
    assert not commit.isEnabled()

    qtbot.keyClicks(page.first, NEW_PASSPHRASE)
    assert page.strength.text()  # a live hint
    qtbot.keyClicks(page.second, NEW_PASSPHRASE[:-1] + "X")
    assert "do not match" in page.mismatch.text()
    assert not commit.isEnabled()
    assert not folder.exists()

    page.second.clear()
    qtbot.keyClicks(page.second, NEW_PASSPHRASE)
    assert page.mismatch.text() == ""
    assert commit.isEnabled()
    qtbot.mouseClick(commit, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.current() is wizard.recovery_page, timeout=WAIT_MS)

    key = wizard.recovery_page.key.text()
    assert len(key.split("-")) == 8
    qtbot.mouseClick(wizard.recovery_page.copy, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == key

    finish = wizard.next_button
    assert finish.text() == "Start using CoachDesk"
    assert not finish.isEnabled()
    assert not wizard.back_button.isVisible()
    assert not wizard.cancel_button.isVisible()
    wizard.reject()  # closing before confirming does not lose the key
    assert wizard.isVisible()
    assert "confirm" in wizard.recovery_page.reminder.text()

    wizard.recovery_page.confirm.setChecked(True)
    assert finish.isEnabled()
    qtbot.mouseClick(finish, Qt.MouseButton.LeftButton)
    assert wizard.result() == QDialog.DialogCode.Accepted
    assert wizard.recovery_page.key.text() == ""  # not kept in the widget

    assert wizard.vault is not None
    assert wizard.vault.is_open
    assert wizard.vault.folder == folder
    wizard.vault.close()
    wizard.vault = None
    with vault.open(folder, passphrase=NEW_PASSPHRASE):
        pass
    with vault.open(folder, recovery_key=key):
        pass


def test_short_passphrase_cannot_be_committed(qtbot, wizard: CreateVaultWizard) -> None:
    wizard.next()
    page = wizard.passphrase_page
    qtbot.keyClicks(page.first, "short")
    qtbot.keyClicks(page.second, "short")
    assert "Too short" in page.strength.text()
    assert not page.ready()
    assert not wizard.next_button.isEnabled()


def test_folder_with_a_vault_is_refused(qtbot, wizard: CreateVaultWizard, vault_dir: Path) -> None:
    wizard.folder_page.path.setText(str(vault_dir))
    assert "already a vault" in wizard.folder_page.problem.text()
    assert not wizard.next_button.isEnabled()


def test_folder_with_other_files_is_refused(
    qtbot, wizard: CreateVaultWizard, tmp_path: Path
) -> None:
    busy = tmp_path / "documents"
    busy.mkdir()
    (busy / "letter.txt").write_text("x")
    wizard.folder_page.path.setText(str(busy))
    assert "other files" in wizard.folder_page.problem.text()
    assert not wizard.folder_page.ready()


def test_remember_when_keychain_available(qtbot, memory_keyring, wizard: CreateVaultWizard) -> None:
    wizard.next()
    page = wizard.passphrase_page
    assert page.remember.isVisible()
    page.remember.setChecked(True)
    page.first.setText(NEW_PASSPHRASE)
    page.second.setText(NEW_PASSPHRASE)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.vault is not None, timeout=WAIT_MS)
    assert wizard.vault.is_remembered()


def test_remember_hidden_without_keychain(qtbot, wizard: CreateVaultWizard) -> None:
    wizard.next()
    assert not wizard.passphrase_page.remember.isVisible()


def test_cancel_before_creating_leaves_nothing(
    qtbot, wizard: CreateVaultWizard, tmp_path: Path
) -> None:
    wizard.next()
    wizard.reject()
    assert wizard.result() == QDialog.DialogCode.Rejected
    assert not (tmp_path / "practice").exists()
