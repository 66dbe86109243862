"""Deleting a session and undoing it; correcting a session's engagement, length, mode, place;
the engagement a new session joins by default."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from coachdesk.errors import ValidationError
from coachdesk.model import (
    ActionItem,
    CoachingSession,
    EngagementStatus,
    ProgressRating,
    SessionMode,
    SessionStatus,
)
from coachdesk.services.engagements import engagements
from coachdesk.services.overviews import search
from coachdesk.services.progress.goals import GoalFields, create_goal
from coachdesk.services.sessions import deletion, notes, sessions
from tests.services.factories import at, client, engagement, session


def test_delete_renumbers_the_engagement_and_undo_restores_everything(db: Session) -> None:
    amara = client(db)
    e = engagement(db, amara)
    goal = create_goal(db, GoalFields(amara, title="Delegate more")).id
    first = session(db, amara, at(2), engagement_id=e)
    second = session(db, amara, at(9), engagement_id=e)
    third = session(db, amara, at(16), engagement_id=e)
    notes.record_notes(
        db,
        second,
        notes.NotesInput(
            shared_notes="Talked about the quarterly plan",
            private_notes="Seemed tired",
            new_actions=[notes.NewAction("Draft the delegation list", goal_id=goal)],
            ratings={goal: 6},
        ),
    )
    notes.save_draft(db, second, "half-typed words")
    before = sessions.get_session(db, second)
    assert deletion.needs_confirmation(db, second)
    assert not deletion.needs_confirmation(db, third)

    deleted = deletion.delete_session(db, second)
    assert db.get(CoachingSession, second) is None
    assert [sessions.get_session(db, i).sequence for i in (first, third)] == [1, 2]
    assert db.scalar(select(ActionItem.session_id)) is None  # the action item stays, unlinked
    assert db.scalar(select(ProgressRating.session_id)) is None
    assert search.search(db, "quarterly") == []
    with pytest.raises(ValidationError) as info:
        deletion.delete_session(db, second)
    assert "session" in info.value.fields

    assert deletion.restore_session(db, deleted) == second
    assert sessions.get_session(db, second) == before
    assert [sessions.get_session(db, i).sequence for i in (first, second, third)] == [1, 2, 3]
    assert db.scalar(select(ActionItem.session_id)) == second
    assert db.scalar(select(ProgressRating.session_id)) == second
    draft = notes.get_draft(db, second)
    assert draft is not None
    assert draft.content == "half-typed words"
    assert [(h.kind, h.ref_id) for h in search.search(db, "quarterly")] == [("session", second)]


def test_undo_after_the_id_was_taken_gives_a_new_id(db: Session) -> None:
    amara = client(db)
    last = session(db, amara, at(2), agenda="Career move")
    deleted = deletion.delete_session(db, last)
    newer = session(db, amara, at(3))
    restored = deletion.restore_session(db, deleted)
    assert restored not in (last, newer)
    assert sessions.get_session(db, restored).agenda == "Career move"


def test_correcting_a_booking_attaches_it_to_an_engagement_made_later(db: Session) -> None:
    amara = client(db)
    early = session(db, amara, at(2))  # booked before the engagement existed
    e = engagement(db, amara, planned_sessions=8)
    later = session(db, amara, at(9), engagement_id=e)
    sessions.set_status(db, early, SessionStatus.COMPLETED)
    (row,) = engagements.list_engagements(db, amara)
    assert row.held == 0

    data = sessions.session_fields(db, early)
    sessions.update_session(
        db,
        early,
        replace(
            data, engagement_id=e, duration_minutes=45, mode=SessionMode.PHONE, location="Call"
        ),
    )
    detail = sessions.get_session(db, early)
    assert (detail.sequence, detail.planned) == (1, 8)
    assert (detail.duration_minutes, detail.mode, detail.location) == (
        45,
        SessionMode.PHONE,
        "Call",
    )
    assert sessions.get_session(db, later).sequence == 2
    (row,) = engagements.list_engagements(db, amara)
    assert row.held == 1


def test_active_engagements_come_latest_started_first(db: Session) -> None:
    amara = client(db)
    assert sessions.active_engagements(db, amara) == []
    engagement(db, amara, title="Old", status=EngagementStatus.COMPLETED)
    assert sessions.active_engagements(db, amara) == []
    spring = engagement(db, amara, title="Spring", status=EngagementStatus.ACTIVE)
    summer = engagement(
        db,
        amara,
        title="Summer",
        start_date=date(2026, 6, 1),
        end_date=None,
        status=EngagementStatus.ACTIVE,
    )
    engagement(
        db,
        client(db, "Other"),
        start_date=date(2026, 9, 1),
        end_date=None,
        status=EngagementStatus.ACTIVE,
    )
    assert sessions.active_engagements(db, amara) == [summer, spring]
