"""Locking from every window (issue 17): Ctrl+L and the idle lock reach a notes editor, which is
a window of its own; drafts are kept before anything makes the lock wait; and every window
holding typed text without a draft makes it wait, with its reason."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from coachdesk import vault
from coachdesk.services.progress import goals
from coachdesk.services.progress.goals import GoalFields
from coachdesk.services.sessions import notes
from coachdesk.ui.features.goals import GoalWindow
from coachdesk.ui.features.notes import NotesEditor
from coachdesk.ui.features.preferences.preferences import Preferences
from coachdesk.ui.shell.main_window import MainWindow
from tests.conftest import PASSPHRASE
from tests.services.factories import at, client, session

WAIT_MS = 10_000
CTRL = Qt.KeyboardModifier.ControlModifier
FORM_WAITS = "Not locked: save or cancel the form you are filling in."


@pytest.fixture(autouse=True)
def _no_question_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    """A failing test must not hang at teardown on a question nobody answers: keep a draft."""
    monkeypatch.setattr(QMessageBox, "exec", lambda _box: QMessageBox.StandardButton.No.value)


def open_notes(qtbot, window: MainWindow) -> NotesEditor:
    """A held session's notes, in their own window, active, the first box focused."""
    assert window.vault is not None
    with window.vault.session() as db, db.begin():
        held = session(db, client(db, "Amara Okafor"), at(10))
    window.practice.open_session_notes.emit(held)
    (editor,) = [e for e in NotesEditor.all_open() if e.session_id == held]
    qtbot.waitUntil(lambda: editor.loaded is not None and editor.body.isEnabled(), timeout=WAIT_MS)
    activate(qtbot, editor)
    editor.sections.first_box().setFocus()
    return editor


def activate(qtbot, widget: QWidget) -> None:
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget, timeout=WAIT_MS)


def stored_draft(vault_dir: Path, session_id: int) -> str:
    with vault.open(vault_dir, passphrase=PASSPHRASE) as again, again.session() as db:
        draft = notes.get_draft(db, session_id)
    return draft.content if draft is not None else ""


def test_ctrl_l_in_a_notes_editor_keeps_the_draft_and_locks(
    qtbot, window: MainWindow, vault_dir: Path
) -> None:
    editor = open_notes(qtbot, window)
    box = editor.sections.first_box()
    qtbot.keyClicks(box, "Private words on screen")
    qtbot.keyClick(box, Qt.Key.Key_L, CTRL)
    assert window.vault is None, "Ctrl+L in the notes editor did not lock"
    assert not editor.isVisible(), "private notes stayed on screen"
    assert NotesEditor.all_open() == []
    assert not window.isVisible()
    assert "Private words on screen" in stored_draft(vault_dir, editor.session_id)


def test_typing_in_a_notes_editor_holds_off_the_idle_lock(qtbot, window: MainWindow) -> None:
    window.apply_preferences(Preferences(auto_lock_minutes=1))
    editor = open_notes(qtbot, window)
    window.idle._last -= 61  # a minute since the last input anywhere...
    qtbot.keyClicks(editor.sections.first_box(), "Still typing")  # ...until these keys
    window.idle.check()
    assert window.vault is not None, "keys typed in the notes editor did not count"

    window.idle._last -= 61  # now away for a minute: the idle lock reaches the editor too
    window.idle.check()
    assert window.vault is None
    assert NotesEditor.all_open() == []


def test_ctrl_l_in_the_main_window_locks_once(qtbot, window: MainWindow) -> None:
    triggered: list[bool] = []
    window.menu_actions.lock.triggered.connect(lambda checked=False: triggered.append(checked))
    activate(qtbot, window)
    qtbot.keyClick(window.today_page, Qt.Key.Key_L, CTRL)
    assert window.vault is None
    assert len(triggered) == 1


def test_ctrl_l_in_a_form_keeps_the_typed_text_and_says_why(qtbot, window: MainWindow) -> None:
    dialog = window.clients_page.new_client()
    qtbot.waitUntil(dialog.form.isEnabled, timeout=WAIT_MS)  # sponsors loaded
    name = dialog.form.inputs["display_name"]
    qtbot.keyClicks(name, "Half-typed Client")
    qtbot.keyClick(name, Qt.Key.Key_L, CTRL)
    assert window.vault is not None
    assert window.statusBar().currentMessage() == FORM_WAITS
    assert name.text() == "Half-typed Client"
    dialog.discard()
    qtbot.keyClick(window.today_page, Qt.Key.Key_L, CTRL)
    assert window.vault is None


def test_drafts_are_kept_before_a_form_makes_the_lock_wait(qtbot, window: MainWindow) -> None:
    editor = open_notes(qtbot, window)
    qtbot.keyClicks(editor.sections.first_box(), "Kept even though the lock waits")
    dialog = window.clients_page.new_client()
    qtbot.waitUntil(dialog.form.isEnabled, timeout=WAIT_MS)
    qtbot.keyClicks(dialog.form.inputs["display_name"], "Half-typed Client")
    window.locking.lock()
    assert window.vault is not None
    assert window.statusBar().currentMessage() == FORM_WAITS
    assert editor.isVisible()
    with window.vault.session() as db:
        draft = notes.get_draft(db, editor.session_id)
    assert draft is not None
    assert "Kept even though the lock waits" in draft.content


def test_a_typed_session_location_makes_the_lock_wait(qtbot, window: MainWindow) -> None:
    window.schedule_session(None)
    dialog = window.sessions_page.dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.location, "Room 4, second floor")
    window.locking.lock()
    assert window.vault is not None, "the typed location would have been lost"
    assert window.statusBar().currentMessage() == FORM_WAITS
    dialog.location.clear()
    window.locking.lock()
    assert window.vault is None
    assert not dialog.isVisible()


def test_a_typed_action_item_in_a_goal_window_makes_the_lock_wait(
    qtbot, window: MainWindow
) -> None:
    assert window.vault is not None
    with window.vault.session() as db, db.begin():
        amara = client(db, "Amara Okafor")
        goal = goals.create_goal(db, GoalFields(amara, "Delegate", baseline=3, target=8)).id
    window.practice.open_goal.emit(goal)
    goal_window = window.progress_windows.open["goal"]
    assert isinstance(goal_window, GoalWindow)
    qtbot.waitUntil(lambda: goal_window.page.detail is not None, timeout=WAIT_MS)
    qtbot.keyClicks(goal_window.page.linked.new_action.text, "Hand over the weekly report")
    window.locking.lock()
    assert window.vault is not None, "the typed action item would have been lost"
    assert "Not locked" in window.statusBar().currentMessage()
    goal_window.page.linked.new_action.text.clear()
    window.locking.lock()
    assert window.vault is None
    assert window.progress_windows.open == {}
    assert goal_window.page.title.text() == ""
