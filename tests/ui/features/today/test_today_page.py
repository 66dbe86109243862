"""The Today page on a hand-built practice: the right rows in each section, Enter opens the
session's notes or the client, Ctrl+D marks an overdue item done, and lock clears it all."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from coachdesk import vault
from coachdesk.model import SessionStatus
from coachdesk.services.people import profile
from coachdesk.services.progress import actions
from coachdesk.services.progress.actions import ActionFields
from coachdesk.ui.features.today.today_page import TodayPage, gather
from coachdesk.ui.kit.practice import Practice
from coachdesk.vault import Vault
from tests.conftest import PASSPHRASE
from tests.services import factories as make

WAIT_MS = 10_000
NOW = datetime(2026, 3, 3, 10, 30, tzinfo=UTC)  # a Tuesday


@dataclass
class Day:
    amara: int
    ben: int
    held: int  # today 09:00, no notes yet
    later: int  # today 15:00
    thursday: int
    action: int
    follow_up: int


@pytest.fixture
def opened(vault_dir: Path) -> Iterator[Vault]:
    handle = vault.open(vault_dir, passphrase=PASSPHRASE)
    yield handle
    handle.close()


@pytest.fixture
def day(opened: Vault) -> Day:
    with opened.session() as db, db.begin():
        profile.update_profile(db, profile.ProfileFields(name="Sam Rivera"))
        amara = make.client(db, "Amara Okafor")
        ben = make.client(db, "Ben Carter")
        engagement = make.engagement(db, amara)
        held = make.session(db, amara, make.at(3, 9), engagement_id=engagement)
        later = make.session(db, amara, make.at(3, 15), engagement_id=engagement)
        thursday = make.session(db, ben, make.at(5, 10))
        make.session(
            db, ben, make.at(2, 11), status=SessionStatus.COMPLETED, shared_notes="Written"
        )
        action = actions.add_action(db, ActionFields(ben, "Send reflections", date(2026, 3, 1)))
        follow_up = actions.add_follow_up(db, ben, date(2026, 3, 2), "Three-month check-in")
    return Day(amara, ben, held, later, thursday, action.id, follow_up.id)


@pytest.fixture
def practice(opened: Vault) -> Iterator[Practice]:
    made = Practice(opened)
    made.load_zone()
    yield made
    made.finish()


@pytest.fixture
def page(qtbot, practice: Practice, day: Day) -> TodayPage:
    shown = TodayPage(practice, clock=lambda: NOW)
    qtbot.addWidget(shown)
    with qtbot.waitSignal(shown.refreshed, timeout=WAIT_MS):
        shown.show()
    return shown


def cells(page: TodayPage, name: str) -> list[tuple[str, ...]]:
    return [line.cells for line in page.sections[name].model.lines]


def test_shows_the_day(page: TodayPage, day: Day) -> None:
    assert page.greeting.text() == "Good morning, Sam Rivera"
    assert page.date_line.text() == "3 March 2026 · 2 sessions today"
    assert cells(page, "today") == [
        ("09:00", "Amara Okafor", "Session 1 of 8", "Scheduled"),
        ("15:00", "Amara Okafor", "Session 2 of 8", "Scheduled"),
    ]
    assert cells(page, "week") == [("Thu 5 Mar 10:00", "Ben Carter", "", "Video call")]
    # held this morning without notes; yesterday's session has notes, so it is not listed
    assert cells(page, "notes_missing") == [
        ("Tue 3 Mar 09:00", "Amara Okafor", "Session 1 of 8", "Scheduled")
    ]
    assert cells(page, "overdue") == [("Ben Carter", "Send reflections", "2 days overdue")]
    assert cells(page, "follow_ups") == [("Ben Carter", "Three-month check-in", "due 2 Mar")]
    assert page.sections["today"].heading.text() == "Today · 2"
    signatures = page.sections["signatures"]
    assert signatures.view.isHidden()
    assert not signatures.empty.isHidden()
    assert signatures.empty.text() == "Nothing awaiting signature."


def test_enter_on_a_session_opens_its_notes(qtbot, page: TodayPage, practice, day) -> None:
    view = page.sections["week"].view
    view.setFocus()
    view.setCurrentIndex(view.model().index(0, 0))
    with qtbot.waitSignal(practice.open_session_notes, timeout=WAIT_MS) as signal:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert signal.args == [day.thursday]
    assert page.selected_session_id() == day.thursday


def test_enter_on_an_action_opens_the_client(qtbot, page: TodayPage, practice, day) -> None:
    view = page.sections["overdue"].view
    view.setFocus()
    view.setCurrentIndex(view.model().index(0, 0))
    with qtbot.waitSignal(practice.open_client, timeout=WAIT_MS) as signal:
        qtbot.keyClick(view, Qt.Key.Key_Enter)
    assert signal.args == [day.ben]


def test_ctrl_d_marks_the_overdue_action_done(qtbot, page: TodayPage, opened, day) -> None:
    follow_ups = page.sections["follow_ups"]
    assert not follow_ups.button.isEnabled()  # nothing chosen yet
    page.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page, timeout=WAIT_MS)
    view = page.sections["overdue"].view
    view.setFocus()
    view.setCurrentIndex(view.model().index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not cells(page, "overdue"), timeout=WAIT_MS)
    assert page.sections["overdue"].empty.text() == "Nothing overdue."
    assert not follow_ups.view.hasFocus()  # a second Ctrl+D cannot hit a follow-up by surprise
    with opened.session() as db:
        assert actions.get_action(db, day.action).status.value == "done"
    follow_ups.view.setCurrentIndex(follow_ups.view.model().index(0, 0))
    assert follow_ups.button.isEnabled()
    qtbot.mouseClick(follow_ups.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not cells(page, "follow_ups"), timeout=WAIT_MS)


def test_the_session_that_just_happened(page: TodayPage, day: Day) -> None:
    # nothing selected: the latest session today that has started
    assert page.selected_session_id() == day.held


def test_without_a_started_session_the_latest_missing_notes(practice, opened, day) -> None:
    with opened.session() as db:
        early = gather(db, datetime(2026, 3, 3, 8, 0, tzinfo=UTC), practice.zone)
    assert early.lines["today"][0].id == day.held
    assert not early.lines["notes_missing"]  # nothing has happened yet this morning


def test_refreshes_when_data_changes(qtbot, page: TodayPage, practice, opened, day) -> None:
    practice.write(
        lambda db: actions.add_action(db, ActionFields(day.amara, "Journal", date(2026, 2, 27))),
        lambda _saved: None,
        changes="actions",
    )
    qtbot.waitUntil(lambda: len(cells(page, "overdue")) == 2, timeout=WAIT_MS)
    assert cells(page, "overdue")[0] == ("Amara Okafor", "Journal", "4 days overdue")


def test_clear_drops_every_client_detail(page: TodayPage) -> None:
    page.clear()
    assert page.greeting.text() == "Today"
    assert page.date_line.text() == ""
    assert all(not section.model.lines for section in page.sections.values())
    assert page.selected_session_id() is None
