"""Goals, milestones, ratings, action items and follow-ups."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from sqlalchemy.orm import Session

from coachdesk.errors import ValidationError
from coachdesk.model import ActionStatus, GoalStatus
from coachdesk.services.progress import actions, goals
from coachdesk.services.progress.actions import ActionFields
from coachdesk.services.progress.goals import GoalFields
from tests.services.factories import at, client, engagement, session


def test_goal_rules_name_each_field(db: Session) -> None:
    amara, other = client(db), client(db, "Other")
    theirs = engagement(db, other)
    bad = GoalFields(amara, " ", baseline=-1, target=11, engagement_id=theirs)
    with pytest.raises(ValidationError) as info:
        goals.create_goal(db, bad)
    assert set(info.value.fields) == {"title", "baseline", "target", "engagement"}


def test_goal_round_trip_and_status_changes(db: Session) -> None:
    amara = client(db)
    data = GoalFields(
        amara,
        "Lead the team",
        baseline=2,
        target=8,
        target_date=date(2026, 9, 1),
        engagement_id=engagement(db, amara),
    )
    g = goals.create_goal(db, data).id
    assert goals.goal_fields(db, g) == data
    goals.update_goal(db, g, replace(data, status=GoalStatus.ACHIEVED))
    with pytest.raises(ValidationError) as info:
        goals.update_goal(db, g, replace(data, status=GoalStatus.DROPPED))
    assert "status" in info.value.fields
    goals.update_goal(db, g, replace(data, status=GoalStatus.ACTIVE))


def test_goal_list_shows_latest_score_and_milestones(db: Session) -> None:
    amara = client(db)
    g = goals.create_goal(db, GoalFields(amara, "Public speaking", baseline=2, target=8)).id
    goals.create_goal(db, GoalFields(amara, "Old", status=GoalStatus.DROPPED))
    m1 = goals.add_milestone(db, g, "Speak at team meeting", date(2026, 4, 1)).id
    goals.add_milestone(db, g, "Conference talk")
    goals.tick_milestone(db, m1, date(2026, 3, 28))
    goals.rate_goal(db, g, 5, recorded_at=at(10))
    goals.rate_goal(db, g, 3, recorded_at=at(2))
    (row,) = goals.list_goals(db, amara, GoalStatus.ACTIVE)
    assert (row.baseline, row.latest_score, row.target) == (2, 5, 8)
    assert (row.milestones_done, row.milestones_total) == (1, 2)
    assert len(goals.list_goals(db, amara)) == 2
    goals.untick_milestone(db, m1)
    goals.update_milestone(db, m1, "Speak at all-hands", None)
    assert [(m.title, m.done_on) for m in goals.list_milestones(db, g)] == [
        ("Speak at all-hands", None),
        ("Conference talk", None),
    ]
    with pytest.raises(ValidationError) as info:
        goals.add_milestone(db, g, "")
    assert "title" in info.value.fields


def test_rating_rules_and_series_order(db: Session) -> None:
    amara, other = client(db), client(db, "Other")
    g = goals.create_goal(db, GoalFields(amara, "Sleep better")).id
    s1, s2 = session(db, amara, at(9)), session(db, amara, at(2))
    goals.rate_goal(db, g, 7, session_id=s1)
    goals.rate_goal(db, g, 4, session_id=s2)
    goals.rate_goal(db, g, 9, recorded_at=datetime(2026, 3, 20, tzinfo=UTC))
    goals.rate_goal(db, g, 8, session_id=s1, note="revised")
    assert goals.progress_series(db, g) == [
        (at(2), 4),
        (at(9), 8),
        (datetime(2026, 3, 20, tzinfo=UTC), 9),
    ]
    with pytest.raises(ValidationError) as info:
        goals.rate_goal(
            db, g, 11, session_id=session(db, other, at(3)), recorded_at=datetime(2026, 3, 1)
        )
    assert set(info.value.fields) == {"score", "session", "recorded_at"}
    with pytest.raises(ValidationError):
        goals.rate_goal(db, g, -1)


def test_action_rules(db: Session) -> None:
    amara, other = client(db), client(db, "Other")
    their_session = session(db, other, at(2))
    their_goal = goals.create_goal(db, GoalFields(other, "Theirs")).id
    with pytest.raises(ValidationError) as info:
        actions.add_action(
            db, ActionFields(amara, "", session_id=their_session, goal_id=their_goal)
        )
    assert set(info.value.fields) == {"text", "session", "goal"}


def test_action_lifecycle_and_overdue_list(db: Session) -> None:
    amara, ben = client(db), client(db, "Ben")
    late = actions.add_action(db, ActionFields(amara, "Late", due_on=date(2026, 3, 1))).id
    soon = actions.add_action(db, ActionFields(amara, "Soon", due_on=date(2026, 3, 20))).id
    undated = actions.add_action(db, ActionFields(ben, "Whenever")).id
    assert [r.id for r in actions.list_actions(db)] == [late, soon, undated]
    overdue = actions.list_actions(db, overdue_on=date(2026, 3, 10))
    assert [r.id for r in overdue] == [late]
    actions.mark_done(db, late, date(2026, 3, 11))
    assert actions.list_actions(db, overdue_on=date(2026, 3, 10)) == []
    assert actions.get_action(db, late).done_on == date(2026, 3, 11)
    actions.mark_open(db, late)
    assert actions.get_action(db, late).done_on is None
    actions.drop_action(db, soon)
    open_rows = actions.list_actions(db, amara, ActionStatus.OPEN)
    assert [r.text for r in open_rows] == ["Late"]
    actions.update_action(db, undated, ActionFields(ben, "Someday", due_on=date(2026, 5, 1)))
    assert actions.list_actions(db, ben)[0].text == "Someday"


def test_follow_ups_due_by_a_date(db: Session) -> None:
    amara, ben = client(db), client(db, "Ben")
    e = engagement(db, amara)
    check_in = actions.add_follow_up(db, amara, date(2026, 9, 1), "Three-month check-in", e).id
    actions.add_follow_up(db, ben, date(2026, 12, 1), "Renewal?")
    with pytest.raises(ValidationError) as info:
        actions.add_follow_up(db, ben, date(2026, 1, 1), " ", engagement_id=e)
    assert set(info.value.fields) == {"reason", "engagement"}
    due = actions.list_follow_ups(db, due_by=date(2026, 9, 1))
    assert [(r.id, r.client_name, r.engagement_id) for r in due] == [(check_in, "Amara Okafor", e)]
    actions.mark_follow_up_done(db, check_in, date(2026, 9, 2))
    assert actions.list_follow_ups(db, due_by=date(2026, 9, 30)) == []
    assert len(actions.list_follow_ups(db, include_done=True)) == 2
