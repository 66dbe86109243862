"""Deleting goals and action items, undoing an action item's delete, and linking an action item
to a goal: what goes, what stays, and what each refuses."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from coachdesk.errors import ValidationError
from coachdesk.model import ActionItem, ActionStatus, Goal, Milestone, ProgressRating
from coachdesk.services.progress import actions, goal_forms, goals
from coachdesk.services.progress.actions import ActionFields
from coachdesk.services.progress.goals import GoalFields
from tests.services.factories import at, client, session


def test_deleting_a_goal_takes_its_milestones_and_ratings_and_unlinks_its_actions(
    db: Session,
) -> None:
    amara = client(db)
    goal = goals.create_goal(db, GoalFields(amara, "Delegate", baseline=3, target=8)).id
    kept = goals.create_goal(db, GoalFields(amara, "Sleep")).id
    goals.add_milestone(db, goal, "Hand over the report")
    goals.rate_goal(db, goal, 5, session_id=session(db, amara, at(3)))
    goals.rate_goal(db, kept, 4)
    linked = actions.add_action(db, ActionFields(amara, "List tasks", goal_id=goal)).id
    assert goals.goal_weight(db, goal) == goals.GoalWeight(1, 1, 1)
    goals.delete_goal(db, goal)
    db.expire_all()
    assert db.get(Goal, goal) is None
    assert db.scalars(select(Milestone.goal_id)).all() == []
    assert db.scalars(select(ProgressRating.goal_id)).all() == [kept]
    action = db.get(ActionItem, linked)
    assert action is not None
    assert action.goal_id is None


def test_deleting_a_goal_that_is_not_there_names_the_goal(db: Session) -> None:
    with pytest.raises(ValidationError) as info:
        goals.delete_goal(db, 999)
    assert set(info.value.fields) == {"goal"}


def test_a_deleted_action_item_comes_back_as_it_was(db: Session) -> None:
    amara = client(db)
    held = session(db, amara, at(3))
    goal = goals.create_goal(db, GoalFields(amara, "Delegate")).id
    data = ActionFields(amara, "List tasks", date(2026, 3, 20), held, goal)
    first = actions.add_action(db, data).id
    actions.mark_done(db, first, date(2026, 3, 18))
    deleted = actions.delete_action(db, first)
    assert db.get(ActionItem, first) is None
    restored = actions.restore_action(db, deleted).id
    (row,) = actions.list_actions(db, client_id=amara)
    assert row.id == restored
    assert (row.text, row.due_on, row.session_id, row.goal_id) == (
        "List tasks",
        date(2026, 3, 20),
        held,
        goal,
    )
    assert (row.status, row.done_on) == (ActionStatus.DONE, date(2026, 3, 18))


def test_undo_after_its_goal_went_restores_the_action_unlinked(db: Session) -> None:
    amara = client(db)
    goal = goals.create_goal(db, GoalFields(amara, "Delegate")).id
    deleted = actions.delete_action(
        db, actions.add_action(db, ActionFields(amara, "List tasks", goal_id=goal)).id
    )
    goals.delete_goal(db, goal)
    restored = actions.restore_action(db, deleted).id
    action = db.get(ActionItem, restored)
    assert action is not None
    assert action.goal_id is None


def test_linking_an_action_item_only_to_its_own_clients_goal(db: Session) -> None:
    amara, ben = client(db), client(db, "Ben Ito")
    goal = goals.create_goal(db, GoalFields(amara, "Delegate")).id
    bens = goals.create_goal(db, GoalFields(ben, "Speak up")).id
    item = actions.add_action(db, ActionFields(amara, "List tasks")).id
    assert [r.id for r in goal_forms.goal_detail(db, goal).linkable] == [item]
    actions.link_action(db, item, goal)
    detail = goal_forms.goal_detail(db, goal)
    assert [r.id for r in detail.actions] == [item]
    assert detail.linkable == []
    with pytest.raises(ValidationError) as info:
        actions.link_action(db, item, bens)
    assert set(info.value.fields) == {"goal"}
    db.expire_all()
    action = db.get(ActionItem, item)
    assert action is not None
    assert action.goal_id == goal


def test_an_action_item_is_edited_text_due_date_and_goal(db: Session) -> None:
    amara = client(db)
    goal = goals.create_goal(db, GoalFields(amara, "Delegate")).id
    item = actions.add_action(db, ActionFields(amara, "List tasks")).id
    actions.update_action(
        db, item, ActionFields(amara, "List every task", date(2026, 4, 1), goal_id=goal)
    )
    (row,) = actions.list_actions(db, client_id=amara)
    assert (row.text, row.due_on, row.goal_id) == ("List every task", date(2026, 4, 1), goal)
    with pytest.raises(ValidationError) as info:
        actions.update_action(db, item, ActionFields(amara, "  "))
    assert set(info.value.fields) == {"text"}
