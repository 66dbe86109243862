"""Goals, their milestones, and the 0-10 ratings that show progress over time."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coachdesk.errors import ValidationError
from coachdesk.i18n import _
from coachdesk.model import (
    ActionItem,
    CoachingSession,
    Engagement,
    Goal,
    GoalStatus,
    Milestone,
    ProgressRating,
)
from coachdesk.services.people.clients import Saved, get_client
from coachdesk.services.people.profile import coach_today
from coachdesk.services.sessions.sessions import check_aware
from coachdesk.services.validation import FieldErrors

G = GoalStatus
TRANSITIONS: dict[GoalStatus, frozenset[GoalStatus]] = {
    G.ACTIVE: frozenset({G.ACHIEVED, G.DROPPED}),
    G.ACHIEVED: frozenset({G.ACTIVE}),
    G.DROPPED: frozenset({G.ACTIVE}),
}


@dataclass
class GoalFields:
    """Everything a goal form edits; scores are on the 0-10 scale of progress ratings."""

    client_id: int
    title: str = ""
    why: str = ""
    success_measure: str = ""
    baseline: int | None = None
    target: int | None = None
    target_date: date | None = None
    engagement_id: int | None = None
    status: GoalStatus = GoalStatus.ACTIVE


@dataclass(frozen=True, slots=True)
class GoalRow:
    """One line of a goal list: where the client started, stands, and aims."""

    id: int
    client_id: int
    title: str
    status: GoalStatus
    baseline: int | None
    latest_score: int | None
    target: int | None
    target_date: date | None
    milestones_done: int
    milestones_total: int


@dataclass(frozen=True, slots=True)
class MilestoneRow:
    id: int
    title: str
    due_on: date | None
    done_on: date | None


def create_goal(db: Session, data: GoalFields) -> Saved:
    _validate(db, data)
    goal = Goal()
    _apply(goal, data)
    db.add(goal)
    db.flush()
    return Saved(goal.id)


def update_goal(db: Session, goal_id: int, data: GoalFields) -> Saved:
    goal = get_goal(db, goal_id)
    if data.client_id != goal.client_id:
        raise ValidationError({"client": _("A goal cannot move to another client.")})
    _validate(db, data)
    if data.status != goal.status and data.status not in TRANSITIONS[goal.status]:
        raise ValidationError(
            {
                "status": _("A goal cannot go from {old} to {new}.").format(
                    old=goal.status.value, new=data.status.value
                )
            }
        )
    _apply(goal, data)
    db.flush()
    return Saved(goal.id)


def get_goal(db: Session, goal_id: int) -> Goal:
    goal = db.get(Goal, goal_id)
    if goal is None:
        raise ValidationError({"goal": _("There is no goal with id {id}.").format(id=goal_id)})
    return goal


def goal_fields(db: Session, goal_id: int) -> GoalFields:
    goal = get_goal(db, goal_id)
    return GoalFields(**{f.name: getattr(goal, f.name) for f in fields(GoalFields)})


def allowed_statuses(status: GoalStatus) -> frozenset[GoalStatus]:
    """Where a goal may go from ``status`` (besides staying)."""
    return TRANSITIONS[status]


def list_goals(db: Session, client_id: int, status: GoalStatus | None = None) -> list[GoalRow]:
    """A client's goals in the order they were set, each with its latest score."""
    r, m = ProgressRating, Milestone
    latest = (
        select(r.score)
        .where(r.goal_id == Goal.id)
        .order_by(r.recorded_at.desc(), r.id.desc())
        .limit(1)
        .scalar_subquery()
    )
    done = select(func.count()).where(m.goal_id == Goal.id, m.done_on.is_not(None))
    total = select(func.count()).where(m.goal_id == Goal.id)
    query = (
        select(
            Goal.id,
            Goal.client_id,
            Goal.title,
            Goal.status,
            Goal.baseline,
            latest,
            Goal.target,
            Goal.target_date,
            done.scalar_subquery(),
            total.scalar_subquery(),
        )
        .where(Goal.client_id == client_id)
        .order_by(Goal.id)
    )
    if status is not None:
        query = query.where(Goal.status == status)
    return [GoalRow(*row) for row in db.execute(query)]


def add_milestone(db: Session, goal_id: int, title: str, due_on: date | None = None) -> Saved:
    goal = get_goal(db, goal_id)
    _check_milestone_title(title)
    milestone = Milestone(title=title.strip(), due_on=due_on)
    goal.milestones.append(milestone)
    db.flush()
    return Saved(milestone.id)


