"""Locking: drafts are kept before anything makes the lock wait, and every window holding typed
text without a draft makes it wait, with its reason."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from coachdesk.services.progress import goals
from coachdesk.services.progress.goals import GoalFields
from coachdesk.services.sessions import notes
from coachdesk.ui.features.goals import GoalWindow
from coachdesk.ui.features.notes import NotesEditor
from coachdesk.ui.shell.main_window import MainWindow
from tests.services.factories import at, client, session

WAIT_MS = 10_000
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
    qtbot.keyClicks(goal_window.page.new_action.text, "Hand over the weekly report")
    window.locking.lock()
    assert window.vault is not None, "the typed action item would have been lost"
    assert "Not locked" in window.statusBar().currentMessage()
    goal_window.page.new_action.text.clear()
    window.locking.lock()
    assert window.vault is None
    assert window.progress_windows.open == {}
    assert goal_window.page.title.text() == ""
