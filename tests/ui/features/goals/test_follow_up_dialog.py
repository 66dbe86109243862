"""Scheduling a follow-up over a real vault: counted from the engagement's end, it waits until
it is due and then shows on Today."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from coachdesk.services.engagements.engagements import add_months
from coachdesk.services.overviews import today
from coachdesk.services.progress import actions
from coachdesk.ui.features.goals.follow_up_dialog import FollowUpDialog
from coachdesk.ui.features.today.today_page import TodayPage
from coachdesk.ui.kit.practice import Practice
from coachdesk.vault import Vault
from tests.services.factories import client, engagement

WAIT_MS = 10_000
END = date(2026, 6, 30)


@pytest.fixture
def practice(open_vault: Vault) -> Iterator[Practice]:
    p = Practice(open_vault)
    p.load_zone()
    yield p
    p.finish()


@pytest.fixture
def amara(open_vault: Vault) -> tuple[int, int]:
    with open_vault.session() as db, db.begin():
        amara = client(db, "Amara Okafor")
        e = engagement(db, amara, title="Leadership programme", end_date=END)
        engagement(db, amara, title="Open-ended mentoring", end_date=None)
    return amara, e


def open_dialog(qtbot, practice: Practice, **where: int | None) -> FollowUpDialog:
    dialog = FollowUpDialog(practice, **where)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitUntil(dialog.save_button.isEnabled, timeout=WAIT_MS)
    return dialog


def test_three_months_after_the_engagement_ends_then_due_on_today(
    qtbot, practice: Practice, open_vault: Vault, amara: tuple[int, int]
) -> None:
    client_id, engagement_id = amara
    dialog = open_dialog(qtbot, practice, client_id=client_id)
    assert dialog.engagement.currentData() == engagement_id  # the one with an end date
    assert dialog.quick[3].isChecked()
    assert dialog.due.day() == date(2026, 9, 30)
    dialog.quick[6].click()
    assert dialog.due.day() == date(2026, 12, 30)
    dialog.choose_months(3)
    assert dialog.reason.text() == "Check-in after “Leadership programme”"
    dialog.reason.clear()
    qtbot.keyClicks(dialog.reason, "Three-month check-in")
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    due = add_months(END, 3)
    with open_vault.session() as db:
        (row,) = actions.list_follow_ups(db, client_id=client_id)
        assert (row.due_on, row.reason, row.engagement_id) == (
            due,
            "Three-month check-in",
            engagement_id,
        )
        zone = practice.zone
        before = datetime.combine(due - timedelta(days=1), datetime.min.time(), zone)
        assert today.today(db, before, zone).follow_ups_due == []  # not due yet
        on_the_day = datetime.combine(due, datetime.min.time(), zone).replace(hour=9)
        assert [f.reason for f in today.today(db, on_the_day, zone).follow_ups_due] == [
            "Three-month check-in"
        ]

    page = TodayPage(practice, clock=lambda: on_the_day.astimezone(UTC))
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        page.show()
    shown = page.follow_ups.model
    assert [(line.id, line.client_id) for line in shown.lines] == [(row.id, client_id)]
    texts = [shown.index(0, c).data() for c in range(shown.columnCount())]
    assert "Three-month check-in" in texts
    assert "Amara Okafor" in texts


def test_without_an_end_date_only_a_date_can_be_chosen(
    qtbot, practice: Practice, amara: tuple[int, int]
) -> None:
    client_id, _engagement_id = amara
    dialog = open_dialog(qtbot, practice, client_id=client_id)
    index = next(
        i for i in range(dialog.engagement.count()) if "mentoring" in dialog.engagement.itemText(i)
    )
    dialog.engagement.setCurrentIndex(index)
    dialog.engagement.activated.emit(index)
    assert not dialog.quick[1].isEnabled()
    assert dialog.on_date.isChecked()
    assert dialog.end_date() is None


def test_a_note_is_required_and_named(
    qtbot, practice: Practice, open_vault: Vault, amara: tuple[int, int]
) -> None:
    client_id, _engagement_id = amara
    dialog = open_dialog(qtbot, practice, client_id=client_id)
    dialog.reason.clear()
    dialog.due.set_day(date(2027, 1, 15))
    dialog.submit()
    qtbot.waitUntil(lambda: bool(dialog.error_text("reason")), timeout=WAIT_MS)
    assert dialog.error_text("reason") == "This field is required."
    assert dialog.isVisible()
    assert dialog.due.day() == date(2027, 1, 15)
    with open_vault.session() as db:
        assert actions.list_follow_ups(db, client_id=client_id) == []


def test_from_the_menu_the_client_is_chosen_in_the_dialog(
    qtbot, practice: Practice, open_vault: Vault, amara: tuple[int, int]
) -> None:
    with open_vault.session() as db, db.begin():
        ben = client(db, "Ben Carter")
        engagement(db, ben, title="Mentoring", end_date=date(2026, 9, 15))
    dialog = open_dialog(qtbot, practice)
    assert dialog.client.isEnabled()
    index = dialog.client.findData(ben)
    dialog.client.setCurrentIndex(index)
    dialog.client.activated.emit(index)
    qtbot.waitUntil(lambda: "Mentoring" in dialog.engagement.currentText(), timeout=WAIT_MS)
    assert dialog.due.day() == date(2026, 12, 15)  # three months after Ben's engagement
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        dialog.submit()
    with open_vault.session() as db:
        assert [f.client_name for f in actions.list_follow_ups(db)] == ["Ben Carter"]
