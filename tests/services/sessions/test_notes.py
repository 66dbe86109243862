"""The minute after the call: one save for everything, drafts that survive, carry forward."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coachdesk.errors import ValidationError
from coachdesk.model import ActionItem, ActionStatus, ProgressRating, SessionStatus
from coachdesk.services.people import profile
from coachdesk.services.progress import actions, goals
from coachdesk.services.progress.actions import ActionFields
from coachdesk.services.progress.goals import GoalFields
from coachdesk.services.sessions import notes, sessions
from coachdesk.services.sessions.notes import NewAction, NotesInput
from coachdesk.vault import Vault
from tests.services.factories import at, client, engagement, session


def test_draft_round_trip(db: Session) -> None:
    s = session(db, client(db), at(2))
    assert notes.get_draft(db, s) is None
    notes.save_draft(db, s, "first")
    saved_at = notes.save_draft(db, s, "Goal: speak up in meetings")
    draft = notes.get_draft(db, s)
    assert draft is not None
    assert (draft.content, draft.saved_at) == ("Goal: speak up in meetings", saved_at)
    assert saved_at.tzinfo is not None
    assert sessions.get_session(db, s).has_draft
    notes.discard_draft(db, s)
    assert notes.get_draft(db, s) is None
    with pytest.raises(ValidationError):
        notes.save_draft(db, 999, "lost?")


def test_draft_survives_closing_the_vault(open_vault: Vault) -> None:
    with open_vault.session() as db, db.begin():
        s = session(db, client(db), at(2))
        notes.save_draft(db, s, "typed before the crash")
    with open_vault.session() as db:
        draft = notes.get_draft(db, s)
    assert draft is not None
    assert draft.content == "typed before the crash"


def test_record_notes_saves_everything_at_once(db: Session) -> None:
    amara = client(db)
    e = engagement(db, amara)
    earlier = session(db, amara, at(2), engagement_id=e)
    now = session(db, amara, at(9), engagement_id=e)
    session(db, amara, at(16, 15), engagement_id=e)
    goal = goals.create_goal(db, GoalFields(amara, "Delegate more", baseline=3)).id
    old = actions.add_action(db, ActionFields(amara, "Read chapter 3", session_id=earlier)).id
    goals.rate_goal(db, goal, 4, session_id=now)
    notes.save_draft(db, now, "half-typed")

    notes.record_notes(
        db,
        now,
        NotesInput(
            agenda="Delegation",
            shared_notes="Agreed to hand over the weekly report.",
            private_notes="Seemed tired.",
            feedback_score=5,
            feedback_comment="Useful",
            new_actions=[
                NewAction("Hand over the report", goal_id=goal),
                NewAction("Journal daily", due_on=date(2026, 3, 12)),
            ],
            done_action_ids=[old],
            ratings={goal: 6},
        ),
    )

    detail = sessions.get_session(db, now)
    assert (detail.status, detail.shared_notes, detail.private_notes) == (
        SessionStatus.COMPLETED,
        "Agreed to hand over the weekly report.",
        "Seemed tired.",
    )
    assert (detail.feedback_score, detail.feedback_comment) == (5, "Useful")
    assert not detail.has_draft
    created = {r.text: r for r in actions.list_actions(db, amara, ActionStatus.OPEN)}
    # Due by the next booked session, unless a date was given.
    assert created["Hand over the report"].due_on == date(2026, 3, 16)
    assert created["Hand over the report"].goal_id == goal
    assert created["Journal daily"].due_on == date(2026, 3, 12)
    assert {r.session_id for r in created.values()} == {now}
    assert actions.get_action(db, old).status == ActionStatus.DONE
    assert actions.get_action(db, old).done_on == profile.coach_today(db)
    # The rating given at this session replaced the earlier one for the same session.
    assert goals.progress_series(db, goal) == [(at(9), 6)]
    assert db.scalar(select(func.count()).select_from(ProgressRating)) == 1


def test_without_a_next_session_actions_are_due_a_week_later(db: Session) -> None:
    amara = client(db)
    s = session(db, amara, at(9, 23))
    notes.record_notes(db, s, NotesInput(new_actions=[NewAction("Reflect")]))
    assert actions.list_actions(db, amara)[0].due_on == date(2026, 3, 16)


def test_action_due_date_uses_the_coachs_time_zone(db: Session) -> None:
    profile.update_profile(db, profile.ProfileFields(time_zone="Pacific/Auckland"))
    amara = client(db)
    s = session(db, amara, at(9, 23))  # already 10 March in Auckland
    notes.record_notes(db, s, NotesInput(new_actions=[NewAction("Reflect")]))
    assert actions.list_actions(db, amara)[0].due_on == date(2026, 3, 10) + timedelta(days=7)


def test_a_refused_save_changes_nothing(open_vault: Vault) -> None:
    with open_vault.session() as db, db.begin():
        amara, other = client(db), client(db, "Other")
        s = session(db, amara, at(9))
        goal = goals.create_goal(db, GoalFields(amara, "Confidence")).id
        theirs = goals.create_goal(db, GoalFields(other, "Not yours")).id
        old = actions.add_action(db, ActionFields(amara, "Old")).id
        notes.save_draft(db, s, "keep me")
    bad = NotesInput(
        shared_notes="should not be saved",
        feedback_score=9,
        new_actions=[NewAction("Valid"), NewAction("  ")],
        done_action_ids=[old],
        ratings={goal: 7, theirs: 3},
    )
    # Even if the caller commits after the error, nothing was written.
    with open_vault.session() as db, db.begin(), pytest.raises(ValidationError) as info:
        notes.record_notes(db, s, bad)
    assert set(info.value.fields) == {"feedback_score", "new_actions", "ratings"}
    with open_vault.session() as db:
        assert sessions.get_session(db, s).shared_notes == ""
        assert sessions.get_session(db, s).status == SessionStatus.SCHEDULED
        assert db.scalar(select(func.count()).select_from(ActionItem)) == 1
        assert actions.get_action(db, old).status == ActionStatus.OPEN
        assert goals.progress_series(db, goal) == []
        assert notes.get_draft(db, s) is not None


def test_record_notes_refuses_actions_and_status_it_should_not_touch(db: Session) -> None:
    amara, other = client(db), client(db, "Other")
    s = session(db, amara, at(9))
    theirs = actions.add_action(db, ActionFields(other, "Theirs")).id
    sessions.set_status(db, s, SessionStatus.COMPLETED)
    with pytest.raises(ValidationError) as info:
        notes.record_notes(
            db, s, NotesInput(status=SessionStatus.SCHEDULED, done_action_ids=[theirs])
        )
    assert set(info.value.fields) == {"status", "done_action_ids"}
    assert actions.get_action(db, theirs).status == ActionStatus.OPEN


def test_carry_forward_offers_earlier_open_actions_and_active_goals(db: Session) -> None:
    amara, other = client(db), client(db, "Other")
    first = session(db, amara, at(2))
    current = session(db, amara, at(9))
    later = session(db, amara, at(16))
    open_before = actions.add_action(db, ActionFields(amara, "Open", session_id=first)).id
    between = actions.add_action(db, ActionFields(amara, "Between sessions")).id
    done = actions.add_action(db, ActionFields(amara, "Done", session_id=first)).id
    actions.mark_done(db, done)
    actions.add_action(db, ActionFields(amara, "From the future", session_id=later))
    actions.add_action(db, ActionFields(amara, "Agreed today", session_id=current))
    actions.add_action(db, ActionFields(other, "Someone else's"))
    active = goals.create_goal(db, GoalFields(amara, "Active")).id
    goals.create_goal(db, GoalFields(amara, "Dropped", status=goals.GoalStatus.DROPPED))
    goals.rate_goal(db, active, 3, session_id=first)

    carried = notes.carry_forward(db, current)

    assert {a.id for a in carried.open_actions} == {open_before, between}
    assert [(g.id, g.latest_score) for g in carried.active_goals] == [(active, 3)]
