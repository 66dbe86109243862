"""A scale asked once per goal ("how far have you come on each goal?"): when the form is made,
the question becomes one scale per active goal of the client, its field named after the goal
(``q1_scale_g12``), so a returned form says which goal each rating is for, with no copy of the
questions kept per form. A client without goals gets the question once, as a plain scale."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from coachdesk.model import Goal, GoalStatus, ProgressRating

_FIELD = re.compile(r"^(?P<base>q\d+_scale)_g(?P<goal>\d+)$")


@dataclass(frozen=True)
class GoalScale:
    goal_id: int
    title: str
    field: str


def goal_field(base: str, goal_id: int) -> str:
    return f"{base}_g{goal_id}"


def active_goals(db: Session, client_id: int) -> list[GoalScale]:
    """The client's active goals, oldest first, as the scales a new form asks."""
    rows = db.execute(
        select(Goal.id, Goal.title)
        .where(Goal.client_id == client_id, Goal.status == GoalStatus.ACTIVE)
        .order_by(Goal.id)
    )
    return [GoalScale(gid, title, "") for gid, title in rows]


def scales_in(
    db: Session, client_id: int, base: str, names: Mapping[str, object]
) -> list[GoalScale]:
    """The per-goal fields of question ``base`` among ``names``, for goals of this client only
    (a field naming another client's goal, or a deleted one, is ignored)."""
    wanted = {
        int(m["goal"]): name
        for name in names
        if (m := _FIELD.match(name)) is not None and m["base"] == base
    }
    if not wanted:
        return []
    rows = db.execute(
        select(Goal.id, Goal.title)
        .where(Goal.client_id == client_id, Goal.id.in_(wanted))
        .order_by(Goal.id)
    )
    return [GoalScale(gid, title, wanted[gid]) for gid, title in rows]


def latest_score(db: Session, goal_id: int) -> int | None:
    return db.scalar(
        select(ProgressRating.score)
        .where(ProgressRating.goal_id == goal_id)
        .order_by(ProgressRating.recorded_at.desc())
        .limit(1)
    )
