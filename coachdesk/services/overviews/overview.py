"""One client's page at a glance: programmes, recent and next sessions, goals, what is open."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coachdesk.model import ActionStatus, CoachingSession, GoalStatus, SessionStatus
from coachdesk.services.engagements.engagements import (
    EngagementRow,
    EngagementUsage,
    list_engagements,
    usage,
)
from coachdesk.services.people.clients import ClientFields, client_fields, sponsor_name
from coachdesk.services.people.profile import coach_zone
from coachdesk.services.progress.actions import (
    ActionRow,
    FollowUpRow,
    list_actions,
    list_follow_ups,
)
from coachdesk.services.progress.goals import GoalRow, list_goals
from coachdesk.services.sessions.sessions import SessionRow, list_sessions

RECENT_SESSIONS = 20


@dataclass(frozen=True, slots=True)
class EngagementSummary:
    engagement: EngagementRow
    usage: EngagementUsage


@dataclass(frozen=True, slots=True)
class OverviewCounts:
    sessions_held: int
    sessions_scheduled: int
    sessions_missed: int
    open_actions: int
    overdue_actions: int
    active_goals: int
    pending_follow_ups: int


@dataclass(frozen=True, slots=True)
class ClientOverview:
    """Everything the client page shows, gathered in a handful of indexed queries."""

    client_id: int
    client: ClientFields
    sponsor_name: str
    engagements: list[EngagementSummary]
    recent_sessions: list[SessionRow]
    next_session: SessionRow | None
    goals: list[GoalRow]
    open_actions: list[ActionRow]
    follow_ups: list[FollowUpRow]
    counts: OverviewCounts


def client_overview(db: Session, client_id: int, now: datetime | None = None) -> ClientOverview:
    """``recent_sessions`` are the last 20 that started before ``now``, newest first;
    ``follow_ups`` are those not done yet, including future ones, soonest first.
    """
    now = now or datetime.now(UTC)
    today = now.astimezone(coach_zone(db)).date()
    fields = client_fields(db, client_id)
    upcoming = list_sessions(db, client_id, start=now, status=SessionStatus.SCHEDULED, limit=1)
    goals = list_goals(db, client_id)
    open_actions = list_actions(db, client_id, ActionStatus.OPEN)
    follow_ups = list_follow_ups(db, client_id=client_id)
    by_status = dict(
        db.execute(
            select(CoachingSession.status, func.count())
            .where(CoachingSession.client_id == client_id)
            .group_by(CoachingSession.status)
        ).all()
    )
    return ClientOverview(
        client_id=client_id,
        client=fields,
        sponsor_name=sponsor_name(db, fields.sponsor_id),
        engagements=[
            EngagementSummary(row, usage(db, row.id))
            for row in list_engagements(db, client_id, with_groups=True)
        ],
        recent_sessions=list_sessions(
            db, client_id, end=now, newest_first=True, limit=RECENT_SESSIONS
        ),
        next_session=upcoming[0] if upcoming else None,
        goals=goals,
        open_actions=open_actions,
        follow_ups=follow_ups,
        counts=OverviewCounts(
            sessions_held=by_status.get(SessionStatus.COMPLETED, 0),
            sessions_scheduled=by_status.get(SessionStatus.SCHEDULED, 0),
            sessions_missed=sum(
                by_status.get(s, 0)
                for s in (SessionStatus.CANCELLED, SessionStatus.LATE_CANCEL, SessionStatus.NO_SHOW)
            ),
            open_actions=len(open_actions),
            overdue_actions=sum(1 for a in open_actions if a.due_on and a.due_on < today),
            active_goals=sum(1 for g in goals if g.status == GoalStatus.ACTIVE),
            pending_follow_ups=len(follow_ups),
        ),
    )
