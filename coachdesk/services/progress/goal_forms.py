"""A goal as its editor and its page see it: the goal with its milestones, saved in one go,
and read in one go (scores, chart series, linked action items)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session

from coachdesk.errors import ValidationError
from coachdesk.i18n import _
from coachdesk.model import ActionStatus
from coachdesk.services.people.clients import Saved, get_client
from coachdesk.services.progress.actions import ActionRow, list_actions
from coachdesk.services.progress.goals import (
    GoalFields,
    MilestoneRow,
    add_milestone,
    create_goal,
    get_goal,
    goal_fields,
    list_milestones,
    progress_series,
    remove_milestone,
    tick_milestone,
    untick_milestone,
    update_goal,
    update_milestone,
)
from coachdesk.services.validation import FieldErrors


@dataclass(frozen=True, slots=True)
class MilestoneEdit:
    """One milestone as a form holds it: ``id`` is None for a new one."""

    id: int | None
    title: str
    due_on: date | None = None
    done: bool = False


@dataclass(frozen=True, slots=True)
class GoalDetail:
    """One goal in full, for a goal page: read at once so the page fills in one go."""

    id: int
    client_name: str
    fields: GoalFields
    latest_score: int | None
    milestones: list[MilestoneRow]
    series: list[tuple[datetime, int]]
    actions: list[ActionRow]
    linkable: list[ActionRow]  # the client's open action items linked to no goal yet


def goal_detail(db: Session, goal_id: int) -> GoalDetail:
    goal = get_goal(db, goal_id)
    series = progress_series(db, goal_id)
    return GoalDetail(
        id=goal.id,
        client_name=get_client(db, goal.client_id).display_name,
        fields=goal_fields(db, goal_id),
        latest_score=series[-1][1] if series else None,
        milestones=list_milestones(db, goal_id),
        series=series,
        actions=list_actions(db, client_id=goal.client_id, goal_id=goal_id),
        linkable=[
            row
            for row in list_actions(db, client_id=goal.client_id, status=ActionStatus.OPEN)
            if row.goal_id is None
        ],
    )


def save_goal(
    db: Session,
    goal_id: int | None,
    data: GoalFields,
    milestones: list[MilestoneEdit],
    removed: tuple[int, ...] = (),
) -> Saved:
    """A goal form's whole save: the goal, then its milestones added, changed, ticked or removed.

    Problems of the goal and of its milestones come back together, so the form shows them all
    at once; on any problem the caller's transaction drops whatever was written.
    """
    errors = FieldErrors()
    for n, m in enumerate(milestones, start=1):
        if not m.title.strip():
            errors.add("milestones", _("Milestone {n} needs a title.").format(n=n))
        elif len(m.title.strip()) > 300:
            errors.add("milestones", _("Milestone {n}: at most 300 characters.").format(n=n))
    try:
        saved = create_goal(db, data) if goal_id is None else update_goal(db, goal_id, data)
    except ValidationError as exc:
        errors.errors = {**exc.fields, **errors.errors}
        raise ValidationError(errors.errors) from None
    errors.raise_if_any()
    own = {row.id: row for row in list_milestones(db, saved.id)}
    for milestone_id in removed:
        if milestone_id in own:
            remove_milestone(db, milestone_id)
    for m in milestones:
        if m.id is None:
            milestone_id = add_milestone(db, saved.id, m.title, m.due_on).id
            was_done = False
        elif m.id in own:
            milestone_id = update_milestone(db, m.id, m.title, m.due_on).id
            was_done = own[m.id].done_on is not None
        else:
            raise ValidationError({"milestones": _("A milestone of this goal was removed.")})
        if m.done and not was_done:
            tick_milestone(db, milestone_id)
        elif was_done and not m.done:
            untick_milestone(db, milestone_id)
    return saved
