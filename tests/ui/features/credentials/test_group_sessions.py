"""A group through the app over a real vault: the engagement dialog makes the group, the booking
form schedules its session from any participant, the notes editor records attendance, minutes,
pro bono and notes, and the session is in each participant's history on their client page."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QListWidget

from coachdesk.model import CoachingSession, EngagementStatus
from coachdesk.services.engagements import groups
from coachdesk.services.engagements.engagements import list_engagements
from coachdesk.ui.features.clients.client_page import ClientPage
from coachdesk.ui.features.engagements import EngagementDialog
from coachdesk.ui.features.notes import NotesEditor
from coachdesk.ui.features.sessions.schedule_dialog import ScheduleDialog
from coachdesk.ui.kit.fields import to_qdatetime
from coachdesk.ui.kit.practice import Practice
from coachdesk.ui.kit.roles import ID_ROLE
from coachdesk.vault import Vault
from tests.services.factories import client

WAIT_MS = 10_000


@pytest.fixture
def practice(open_vault: Vault) -> Iterator[Practice]:
    p = Practice(open_vault)
    p.load_zone()
    yield p
    p.finish()


@pytest.fixture
def team(open_vault: Vault) -> dict[str, int]:
    with open_vault.session() as db, db.begin():
        return {
            "gina": client(db, "Gina Lead"),
            "gus": client(db, "Gus Member"),
            "gwen": client(db, "Gwen Member"),
            "other": client(db, "Olga Outside"),
        }


def make_group(qtbot, practice: Practice, team: dict[str, int]) -> int:
    dialog = EngagementDialog(practice, None, client_id=team["gina"])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.original is not None, timeout=WAIT_MS)
    dialog.form.title.setText("Team coaching")
    dialog.form.edited.emit("title")
    dialog.form.status.setCurrentIndex(dialog.form.status.findData(EngagementStatus.ACTIVE.value))
    dialog.form.start_date.setDate(QDate.currentDate().addDays(-30))
    dialog.participants.is_group.setChecked(True)
    assert dialog.participants.error.text() == "A group needs at least 2 participants."
    assert not dialog.save_button.isEnabled()
    dialog.participants.tick(team["gus"])
    dialog.participants.tick(team["gwen"])
    assert dialog.problems() == {}
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS) as saved:
        dialog.submit()
    return int(saved.args[0])


def test_a_group_is_scheduled_held_and_in_each_participants_history(
    qtbot, practice, open_vault, team
) -> None:
    engagement_id = make_group(qtbot, practice, team)
    with open_vault.session() as db:
        assert groups.participants(db, engagement_id) == [team["gina"], team["gus"], team["gwen"]]
        assert [r.id for r in list_engagements(db, team["gus"], with_groups=True)] == [
            engagement_id
        ]

    # booked from a member's side: the group engagement is offered and taken
    booking = ScheduleDialog(practice, team["gus"])
    qtbot.addWidget(booking)
    booking.show()
    qtbot.waitUntil(lambda: booking.defaults is not None, timeout=WAIT_MS)
    assert booking.engagement.currentData() == engagement_id
    held_at = datetime.now(UTC).replace(second=0, microsecond=0) - timedelta(hours=2)
    booking.starts.setDateTime(to_qdatetime(held_at, practice.zone))
    with qtbot.waitSignal(booking.scheduled, timeout=WAIT_MS) as booked:
        booking.submit()
    session_id = booked.args[0].id

    editor = NotesEditor.open_for(practice, session_id)
    qtbot.addWidget(editor)
    qtbot.waitUntil(lambda: editor.loaded is not None and editor.body.isEnabled(), timeout=WAIT_MS)
    held = editor.body.held
    assert sorted(held.attended) == sorted([team["gina"], team["gus"], team["gwen"]])
    assert all(box.isChecked() for box in held.attended.values())
    held.attended[team["gwen"]].setChecked(False)  # Gwen did not come
    held.minutes.setValue(75)
    held.paid.setCurrentIndex(1)  # a free session for the group
    goal_box = editor.sections.boxes[editor.sections.template()][0]
    goal_box.setPlainText("The team agreed on one weekly priority")
    with qtbot.waitSignal(editor.saved, timeout=WAIT_MS):
        editor.save()

    with open_vault.session() as db:
        stored = db.get(CoachingSession, session_id)
        assert (stored.actual_minutes, stored.pro_bono) == (75, True)
        assert stored.engagement_id == engagement_id
        assert "weekly priority" in stored.shared_notes
        assert groups.attendance(db, session_id) == {
            team["gina"]: True,
            team["gus"]: True,
            team["gwen"]: False,
        }

    for name in ("gina", "gus"):
        page = ClientPage(practice)
        qtbot.addWidget(page)
        page.show()
        with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
            page.show_client(team[name])
        history = page.details.sessions
        assert isinstance(history, QListWidget)
        ids = [history.item(i).data(ID_ROLE) for i in range(history.count())]
        assert session_id in ids, name
        titles = [s.engagement.title for s in page.view.engagements]
        assert titles == ["Team coaching"], name
    outside = ClientPage(practice)
    qtbot.addWidget(outside)
    outside.show()
    with qtbot.waitSignal(outside.refreshed, timeout=WAIT_MS):
        outside.show_client(team["other"])
    assert outside.view.recent_sessions == []
