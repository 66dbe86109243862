"""The main window around a real vault: facts, backup, remember, lock and unlock again."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from coachdesk import vault
from coachdesk.ui.look import settings
from coachdesk.ui.main_window import GEOMETRY_KEY, MainWindow
from coachdesk.vault import Vault
from tests.conftest import PASSPHRASE

WAIT_MS = 10_000


@pytest.fixture
def window(qtbot, vault_dir: Path) -> Iterator[MainWindow]:
    opened = vault.open(vault_dir, passphrase=PASSPHRASE)
    main = MainWindow(opened)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitUntil(lambda: main.facts is not None and not main.tasks.busy, timeout=WAIT_MS)
    yield main
    if main.vault is not None:
        main.vault.close()
    if main.unlock_dialog is not None and main.unlock_dialog.vault is not None:
        main.unlock_dialog.vault.close()


def test_shows_the_vault(window: MainWindow, vault_dir: Path) -> None:
    assert window.windowTitle() == f"{vault_dir.name} — CoachDesk"
    assert window.vault_page.name.text() == vault_dir.name
    assert window.vault_page.folder.text() == str(vault_dir)
    assert window.vault_page.records.text() == "No clients or sessions yet."
    # today's automatic backup was taken after unlock, and is shown
    assert window.facts is not None
    assert window.facts.last_backup is not None
    assert window.vault_page.last_backup.text().startswith("Today at")
    assert "Last backup: Today at" in window.status_backup.text()
    assert window.status_lock.text() == "Unlocked"


def test_future_views_are_listed_but_disabled(window: MainWindow) -> None:
    texts = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert texts[:5] == ["Today", "Clients", "Sessions", "Agreements", "Search"]
    for i in range(5):
        item = window.nav.item(i)
        assert not item.flags() & Qt.ItemFlag.ItemIsEnabled
        assert item.toolTip() == "Coming soon"
    assert window.nav.currentItem().text() == "Vault"


def test_back_up_now(qtbot, window: MainWindow, tmp_path: Path) -> None:
    dest = tmp_path / "elsewhere.cdbackup"
    window.backup_to(dest)
    qtbot.waitUntil(lambda: dest.exists() and not window.tasks.busy, timeout=WAIT_MS)
    assert "Backup saved to" in window.statusBar().currentMessage()
    assert window.backup_action.isEnabled()


def test_back_up_into_missing_folder_shows_error(qtbot, window: MainWindow, tmp_path: Path) -> None:
    window.backup_to(tmp_path / "missing" / "b.cdbackup")
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=WAIT_MS)
    box = window.findChild(QMessageBox)
    assert box is not None
    assert box.isVisible()
    assert "does not exist" in box.text()
    assert "Traceback" not in box.text()
    assert window.backup_action.isEnabled()


def test_remember_and_forget(qtbot, memory_keyring, window: MainWindow) -> None:
    window.refresh()
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=WAIT_MS)
    assert window.vault_page.remember_button.text() == "Remember on this computer"
    qtbot.mouseClick(window.vault_page.remember_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.facts.remembered, timeout=WAIT_MS)
    assert window.vault.is_remembered()
    assert window.vault_page.remember_button.text() == "Forget on this computer"
    assert window.remember_action.isChecked()
    qtbot.mouseClick(window.vault_page.remember_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.facts.remembered, timeout=WAIT_MS)
    assert not window.vault.is_remembered()


def test_lock_closes_the_vault_and_unlock_reopens(
    qtbot, window: MainWindow, vault_dir: Path
) -> None:
    first = window.vault
    window.lock_action.trigger()
    assert window.vault is None
    assert not first.is_open
    assert not window.isVisible()
    assert window.status_lock.text() == "Locked"
    # the lock file is released: another open in this process succeeds
    with vault.open(vault_dir, passphrase=PASSPHRASE) as again:
        assert again.is_open

    dialog = window.unlock_dialog
    assert dialog is not None
    assert dialog.isVisible()
    qtbot.keyClicks(dialog.field, PASSPHRASE)
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.vault is not None, timeout=WAIT_MS)
    assert window.vault.is_open
    assert window.isVisible()
    assert window.status_lock.text() == "Unlocked"


def test_cancel_unlock_after_lock_asks_to_quit(qtbot, window: MainWindow) -> None:
    window.lock()
    with qtbot.waitSignal(window.quit_requested, timeout=WAIT_MS):
        window.unlock_dialog.reject()
    assert window.vault is None


def test_close_saves_geometry_and_closes_vault(qtbot, window: MainWindow) -> None:
    opened: Vault = window.vault
    window.close()
    assert not opened.is_open
    assert window.vault is None
    assert settings().value(GEOMETRY_KEY) is not None