def update_milestone(db: Session, milestone_id: int, title: str, due_on: date | None) -> Saved:
    milestone = _get_milestone(db, milestone_id)
    _check_milestone_title(title)
    milestone.title, milestone.due_on = title.strip(), due_on
    db.flush()
    return Saved(milestone.id)


def tick_milestone(db: Session, milestone_id: int, done_on: date | None = None) -> None:
    _get_milestone(db, milestone_id).done_on = done_on or coach_today(db)
    db.flush()


def untick_milestone(db: Session, milestone_id: int) -> None:
    _get_milestone(db, milestone_id).done_on = None
    db.flush()


def remove_milestone(db: Session, milestone_id: int) -> None:
    db.delete(_get_milestone(db, milestone_id))
    db.flush()


def list_milestones(db: Session, goal_id: int) -> list[MilestoneRow]:
    m = Milestone
    query = (
        select(m.id, m.title, m.due_on, m.done_on)
        .where(m.goal_id == goal_id)
        .order_by(m.due_on.is_(None), m.due_on, m.id)
    )
    return [MilestoneRow(*row) for row in db.execute(query)]


def rate_goal(
    db: Session,
    goal_id: int,
    score: int,
    *,
    session_id: int | None = None,
    note: str = "",
    recorded_at: datetime | None = None,
) -> Saved:
    """Record a 0-10 score; one rating per goal and session, so rating again replaces it.

    A rating made at a session is dated at the session's start, so charts line up with sessions.
    """
    goal = get_goal(db, goal_id)
    errors = FieldErrors()
    errors.in_range("score", score, 0, 10)
    if recorded_at is not None:
        check_aware(errors, "recorded_at", recorded_at)
    session = db.get(CoachingSession, session_id) if session_id is not None else None
    if session_id is not None and (session is None or session.client_id != goal.client_id):
        errors.add("session", _("That session does not belong to this goal's client."))
    errors.raise_if_any()
    rating = None
    if session is not None:
        rating = db.scalar(
            select(ProgressRating).where(
                ProgressRating.goal_id == goal_id, ProgressRating.session_id == session_id
            )
        )
    if rating is None:
        rating = ProgressRating(goal_id=goal_id, session_id=session_id)
        db.add(rating)
    rating.score, rating.note = score, note.strip()
    rating.recorded_at = recorded_at or (session.starts_at if session else datetime.now(UTC))
    db.flush()
    return Saved(rating.id)


@dataclass(frozen=True, slots=True)
class GoalWeight:
    """What deleting a goal takes with it (its linked action items stay, unlinked)."""

    ratings: int
    milestones: int
    linked_actions: int


def goal_weight(db: Session, goal_id: int) -> GoalWeight:
    get_goal(db, goal_id)

    def count(column: Any) -> int:
        return db.scalar(select(func.count()).where(column == goal_id)) or 0

    return GoalWeight(
        count(ProgressRating.goal_id), count(Milestone.goal_id), count(ActionItem.goal_id)
    )


def delete_goal(db: Session, goal_id: int) -> None:
    """The goal, its milestones and ratings go; action items linked to it stay, unlinked."""
    db.delete(get_goal(db, goal_id))
    db.flush()


def progress_series(db: Session, goal_id: int) -> list[tuple[datetime, int]]:
    """The points of a progress chart, oldest first."""
    r = ProgressRating
    query = select(r.recorded_at, r.score).where(r.goal_id == goal_id)
    return [(at, score) for at, score in db.execute(query.order_by(r.recorded_at, r.id))]


def _validate(db: Session, data: GoalFields) -> None:
    get_client(db, data.client_id)
    errors = FieldErrors()
    errors.require("title", data.title)
    errors.max_length("title", data.title.strip(), 300)
    errors.single_line("title", data.title)
    errors.in_range("baseline", data.baseline, 0, 10)
    errors.in_range("target", data.target, 0, 10)
    if data.engagement_id is not None:
        engagement = db.get(Engagement, data.engagement_id)
        if engagement is None or engagement.client_id != data.client_id:
            errors.add("engagement", _("That engagement does not belong to this client."))
    errors.raise_if_any()


def _apply(goal: Goal, data: GoalFields) -> None:
    for f in fields(GoalFields):
        setattr(goal, f.name, getattr(data, f.name))
    goal.title = data.title.strip()


def _get_milestone(db: Session, milestone_id: int) -> Milestone:
    milestone = db.get(Milestone, milestone_id)
    if milestone is None:
        raise ValidationError(
            {"milestone": _("There is no milestone with id {id}.").format(id=milestone_id)}
        )
    return milestone


def _check_milestone_title(title: str) -> None:
    errors = FieldErrors()
    errors.require("title", title)
    errors.max_length("title", title.strip(), 300)
    errors.raise_if_any()
