"""The Sessions page on a real vault: booking with an engagement's defaults, field errors,
rescheduling, status changes limited to allowed transitions, the week agenda and list filters.

Times are built relative to the current week and instant, so no assertion depends on the clock.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest

from coachdesk.model import Cadence, CoachingSession, EngagementStatus, SessionMode, SessionStatus
from coachdesk.services.sessions import sessions
from coachdesk.ui.features.sessions import ScheduleDialog, SessionsPage
from coachdesk.ui.features.sessions.reschedule_dialog import RescheduleDialog
from coachdesk.ui.features.sessions.session_list_model import SessionListModel
from coachdesk.ui.features.sessions.sessions_page import LIST
from coachdesk.ui.features.sessions.week_agenda import week_start
from coachdesk.ui.kit.fields import from_qdatetime, to_qdatetime
from coachdesk.ui.kit.practice import Practice
from coachdesk.vault import Vault
from tests.services import factories

WAIT_MS = 10_000


def settle(qtbot, practice: Practice) -> None:
    """For the dialog, whose reads start as it opens or as a client is typed."""
    qtbot.waitUntil(lambda: not practice.tasks.busy, timeout=WAIT_MS)


def show(qtbot, page: SessionsPage) -> None:
    """Show the page and wait for its first refresh (both modes filled)."""
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        page.show()


def this_week(practice: Practice, day: int, hour: int) -> datetime:
    """``hour`` o'clock on the ``day``-th day (0-6) of the current week, in the coach's zone."""
    first = week_start(datetime.now(practice.zone).date())
    return datetime.combine(first + timedelta(days=day), time(hour), practice.zone)


def build(v: Vault, work) -> object:  # type: ignore[no-untyped-def]
    with v.session() as db, db.begin():
        return work(db)


def stored(v: Vault, session_id: int) -> CoachingSession:
    with v.session() as db:
        return db.get(CoachingSession, session_id)


def test_schedule_takes_the_engagements_defaults(qtbot, open_vault, practice) -> None:
    last = datetime.now(UTC).replace(minute=0, second=0, microsecond=0) - timedelta(days=3)

    def data(db) -> tuple[int, int]:  # type: ignore[no-untyped-def]
        client = factories.client(db, "Amara Okafor")
        engagement = factories.engagement(
            db,
            client,
            start_date=date.today() - timedelta(days=60),
            end_date=date.today() + timedelta(days=300),
            cadence=Cadence.WEEKLY,
            session_minutes=45,
            mode=SessionMode.PHONE,
            location="+353 1 555 0100",
            status=EngagementStatus.ACTIVE,
        )
        factories.session(db, client, last, engagement_id=engagement)
        return client, engagement

    client, engagement = build(open_vault, data)
    dialog = ScheduleDialog(practice, client)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.defaults is not None, timeout=WAIT_MS)
    assert dialog.client.client_id() == client
    assert dialog.engagement.currentData() == engagement
    assert dialog.duration.value() == 45
    assert dialog.mode.currentData() == SessionMode.PHONE
    assert dialog.location.text() == "+353 1 555 0100"
    assert not dialog.warning.isVisible()

    with qtbot.waitSignal(dialog.scheduled, timeout=WAIT_MS) as signal:
        QTest.keyClick(dialog.starts, Qt.Key.Key_Return)
    saved = stored(open_vault, signal.args[0].id)
    assert saved.starts_at == last + timedelta(days=7)  # one weekly step after the last one
    assert saved.duration_minutes == 45
    assert saved.mode == SessionMode.PHONE
    assert saved.engagement_id == engagement
    assert not dialog.isVisible()


def test_schedule_shows_field_errors_and_keeps_the_input(qtbot, open_vault, practice) -> None:
    client = build(open_vault, lambda db: factories.client(db, "Amara Okafor"))
    dialog = ScheduleDialog(practice)
    qtbot.addWidget(dialog)
    dialog.show()
    settle(qtbot, practice)
    dialog.client.setEditText("Nobody we know")
    dialog.submit()
    assert dialog.boxes["client"].error.text() == "Choose a client from the list."
    assert dialog.result() == 0

    dialog.client.setEditText("amara okafor")  # typed, not picked: still found
    settle(qtbot, practice)
    assert dialog.client.client_id() == client
    assert not dialog.boxes["client"].error.isVisible()
    long_place = "x" * 501
    dialog.location.setText(long_place)
    dialog.submit()
    box = dialog.boxes["location"]
    qtbot.waitUntil(box.error.isVisible, timeout=WAIT_MS)
    assert "500" in box.error.text()
    assert dialog.location.text() == long_place
    assert dialog.isVisible()
    assert dialog.buttons.isEnabled()
    with open_vault.session() as db:
        assert sessions.list_sessions(db) == []


def test_week_agenda_shows_this_week_and_enter_opens_notes(qtbot, open_vault, practice, page):
    def data(db) -> list[int]:  # type: ignore[no-untyped-def]
        client = factories.client(db, "Amara Okafor")
        return [
            factories.session(db, client, this_week(practice, 1, 9)),
            factories.session(db, client, this_week(practice, 3, 14)),
            factories.session(db, client, this_week(practice, -1, 9)),  # last week
            factories.session(db, client, this_week(practice, 8, 9)),  # next week
        ]

    tuesday, thursday, last_week, next_week = build(open_vault, data)
    show(qtbot, page)
    agenda = page.agenda
    shown = [r.id for r in agenda._rows]
    assert shown == [tuesday, thursday]
    assert agenda.model.rowCount() == 7  # a heading per day

    agenda.select_session(tuesday)
    agenda.view.setFocus()
    QTest.keyClick(agenda.view, Qt.Key.Key_Down)  # skips Wednesday's heading and filler
    assert agenda.selected_row().id == thursday
    with qtbot.waitSignal(practice.open_session_notes, timeout=WAIT_MS) as signal:
        QTest.keyClick(agenda.view, Qt.Key.Key_Return)
    assert signal.args == [thursday]

    page.activateWindow()
    qtbot.waitUntil(agenda.view.hasFocus, timeout=WAIT_MS)
    with qtbot.waitSignal(agenda.loaded, timeout=WAIT_MS):
        QTest.keyClick(agenda.view, Qt.Key.Key_PageDown)  # next week
    assert [r.id for r in agenda._rows] == [next_week]
    assert agenda.selected_row().id == next_week
    with qtbot.waitSignal(agenda.loaded, timeout=WAIT_MS):  # the answer to the last click
        agenda.this_week_button.click()
        agenda.previous_button.click()
    assert [r.id for r in agenda._rows] == [last_week]


def test_reschedule_moves_the_session(qtbot, open_vault, practice, page) -> None:
    start = this_week(practice, 2, 10)
    session_id = build(open_vault, lambda db: factories.session(db, factories.client(db), start))
    show(qtbot, page)
    assert page.agenda.select_session(session_id)
    page.reschedule_action.trigger()
    dialog = page.dialog
    assert isinstance(dialog, RescheduleDialog)
    assert from_qdatetime(dialog.starts.dateTime(), practice.zone) == start
    moved = start + timedelta(days=1, hours=2)
    dialog.starts.setDateTime(to_qdatetime(moved, practice.zone))
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):  # the change notice's reload
        dialog.submit()
    assert dialog.saved is not None
    assert stored(open_vault, session_id).starts_at == moved
    assert page.agenda.selected_row().starts_at == moved


def test_status_actions_follow_allowed_transitions(qtbot, open_vault, practice, page) -> None:
    def data(db) -> tuple[int, int]:  # type: ignore[no-untyped-def]
        client = factories.client(db)
        booked = factories.session(db, client, this_week(practice, 2, 9))
        held = factories.session(db, client, this_week(practice, 2, 15))
        sessions.set_status(db, held, SessionStatus.COMPLETED)
        return booked, held

    booked, held = build(open_vault, data)
    show(qtbot, page)
    page.agenda.select_session(held)
    assert page.notes_action.isEnabled()
    for action in (
        page.reschedule_action,
        page.cancel_action,
        page.late_cancel_action,
        page.no_show_action,
    ):
        assert not action.isEnabled()

    page.agenda.select_session(booked)
    assert page.cancel_action.isEnabled()
    assert page.no_show_action.isEnabled()
    page.cancel_action.trigger()
    qtbot.waitUntil(
        lambda: (
            page.selected_row() is not None
            and page.selected_row().status == SessionStatus.CANCELLED
        ),
        timeout=WAIT_MS,
    )
    assert stored(open_vault, booked).status == SessionStatus.CANCELLED
    assert not page.cancel_action.isEnabled()
    assert page.late_cancel_action.isEnabled()
    assert "marked Cancelled" in page.message.text()

    page.no_show_action.trigger()
    qtbot.waitUntil(lambda: page.selected_row().status == SessionStatus.NO_SHOW, timeout=WAIT_MS)
    assert stored(open_vault, booked).status == SessionStatus.NO_SHOW
    assert not page.no_show_action.isEnabled()
    assert page.cancel_action.isEnabled()


def test_list_filters_by_client_status_and_dates(qtbot, open_vault, practice, page) -> None:
    now = datetime.now(UTC).replace(microsecond=0)

    def data(db) -> dict[str, int]:  # type: ignore[no-untyped-def]
        amara = factories.client(db, "Amara Okafor")
        ben = factories.client(db, "Ben Carter")
        held = factories.session(db, amara, now - timedelta(days=5))
        sessions.set_status(db, held, SessionStatus.COMPLETED)
        return {
            "amara": amara,
            "ben": ben,
            "held": held,
            "booked": factories.session(db, amara, now - timedelta(days=10)),
            "ben_next": factories.session(db, ben, now + timedelta(days=3)),
            "old": factories.session(db, amara, now - timedelta(days=200)),
        }

    ids = build(open_vault, data)
    show(qtbot, page)
    page.set_mode(LIST)
    listing = page.list

    def shown() -> set[int]:
        return {listing.model.row_at(i).id for i in range(listing.model.rowCount())}

    assert shown() == {ids["held"], ids["booked"], ids["ben_next"]}  # not 200 days ago
    assert listing.selected_row().id == ids["ben_next"]  # the next one to come

    assert listing.client.choose(ids["amara"])
    qtbot.waitUntil(lambda: shown() == {ids["held"], ids["booked"]}, timeout=WAIT_MS)
    listing.status.setCurrentIndex(listing.status.findData(SessionStatus.COMPLETED))
    qtbot.waitUntil(lambda: shown() == {ids["held"]}, timeout=WAIT_MS)
    listing.status.setCurrentIndex(0)
    old_day = (now - timedelta(days=201)).astimezone(practice.zone).date()
    listing.start.setDate(QDate(old_day.year, old_day.month, old_day.day))
    qtbot.waitUntil(lambda: ids["old"] in shown(), timeout=WAIT_MS)
    assert len(shown()) == 3

    listing.client.setEditText("Ben")  # part of a name is no choice yet: all clients
    qtbot.waitUntil(lambda: len(shown()) == 4, timeout=WAIT_MS)
    selected = listing.selected_row()
    listing.view.sortByColumn(SessionListModel.CLIENT, Qt.SortOrder.AscendingOrder)
    names = [listing.model.row_at(i).client_name for i in range(4)]
    assert names == ["Amara Okafor"] * 3 + ["Ben Carter"]
    assert listing.selected_row() == selected  # the selection follows its row
    with qtbot.waitSignal(practice.open_session_notes, timeout=WAIT_MS) as signal:
        listing.view.setFocus()
        QTest.keyClick(listing.view, Qt.Key.Key_Return)
    assert signal.args == [listing.selected_row().id]


def test_schedule_from_the_page_and_clear(qtbot, open_vault, practice, page) -> None:
    def data(db) -> tuple[int, int]:  # type: ignore[no-untyped-def]
        client = factories.client(db, "Amara Okafor")
        engagement = factories.engagement(
            db,
            client,
            start_date=date.today() - timedelta(days=10),
            end_date=date.today() + timedelta(days=100),
            status=EngagementStatus.ACTIVE,
        )
        return client, engagement

    client, engagement = build(open_vault, data)
    show(qtbot, page)
    page.schedule_session(client)
    dialog = page.dialog
    assert isinstance(dialog, ScheduleDialog)
    qtbot.waitUntil(lambda: dialog.defaults is not None, timeout=WAIT_MS)
    assert dialog.engagement.currentData() == engagement
    dialog.starts.setDateTime(to_qdatetime(this_week(practice, 6, 20), practice.zone))
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):  # the change notice's reload
        dialog.submit()
    assert page.dialog is None
    assert dialog.saved is not None
    assert page.agenda.selected_row().id == dialog.saved.id
    assert page.message.text()

    page.clear()
    assert page.agenda.model.rowCount() == 0
    assert page.list.model.rowCount() == 0
    assert page.list.client.count() == 1  # only "All clients"
    assert page.message.text() == ""
    assert page.selected_row() is None
    assert not page.notes_action.isEnabled()


def test_a_list_filter_with_no_match_says_so(qtbot, open_vault, practice, page) -> None:
    build(open_vault, lambda db: factories.session(db, factories.client(db), datetime.now(UTC)))
    show(qtbot, page)
    page.set_mode(LIST)
    listing = page.list
    assert listing.model.rowCount() == 1
    assert not listing.no_match.isVisible()
    with qtbot.waitSignal(listing.loaded, timeout=WAIT_MS):
        listing.status.setCurrentIndex(listing.status.findData(SessionStatus.NO_SHOW))
    assert listing.model.rowCount() == 0
    assert listing.no_match.isVisible()
    assert listing.no_match.text() == "No sessions match these filters."
