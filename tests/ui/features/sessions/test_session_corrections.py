"""Correcting and deleting sessions on the Sessions page, on a real vault: the edit dialog
(attaching a session to an engagement made later, inline field errors, the lock rule), delete
with a question when notes would be lost and Undo, a booking made from the list staying in the
list, and a message that goes once the data it spoke of has changed."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import QMessageBox

from coachdesk.model import EngagementStatus, SessionMode, SessionStatus
from coachdesk.services.engagements import engagements
from coachdesk.services.sessions import notes, sessions
from coachdesk.ui.features.sessions import ScheduleDialog
from coachdesk.ui.features.sessions.edit_dialog import EditSessionDialog
from coachdesk.ui.features.sessions.sessions_page import LIST, WEEK
from coachdesk.ui.kit import lockable
from coachdesk.ui.kit.fields import to_qdatetime
from coachdesk.ui.kit.practice import SESSIONS
from tests.services import factories
from tests.ui.features.sessions.test_sessions_page import (
    WAIT_MS,
    build,
    show,
    stored,
    this_week,
)


def open_editor(qtbot, page, session_id: int) -> EditSessionDialog:  # type: ignore[no-untyped-def]
    assert page.agenda.select_session(session_id)
    page.edit_action.trigger()
    dialog = page.dialog
    assert isinstance(dialog, EditSessionDialog)
    qtbot.waitUntil(dialog.save_button.isEnabled, timeout=WAIT_MS)  # disabled until read
    return dialog


def question(qtbot, page) -> QMessageBox:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: page.deletion.question is not None, timeout=WAIT_MS)
    return page.deletion.question


def test_edit_attaches_a_session_booked_before_its_engagement(
    qtbot, open_vault, practice, page
) -> None:
    def data(db) -> tuple[int, int, int]:  # type: ignore[no-untyped-def]
        client = factories.client(db, "Amara Okafor")
        early = factories.session(db, client, this_week(practice, 1, 9))
        sessions.set_status(db, early, SessionStatus.COMPLETED)
        engagement = factories.engagement(
            db,
            client,
            start_date=date.today() - timedelta(days=30),
            end_date=date.today() + timedelta(days=200),
            planned_sessions=8,
            status=EngagementStatus.ACTIVE,
        )
        later = factories.session(db, client, this_week(practice, 3, 9), engagement_id=engagement)
        return early, engagement, later

    early, engagement, later = build(open_vault, data)
    show(qtbot, page)
    dialog = open_editor(qtbot, page, early)
    assert dialog.engagement.currentData() is None
    statuses = [dialog.status.itemData(i) for i in range(dialog.status.count())]
    assert statuses == [SessionStatus.COMPLETED]  # a held session stays held

    dialog.engagement.setCurrentIndex(dialog.engagement.findData(engagement))
    dialog.duration.setValue(45)
    dialog.mode.setCurrentIndex(dialog.mode.findData(SessionMode.PHONE))
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        dialog.save_button.click()
    corrected = stored(open_vault, early)
    assert (corrected.engagement_id, corrected.sequence) == (engagement, 1)
    assert (corrected.duration_minutes, corrected.mode) == (45, SessionMode.PHONE)
    assert stored(open_vault, later).sequence == 2
    with open_vault.session() as db:
        assert engagements.list_engagements(db)[0].held == 1
    assert page.selected_row().id == early
    assert page.selected_row().sequence == 1
    assert page.message.text() == "Session saved."


def test_edit_shows_field_errors_inline_and_stores_nothing(
    qtbot, open_vault, practice, page
) -> None:
    start = this_week(practice, 2, 10)
    session_id = build(open_vault, lambda db: factories.session(db, factories.client(db), start))
    show(qtbot, page)
    dialog = open_editor(qtbot, page, session_id)
    statuses = {dialog.status.itemData(i) for i in range(dialog.status.count())}
    booked = SessionStatus.SCHEDULED
    assert statuses == {booked, *sessions.allowed_transitions(booked)}
    dialog.location.setText("x" * 501)
    dialog.starts.setDateTime(to_qdatetime(start + timedelta(hours=2), practice.zone))
    dialog.submit()
    box = dialog.boxes["location"]
    qtbot.waitUntil(box.error.isVisible, timeout=WAIT_MS)
    assert "500" in box.error.text()
    assert dialog.isVisible()
    assert dialog.save_button.isEnabled()
    assert stored(open_vault, session_id).starts_at == start
    assert stored(open_vault, session_id).location == ""


def test_a_lock_waits_for_typed_corrections_then_wipes_them(
    qtbot, open_vault, practice, page
) -> None:
    start = this_week(practice, 2, 10)
    session_id = build(open_vault, lambda db: factories.session(db, factories.client(db), start))
    show(qtbot, page)
    dialog = open_editor(qtbot, page, session_id)
    assert any(item is dialog for item in lockable.live())
    assert dialog.why_lock_waits() is None  # nothing typed yet
    qtbot.keyClicks(dialog.location, "Room 4, Harbour House")
    assert dialog.why_lock_waits() == "Not locked: save or cancel the form you are filling in."

    dialog.wipe_for_lock()
    assert dialog.location.text() == ""
    assert not dialog.isVisible()
    assert stored(open_vault, session_id).location == ""


def test_delete_an_empty_booking_at_once_and_undo(qtbot, open_vault, practice, page) -> None:
    start = this_week(practice, 2, 10)
    session_id = build(open_vault, lambda db: factories.session(db, factories.client(db), start))
    show(qtbot, page)
    assert page.agenda.select_session(session_id)
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        page.delete_action.trigger()
    assert page.deletion.question is None
    assert stored(open_vault, session_id) is None
    assert page.agenda._rows == []
    assert page.message.text().startswith("Deleted the session of ")
    assert page.undo_button.isVisible()

    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        page.undo_button.click()
    assert stored(open_vault, session_id).starts_at == start
    assert page.selected_row().id == session_id
    assert page.message.text() == "Session restored."
    assert not page.undo_button.isVisible()


def test_delete_asks_first_when_notes_would_be_lost(qtbot, open_vault, practice, page) -> None:
    def data(db) -> int:  # type: ignore[no-untyped-def]
        held = factories.session(db, factories.client(db), this_week(practice, 2, 10))
        notes.record_notes(db, held, notes.NotesInput(shared_notes="Career options"))
        return held

    held = build(open_vault, data)
    show(qtbot, page)
    assert page.agenda.select_session(held)
    page.delete_action.trigger()
    box = question(qtbot, page)
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert page.deletion.question is None
    assert not practice.tasks.busy
    assert stored(open_vault, held).shared_notes == "Career options"

    page.delete_action.trigger()
    box = question(qtbot, page)
    (delete,) = [
        b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole
    ]
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        delete.click()
    assert stored(open_vault, held) is None

    page.clear()  # a lock: the deleted notes kept for an undo are forgotten
    assert not page.deletion.can_undo
    assert not page.undo_button.isVisible()


def test_booking_from_the_list_stays_in_the_list(qtbot, open_vault, practice, page) -> None:
    client = build(open_vault, lambda db: factories.client(db, "Amara Okafor"))
    show(qtbot, page)
    page.set_mode(LIST)
    page.schedule_session(client)
    dialog = page.dialog
    assert isinstance(dialog, ScheduleDialog)
    qtbot.waitUntil(lambda: dialog.client.client_id() == client, timeout=WAIT_MS)
    far = this_week(practice, 7 * 8, 9)  # past the list's default dates
    dialog.starts.setDateTime(to_qdatetime(far, practice.zone))
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        dialog.submit()
    assert page.stack.currentIndex() == LIST
    assert page.list.selected_row().id == dialog.saved.id
    assert page.selected_row().id == dialog.saved.id
    page.set_mode(WEEK)
    assert page.agenda.selected_row().id == dialog.saved.id


def test_a_message_goes_once_the_data_changes(qtbot, open_vault, practice, page) -> None:
    client = build(open_vault, lambda db: factories.client(db, "Amara Okafor"))
    show(qtbot, page)
    page.schedule_session(client)
    dialog = page.dialog
    qtbot.waitUntil(lambda: dialog.client.client_id() == client, timeout=WAIT_MS)
    dialog.starts.setDateTime(to_qdatetime(this_week(practice, 4, 9), practice.zone))
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        dialog.submit()
    assert page.message.text() == "Session booked."

    session_id = dialog.saved.id
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):  # the notes editor saves
        practice.write(
            lambda db: notes.record_notes(db, session_id, notes.NotesInput(shared_notes="Done")),
            lambda _saved: None,
            changes=SESSIONS,
        )
    assert page.message.text() == ""
