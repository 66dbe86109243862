"""Saving a goal form in one go (goal and milestones), one goal in full, and actions by goal."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.orm import Session

from coachdesk.errors import ValidationError
from coachdesk.model import ActionStatus, GoalStatus
from coachdesk.services.progress import actions, goal_forms, goals
from coachdesk.services.progress.actions import ActionFields
from coachdesk.services.progress.goal_forms import MilestoneEdit
from coachdesk.services.progress.goals import GoalFields
from tests.services.factories import at, client


def test_save_goal_creates_the_goal_with_its_milestones(db: Session) -> None:
    amara = client(db)
    saved = goal_forms.save_goal(
        db,
        None,
        GoalFields(amara, "Delegate", baseline=2, target=8),
        [
            MilestoneEdit(None, "List tasks", date(2026, 4, 1), done=True),
            MilestoneEdit(None, "Hand over"),
        ],
    )
    rows = goals.list_milestones(db, saved.id)
    assert [(m.title, m.due_on) for m in rows] == [
        ("List tasks", date(2026, 4, 1)),
        ("Hand over", None),
    ]
    assert rows[0].done_on is not None
    assert rows[1].done_on is None


def test_save_goal_edits_ticks_unticks_and_removes(db: Session) -> None:
    amara = client(db)
    g = goals.create_goal(db, GoalFields(amara, "Delegate")).id
    keep = goals.add_milestone(db, g, "List tasks").id
    done = goals.add_milestone(db, g, "Hand over").id
    gone = goals.add_milestone(db, g, "Old idea").id
    goals.tick_milestone(db, done, date(2026, 3, 10))
    data = GoalFields(amara, "Delegate more", status=GoalStatus.ACHIEVED)
    goal_forms.save_goal(
        db,
        g,
        data,
        [MilestoneEdit(keep, "List all tasks", None, done=True), MilestoneEdit(done, "Hand over")],
        removed=(gone,),
    )
    assert goals.goal_fields(db, g).title == "Delegate more"
    rows = {m.id: m for m in goals.list_milestones(db, g)}
    assert set(rows) == {keep, done}
    assert rows[keep].title == "List all tasks"
    assert rows[keep].done_on is not None
    assert rows[done].done_on is None  # unticked


def test_ticking_again_keeps_the_day_it_was_reached(db: Session) -> None:
    amara = client(db)
    g = goals.create_goal(db, GoalFields(amara, "Delegate")).id
    m = goals.add_milestone(db, g, "List tasks").id
    goals.tick_milestone(db, m, date(2026, 3, 10))
    goal_forms.save_goal(
        db, g, GoalFields(amara, "Delegate"), [MilestoneEdit(m, "List tasks", done=True)]
    )
    assert goals.list_milestones(db, g)[0].done_on == date(2026, 3, 10)


def test_save_goal_names_goal_and_milestone_problems_together(db: Session) -> None:
    amara = client(db)
    with pytest.raises(ValidationError) as info:
        goal_forms.save_goal(
            db,
            None,
            GoalFields(amara, "", target=11),
            [MilestoneEdit(None, "ok"), MilestoneEdit(None, " ")],
        )
    assert set(info.value.fields) == {"title", "target", "milestones"}
    assert info.value.fields["milestones"] == "Milestone 2 needs a title."


def test_save_goal_refuses_another_goals_milestone(db: Session) -> None:
    amara = client(db)
    other = goals.create_goal(db, GoalFields(amara, "Other")).id
    foreign = goals.add_milestone(db, other, "Not yours").id
    g = goals.create_goal(db, GoalFields(amara, "Delegate")).id
    with pytest.raises(ValidationError):
        goal_forms.save_goal(
            db, g, GoalFields(amara, "Delegate"), [MilestoneEdit(foreign, "Mine now")]
        )
    assert goals.list_milestones(db, other)[0].title == "Not yours"


def test_goal_detail_has_series_milestones_and_linked_actions_only(db: Session) -> None:
    amara = client(db)
    g = goals.create_goal(db, GoalFields(amara, "Delegate", baseline=3, target=8)).id
    goals.add_milestone(db, g, "List tasks")
    goals.rate_goal(db, g, 4, recorded_at=at(3))
    goals.rate_goal(db, g, 6, recorded_at=at(17))
    linked = actions.add_action(db, ActionFields(amara, "Write the handover note", goal_id=g)).id
    actions.add_action(db, ActionFields(amara, "Unrelated"))
    actions.mark_done(db, linked, date(2026, 3, 20))
    detail = goal_forms.goal_detail(db, g)
    assert (detail.client_name, detail.fields.title, detail.latest_score) == (
        "Amara Okafor",
        "Delegate",
        6,
    )
    assert [score for _at, score in detail.series] == [4, 6]
    assert [m.title for m in detail.milestones] == ["List tasks"]
    assert [(a.id, a.status) for a in detail.actions] == [(linked, ActionStatus.DONE)]
    assert [a.text for a in actions.list_actions(db, goal_id=g)] == ["Write the handover note"]


def test_remove_milestone(db: Session) -> None:
    amara = client(db)
    g = goals.create_goal(db, GoalFields(amara, "Delegate")).id
    m = goals.add_milestone(db, g, "List tasks").id
    goals.remove_milestone(db, m)
    assert goals.list_milestones(db, g) == []
    with pytest.raises(ValidationError):
        goals.remove_milestone(db, m)
