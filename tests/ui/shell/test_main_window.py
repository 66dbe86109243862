"""The main window around a real vault: facts, backup, remember, lock and unlock again."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMenu, QMessageBox

from coachdesk import vault
from coachdesk.services.agreements import agreements
from coachdesk.ui.features.preferences.preferences import Preferences
from coachdesk.ui.kit.look import settings
from coachdesk.ui.shell.main_window import MainWindow
from coachdesk.ui.shell.window_geometry import GEOMETRY_KEY
from coachdesk.vault import Vault
from coachdesk.vault.backups import read_backup
from tests.conftest import PASSPHRASE

WAIT_MS = 10_000


def test_shows_the_vault(qtbot, window: MainWindow, vault_dir: Path) -> None:
    assert window.windowTitle() == f"{vault_dir.name} — CoachDesk"
    window.show_page(window.vault_page)  # the Vault view counts records when shown
    qtbot.waitUntil(lambda: window.facts.counts is not None, timeout=WAIT_MS)
    assert window.vault_page.name.text() == vault_dir.name
    assert window.vault_page.folder.text() == str(vault_dir)
    assert window.vault_page.records.text() == "No clients or sessions yet."
    # today's automatic backup was taken after unlock, and is shown
    assert window.facts is not None
    assert window.facts.last_backup is not None
    assert window.vault_page.last_backup.text().startswith("Today at")
    assert "Last backup: Today at" in window.status.backup.text()
    assert window.status.lock.text() == "Unlocked"


def test_navigation_opens_on_today_and_each_view_has_a_shortcut(window: MainWindow) -> None:
    texts = window.navigation.titles()
    assert texts == [
        "Today",
        "Clients",
        "Sessions",
        "Agreements",
        "Money",
        "Revenue",
        "Credential",
        "Sponsors",
        "Search",
        "Questionnaires",
        "Backups",
        "Vault",
    ]
    assert window.current_view() is window.today_page
    shortcuts = [a.shortcut().toString() for a in window.menu_actions.views]
    assert shortcuts == [f"Ctrl+{n}" for n in range(1, 10)] + ["", "", ""]
    window.menu_actions.views[3].trigger()
    assert window.current_view() is window.agreements_page
    window.menu_actions.views[4].trigger()
    assert window.current_view() is window.money_page
    window.menu_actions.views[5].trigger()
    assert window.current_view() is window.revenue_page
    window.menu_actions.views[6].trigger()
    assert window.current_view() is window.credentials_page
    window.menu_actions.views[7].trigger()
    assert window.current_view() is window.sponsors_page
    window.menu_actions.views[8].trigger()
    assert window.current_view() is window.search_page
    window.menu_actions.views[1].trigger()
    assert window.current_view() is window.clients_area


def test_every_action_has_a_menu_and_the_issue_shortcuts(window: MainWindow) -> None:
    in_menus = {a for menu in window.menuBar().findChildren(QMenu) for a in menu.actions()}
    a = window.menu_actions
    for action in (
        a.new_client,
        a.new_session_notes,
        a.find,
        a.lock,
        a.preferences,
        a.about,
        a.backup,
        a.schedule_session,
        a.where_is_my_data,
        a.quit,
    ):
        assert action in in_menus, action.text()
    assert a.new_client.shortcut().toString() == "Ctrl+N"
    assert a.new_session_notes.shortcut().toString() == "Ctrl+Shift+N"
    assert a.find.shortcut().toString() == "Ctrl+F"
    assert a.lock.shortcut().toString() == "Ctrl+L"


def test_back_up_to_a_file_the_coach_picks(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dest = tmp_path / "elsewhere.cdbackup"
    monkeypatch.setattr(
        "coachdesk.ui.features.backups.backups_page.QFileDialog.getSaveFileName",
        lambda *_a, **_k: (str(dest), ""),
    )
    window.menu_actions.backup_to_file.trigger()
    qtbot.waitUntil(lambda: "Backup saved to" in window.backups_page.status.text(), timeout=WAIT_MS)
    assert dest.exists()
    assert window.current_view() is window.backups_page
    info, _key = read_backup(dest)
    assert info.vault_id == window.vault.vault_id


def test_back_up_into_missing_folder_shows_error(qtbot, window: MainWindow, tmp_path: Path) -> None:
    window.backups_page.back_up_now(tmp_path / "missing" / "b.cdbackup")
    qtbot.waitUntil(lambda: window.findChild(QMessageBox) is not None, timeout=WAIT_MS)
    box = window.findChild(QMessageBox)
    assert box.isVisible()
    assert "does not exist" in box.text()
    assert "Traceback" not in box.text()
    assert window.backups_page.backup_button.isEnabled()


def test_remember_and_forget(qtbot, memory_keyring, window: MainWindow) -> None:
    window.refresh_facts()
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=WAIT_MS)
    assert window.vault_page.remember_button.text() == "Remember on this computer"
    qtbot.mouseClick(window.vault_page.remember_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.facts.remembered, timeout=WAIT_MS)
    assert window.vault.is_remembered()
    assert window.vault_page.remember_button.text() == "Forget on this computer"
    assert window.menu_actions.remember.isChecked()
    qtbot.mouseClick(window.vault_page.remember_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.facts.remembered, timeout=WAIT_MS)
    assert not window.vault.is_remembered()


def test_lock_closes_the_vault_and_unlock_reopens(
    qtbot, window: MainWindow, vault_dir: Path
) -> None:
    first = window.vault
    window.menu_actions.lock.trigger()
    assert window.vault is None
    assert not first.is_open
    assert not window.isVisible()
    assert window.status.lock.text() == "Locked"
    # the lock file is released: another open in this process succeeds
    with vault.open(vault_dir, passphrase=PASSPHRASE) as again:
        assert again.is_open

    dialog = window.locking.unlock_dialog
    assert dialog is not None
    assert dialog.isVisible()
    qtbot.keyClicks(dialog.field, PASSPHRASE)
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.vault is not None, timeout=WAIT_MS)
    assert window.vault.is_open
    assert window.isVisible()
    assert window.status.lock.text() == "Unlocked"


def test_unlock_returns_to_the_view_the_coach_was_on(qtbot, window: MainWindow) -> None:
    window.show_page(window.sessions_page)
    window.menu_actions.lock.trigger()
    dialog = window.locking.unlock_dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.field, PASSPHRASE)
    dialog.unlock_button.click()
    qtbot.waitUntil(lambda: window.vault is not None, timeout=WAIT_MS)
    assert window.current_view() is window.sessions_page


def test_cancel_unlock_after_lock_asks_to_quit(qtbot, window: MainWindow) -> None:
    window.locking.lock()
    with qtbot.waitSignal(window.quit_requested, timeout=WAIT_MS):
        window.locking.unlock_dialog.reject()
    assert window.vault is None


def test_close_saves_geometry_and_closes_vault(qtbot, window: MainWindow) -> None:
    opened: Vault = window.vault
    window.close()
    assert not opened.is_open
    assert window.vault is None
    assert settings().value(GEOMETRY_KEY) is not None


def add_client(window: MainWindow, name: str) -> None:
    from coachdesk.services.people import clients

    with window.vault.session() as db, db.begin():
        clients.create_client(db, clients.ClientFields(display_name=name))
    window.practice.changed.emit("clients")


def test_lock_clears_every_view(qtbot, window: MainWindow) -> None:
    add_client(window, "Confidential Person")
    window.show_view(1)
    qtbot.waitUntil(lambda: window.clients_page.model.rowCount() == 1, timeout=WAIT_MS)
    window.locking.lock()
    assert window.clients_page.model.rowCount() == 0
    texts = " ".join(label.text() for label in window.findChildren(QLabel))
    assert "Confidential Person" not in texts


def test_auto_lock_after_idle_minutes(qtbot, window: MainWindow) -> None:
    window.apply_preferences(Preferences(auto_lock_minutes=1))
    window.idle.check()
    assert window.vault is not None, "not idle yet"
    window.idle._last -= 61  # a minute without input
    window.idle.check()
    assert window.vault is None
    assert window.status.lock.text() == "Locked"


def test_ctrl_shift_n_opens_the_notes_of_the_session_just_held(qtbot, window: MainWindow) -> None:
    from datetime import UTC, datetime, timedelta

    from coachdesk.services.people import clients
    from coachdesk.services.sessions import sessions
    from coachdesk.ui.features.notes.editor import NotesEditor

    with window.vault.session() as db, db.begin():
        who = clients.create_client(db, clients.ClientFields(display_name="Aoife")).id
        held = sessions.schedule_session(
            db, sessions.SessionFields(who, datetime.now(UTC) - timedelta(minutes=50))
        ).id
    window.practice.changed.emit("sessions")
    window.menu_actions.new_session_notes.trigger()
    qtbot.waitUntil(lambda: bool(NotesEditor.all_open()), timeout=WAIT_MS)
    editor = NotesEditor.all_open()[0]
    assert editor.session_id == held
    editor.keep_as_draft()
    editor.close()


def test_auto_lock_waits_for_a_half_typed_client_form(qtbot, window: MainWindow) -> None:
    """Typed consultation details have no draft: locking must not wipe them."""
    window.apply_preferences(Preferences(auto_lock_minutes=1))
    dialog = window.clients_page.new_client()
    qtbot.waitUntil(dialog.form.isEnabled, timeout=WAIT_MS)  # sponsors loaded
    qtbot.keyClicks(dialog.form.inputs["display_name"], "Half-typed Client")
    window.idle._last -= 61
    window.idle.check()
    assert window.vault is not None
    assert "form you are filling in" in window.statusBar().currentMessage()
    assert dialog.form.inputs["display_name"].text() == "Half-typed Client"
    dialog.discard()
    window.locking.lock()
    assert window.vault is None


def test_unlock_stores_the_shipped_templates_once(qtbot, window: MainWindow) -> None:
    # stored through the practice, whose writes run beside the window's own tasks
    qtbot.waitUntil(lambda: not window.practice.tasks.busy, timeout=WAIT_MS)
    assert window.vault is not None
    with window.vault.session() as db:
        rows = agreements.list_templates(db)
    assert sorted(row.kind.value for row in rows if row.builtin) == ["coaching", "mentoring"]
    window.locking.lock()
    dialog = window.locking.unlock_dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.field, PASSPHRASE)
    dialog.unlock_button.click()
    qtbot.waitUntil(
        lambda: window.vault is not None and not window.practice.tasks.busy, timeout=WAIT_MS
    )
    with window.vault.session() as db:
        assert len(agreements.list_templates(db)) == len(rows)
