"""The notes editor on a real vault: save everything at once, drafts that survive a crash or a
restart, the questions before losing anything, and the keyboard-only minute after the call."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QListWidget, QMessageBox

from coachdesk import vault
from coachdesk.model import SessionStatus
from coachdesk.services.progress import actions, goals
from coachdesk.services.progress.actions import ActionFields
from coachdesk.services.progress.goals import GoalFields
from coachdesk.services.sessions import notes, sessions
from coachdesk.ui.features.clients.client_page import ClientPage
from coachdesk.ui.features.notes import NotesEditor
from coachdesk.ui.features.notes.state import NotesState
from coachdesk.ui.features.search.search_page import SearchPage
from coachdesk.ui.kit.practice import Practice
from coachdesk.vault import Vault
from tests.conftest import PASSPHRASE
from tests.services import factories as make

WAIT_MS = 10_000
Button = QMessageBox.StandardButton


@dataclass
class Seeded:
    """A client with a held session, the session whose notes are written, and the next one."""

    client: int
    earlier: int
    current: int
    following: int
    goal: int
    old_action: int


def seed(opened: Vault) -> Seeded:
    with opened.session() as db, db.begin():
        client = make.client(db)
        engagement = make.engagement(db, client)
        earlier = make.session(
            db, client, make.at(3), engagement_id=engagement, status=SessionStatus.COMPLETED
        )
        current = make.session(db, client, make.at(10), engagement_id=engagement)
        following = make.session(db, client, make.at(17), engagement_id=engagement)
        goal = goals.create_goal(db, GoalFields(client, "Delegate more", baseline=3)).id
        goals.rate_goal(db, goal, 4, session_id=earlier)
        old_action = actions.add_action(
            db, ActionFields(client, "Read chapter 3", date(2026, 3, 9), earlier)
        ).id
    return Seeded(client, earlier, current, following, goal, old_action)


@pytest.fixture
def opened(vault_dir: Path) -> Iterator[Vault]:
    handle = vault.open(vault_dir, passphrase=PASSPHRASE)
    yield handle
    if handle.is_open:
        handle.close()


@pytest.fixture
def practice(opened: Vault) -> Iterator[Practice]:
    made = Practice(opened)
    made.load_zone()
    yield made
    for editor in NotesEditor.all_open():
        editor.keep_as_draft()
        editor.close()
    made.finish()


@pytest.fixture(autouse=True)
def answers(monkeypatch: pytest.MonkeyPatch) -> list[Button]:
    """The coach's answers to the editor's questions, in order; an unexpected question fails
    (rather than waiting for a click that never comes)."""
    queue: list[Button] = []

    def answer(box: QMessageBox) -> int:
        assert queue, f"unexpected question: {box.text()}"
        return queue.pop(0).value

    monkeypatch.setattr(QMessageBox, "exec", answer)
    return queue


@pytest.fixture
def data(opened: Vault) -> Seeded:
    return seed(opened)


def open_editor(qtbot, practice: Practice, session_id: int) -> NotesEditor:
    editor = NotesEditor.open_for(practice, session_id)
    qtbot.waitUntil(lambda: editor.loaded is not None and editor.body.isEnabled(), timeout=WAIT_MS)
    return editor


def activate(qtbot, editor: NotesEditor) -> None:
    editor.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor, timeout=WAIT_MS)


def read(opened: Vault, work):
    with opened.session() as db:
        return work(db)


def test_records_notes_actions_and_ratings(qtbot, practice, opened, data: Seeded) -> None:
    editor = open_editor(qtbot, practice, data.current)
    assert editor.windowTitle() == "Notes — Amara Okafor — 10 March 2026"
    assert editor.body.facts.text().startswith("Session 2 of 8 · Leadership programme")
    goal_box, reality_box, _options, will_box = editor.sections.boxes[editor.sections.template()]
    qtbot.keyClicks(editor.agenda, "Delegation")
    qtbot.keyClicks(goal_box, "Hand over the weekly report")
    qtbot.keyClicks(reality_box, "Still writes it herself")
    qtbot.keyClicks(will_box, "Ask Sam on Monday")
    qtbot.keyClicks(editor.sections.private, "Sounded exhausted")
    qtbot.keyClicks(editor.actions_box.new_actions, "List three tasks to hand over")
    qtbot.keyClick(editor.actions_box.new_actions, Qt.Key.Key_Return)
    qtbot.keyClicks(editor.actions_box.new_actions, "Talk to Sam")
    editor.actions_box.carried.setFocus()
    qtbot.keyClick(editor.actions_box.carried, Qt.Key.Key_Space)  # the old action is done
    slider = editor.ratings.sliders()[0]
    assert slider.value() == 4  # starts at the latest score
    qtbot.keyClick(slider, Qt.Key.Key_Right)
    qtbot.keyClick(slider, Qt.Key.Key_Right)
    editor.ratings.feedback.setCurrentIndex(editor.ratings.feedback.findData(5))
    assert editor.actions_box.due_hint.text() == "Due 17 Mar 2026, the next session."

    with qtbot.waitSignal(editor.saved, timeout=WAIT_MS):
        editor.save()
    assert editor.saved_mark.text().startswith("Saved ")

    detail = read(opened, lambda db: sessions.get_session(db, data.current))
    assert detail.agenda == "Delegation"
    assert detail.shared_notes == (
        "Goal\nHand over the weekly report\n\nReality\nStill writes it herself\n\n"
        "Will\nAsk Sam on Monday"
    )
    assert detail.private_notes == "Sounded exhausted"
    assert "exhausted" not in detail.shared_notes
    assert detail.status is SessionStatus.COMPLETED
    assert detail.feedback_score == 5
    assert not detail.has_draft
    new = read(opened, lambda db: actions.list_actions(db, session_id=data.current))
    assert [(a.text, a.due_on) for a in new] == [
        ("List three tasks to hand over", date(2026, 3, 17)),
        ("Talk to Sam", date(2026, 3, 17)),
    ]
    old = read(opened, lambda db: actions.get_action(db, data.old_action).status)
    assert old.value == "done"
    series = read(opened, lambda db: goals.progress_series(db, data.goal))
    assert [score for _when, score in series] == [4, 6]
    # saved lines leave the box (saving again adds no duplicates); the list shows them agreed
    assert editor.actions_box.actions_text() == ""
    qtbot.waitUntil(lambda: "Talk to Sam" in editor.actions_box.agreed.text(), timeout=WAIT_MS)
    assert not editor.has_unsaved_changes()

    assert_found_again(qtbot, practice, data)


def assert_found_again(qtbot, practice: Practice, data: Seeded) -> None:
    """What was saved shows on the client page and in Search."""
    page = ClientPage(practice)
    qtbot.addWidget(page)
    page.show_client(data.client)
    qtbot.waitUntil(lambda: page.view is not None, timeout=WAIT_MS)
    shown = " ".join(
        [label.text() for label in page.findChildren(QLabel)]
        + [w.item(i).text() for w in page.findChildren(QListWidget) for i in range(w.count())]
    )
    assert "List three tasks to hand over" in shown
    assert "Talk to Sam" in shown
    search = SearchPage(practice)
    qtbot.addWidget(search)
    search.search_now("weekly report")
    qtbot.waitUntil(lambda: bool(search.hits()), timeout=WAIT_MS)
    assert [(h.kind, h.ref_id) for h in search.hits()] == [("session", data.current)]


def test_private_notes_never_reach_the_shared_notes() -> None:
    state = NotesState(sections=["Goal text", "", "", ""], private="Only for me")
    data = state.to_input()
    assert data.private_notes == "Only for me"
    assert "Only for me" not in data.shared_notes
    # an unreadable draft is kept whole, in the private notes only
    kept = NotesState.from_json("not json: Only for me", NotesState(sections=["", "", "", ""]))
    assert "Only for me" in kept.private
    assert kept.shared_notes() == ""


def test_draft_survives_a_crashed_window(qtbot, practice, opened, data, answers) -> None:
    editor = open_editor(qtbot, practice, data.current)
    activate(qtbot, editor)
    goal_box, reality_box = editor.sections.boxes[editor.sections.template()][:2]
    goal_box.setFocus()
    qtbot.keyClicks(goal_box, "Words typed just before the crash")
    qtbot.keyClicks(editor.sections.private, "Private words too")
    reality_box.setFocus()  # leaving a field saves the draft
    qtbot.waitUntil(lambda: editor.saved_mark.text().startswith("Draft saved"), timeout=WAIT_MS)
    assert read(opened, lambda db: notes.get_draft(db, data.current)) is not None

    editor.autosave.stop()  # the process dies: no close event, no save
    editor.hide()
    editor.deleteLater()
    qtbot.waitUntil(lambda: not NotesEditor.all_open(), timeout=WAIT_MS)

    answers.append(Button.Yes)
    again = open_editor(qtbot, practice, data.current)
    assert not answers  # it asked
    texts = again.sections.texts()
    assert texts[0] == "Words typed just before the crash"
    assert again.sections.private.toPlainText() == "Private words too"
    assert again.saved_mark.text().startswith("Unsaved notes from")
    assert again.has_unsaved_changes()


@pytest.fixture
def restart_data(vault_dir: Path) -> int:
    with vault.open(vault_dir, passphrase=PASSPHRASE) as handle:
        return seed(handle).current


def test_draft_offered_after_reopening_the_vault(qtbot, vault_dir, restart_data, answers) -> None:
    handle = vault.open(vault_dir, passphrase=PASSPHRASE)
    practice = Practice(handle)
    editor = open_editor(qtbot, practice, restart_data)
    editor.autosave.timer.setInterval(20)
    qtbot.keyClicks(editor.actions_box.new_actions, "Keep a decision journal")
    qtbot.waitUntil(lambda: editor.autosave.stored is not None, timeout=WAIT_MS)  # the timer
    editor.autosave.stop()
    editor.hide()
    editor.deleteLater()
    practice.finish()
    handle.close()

    reopened = vault.open(vault_dir, passphrase=PASSPHRASE)
    try:
        practice = Practice(reopened)
        answers.append(Button.Yes)
        again = open_editor(qtbot, practice, restart_data)
        assert again.actions_box.actions_text() == "Keep a decision journal"
        again.keep_as_draft()
        again.close()
        practice.finish()
    finally:
        reopened.close()


def test_discarding_the_offered_draft(qtbot, practice, opened, data, answers) -> None:
    with opened.session() as db, db.begin():
        content = NotesState(sections=["Old words", "", "", ""]).to_json()
        notes.save_draft(db, data.current, content)
    answers.append(Button.Discard)
    editor = open_editor(qtbot, practice, data.current)
    assert editor.sections.texts() == ["", "", "", ""]
    assert read(opened, lambda db: notes.get_draft(db, data.current)) is None
    assert not editor.has_unsaved_changes()


def test_closing_with_unsaved_text_asks(qtbot, practice, opened, data, answers) -> None:
    editor = open_editor(qtbot, practice, data.current)
    qtbot.keyClicks(editor.sections.first_box(), "Not saved yet")
    answers.append(Button.Cancel)
    assert not editor.close()
    assert editor.isVisible()
    answers.append(Button.No)  # "Keep as draft"
    assert editor.close()
    draft = read(opened, lambda db: notes.get_draft(db, data.current))
    assert draft is not None
    assert "Not saved yet" in draft.content
    assert read(opened, lambda db: sessions.get_session(db, data.current).shared_notes) == ""


def test_closing_and_choosing_save_saves(qtbot, practice, opened, data, answers) -> None:
    editor = open_editor(qtbot, practice, data.current)
    qtbot.keyClicks(editor.sections.first_box(), "Save me")
    answers.append(Button.Save)
    editor.close()
    qtbot.waitUntil(lambda: not editor.is_live(), timeout=WAIT_MS)
    detail = read(opened, lambda db: sessions.get_session(db, data.current))
    assert detail.shared_notes == "Goal\nSave me"
    assert not detail.has_draft


def test_lock_keeps_a_draft_without_asking(qtbot, practice, opened, data, answers) -> None:
    editor = open_editor(qtbot, practice, data.current)
    qtbot.keyClicks(editor.sections.private, "Half a thought")
    assert editor.keep_as_draft()
    assert editor.close()  # no question: ``answers`` is empty
    draft = read(opened, lambda db: notes.get_draft(db, data.current))
    assert draft is not None
    assert "Half a thought" in draft.content


def test_ctrl_s_saves(qtbot, practice, opened, data) -> None:
    editor = open_editor(qtbot, practice, data.current)
    activate(qtbot, editor)
    box = editor.sections.first_box()
    box.setFocus()
    qtbot.keyClicks(box, "Saved by keyboard")
    with qtbot.waitSignal(editor.saved, timeout=WAIT_MS):
        qtbot.keyClick(box, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert editor.isVisible()
    shared = read(opened, lambda db: sessions.get_session(db, data.current).shared_notes)
    assert shared == "Goal\nSaved by keyboard"


def test_keyboard_only_minute_after_the_call(qtbot, practice, opened, data) -> None:
    editor = open_editor(qtbot, practice, data.current)
    activate(qtbot, editor)
    assert QApplication.focusWidget() is editor.sections.first_box()
    qtbot.keyClicks(QApplication.focusWidget(), "Wants to stop firefighting")
    for _ in range(12):
        if QApplication.focusWidget() is editor.actions_box.new_actions:
            break
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is editor.actions_box.new_actions
    qtbot.keyClicks(editor.actions_box.new_actions, "Block two focus hours")
    qtbot.keyClick(editor.actions_box.new_actions, Qt.Key.Key_Return)
    qtbot.keyClicks(editor.actions_box.new_actions, "Say no once")
    qtbot.keyClick(
        editor.actions_box.new_actions, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )
    qtbot.waitUntil(lambda: not editor.is_live(), timeout=WAIT_MS)
    detail = read(opened, lambda db: sessions.get_session(db, data.current))
    assert detail.shared_notes == "Goal\nWants to stop firefighting"
    texts = [
        a.text for a in read(opened, lambda db: actions.list_actions(db, session_id=data.current))
    ]
    assert texts == ["Block two focus hours", "Say no once"]


def test_switching_template_keeps_every_word(qtbot, practice, data) -> None:
    editor = open_editor(qtbot, practice, data.current)
    boxes = editor.sections.boxes[editor.sections.template()]
    boxes[0].setPlainText("A goal")
    boxes[3].setPlainText("A commitment")
    combo = editor.sections.template_combo
    combo.setCurrentIndex(combo.findData("free"))
    assert editor.sections.texts() == ["Goal\nA goal\n\nWill\nA commitment"]
    combo.setCurrentIndex(combo.findData("grow"))
    assert editor.sections.texts() == ["A goal", "", "", "A commitment"]
    assert editor.autosave.dirty


def test_one_editor_per_session(qtbot, practice, data) -> None:
    editor = open_editor(qtbot, practice, data.current)
    assert NotesEditor.open_for(practice, data.current) is editor


def test_summary_pdf_saves_first_then_previews(qtbot, practice, opened, data) -> None:
    from coachdesk.ui.pdf.preview import PdfPreviewDialog

    editor = open_editor(qtbot, practice, data.current)
    qtbot.keyClicks(editor.sections.first_box(), "In the summary")
    qtbot.keyClicks(editor.sections.private, "Not in the summary")
    qtbot.mouseClick(editor.body.pdf_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.findChild(PdfPreviewDialog) is not None, timeout=WAIT_MS)
    dialog = editor.findChild(PdfPreviewDialog)
    assert dialog.windowTitle() == "Summary — Amara Okafor — 10 March 2026"
    assert read(opened, lambda db: sessions.get_session(db, data.current).shared_notes) == (
        "Goal\nIn the summary"
    )
    dialog.close()


def test_a_long_summary_can_be_cancelled_and_opens_no_preview(
    qtbot, practice, opened, data
) -> None:
    from coachdesk.model import CoachingSession
    from coachdesk.ui.kit.long_work import LongWork
    from coachdesk.ui.pdf.preview import PdfPreviewDialog

    paragraph = "We walked through the quarter's plan, one decision at a time. " * 30
    with opened.session() as db, db.begin():
        db.get(CoachingSession, data.current).shared_notes = "\n\n".join([paragraph] * 90)
    editor = open_editor(qtbot, practice, data.current)
    qtbot.mouseClick(editor.body.pdf_button, Qt.MouseButton.LeftButton)
    [job] = LongWork.running
    job.cancel()
    qtbot.waitUntil(lambda: not LongWork.running, timeout=WAIT_MS)  # a preview opens as it ends
    assert editor.findChild(PdfPreviewDialog) is None


def test_the_private_notes_say_where_they_go(qtbot, practice, data: Seeded) -> None:
    editor = open_editor(qtbot, practice, data.current)
    said = " ".join(label.text() for label in editor.sections.findChildren(QLabel))
    assert "never printed or shared" in said
    assert "never printed, exported" not in said, "the practice export keeps them"
    assert "encrypted export of the practice keeps them" in said
