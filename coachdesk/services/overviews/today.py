"""The Today view: what needs the coach's attention now, in the coach's own time zone.

Every list is one indexed query (session start, action status and due date, follow-up due date),
so the view stays instant at 10,000 clients and 200,000 sessions.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import Select, and_, func, not_, or_, select
from sqlalchemy.orm import Session

from coachdesk.i18n import _
from coachdesk.model import (
    ActionItem,
    ActionStatus,
    Agreement,
    AgreementStatus,
    Client,
    CoachingSession,
    Engagement,
    EngagementStatus,
    FollowUp,
    SessionMode,
    SessionStatus,
)
from coachdesk.services.billing.overdue import OverdueInvoice, overdue_invoices
from coachdesk.services.billing.uninvoiced import Uninvoiced, last_month, uninvoiced_by_client
from coachdesk.services.engagements.engagements import held_sessions
from coachdesk.services.rights.requests import RequestRow, access_requests
from coachdesk.services.sessions.sessions import notes_written

NOTES_LOOKBACK = timedelta(days=30)
ENDING_WITHIN = timedelta(days=30)
# An active engagement that ended lately still wants closing or extending; one that ended
# longer ago is history the coach has let be, not news.
ENDED_WITHIN = timedelta(days=14)
LIMIT = 100


@dataclass(frozen=True, slots=True)
class SessionRow:
    id: int
    client_id: int
    client_name: str
    starts_at: datetime
    duration_minutes: int
    mode: SessionMode
    status: SessionStatus
    sequence: int | None
    planned: int | None  # the engagement's planned sessions, if it fixes a number


@dataclass(frozen=True, slots=True)
class ActionRow:
    id: int
    client_id: int
    client_name: str
    text: str
    due_on: date
    days_overdue: int


@dataclass(frozen=True, slots=True)
class AgreementRow:
    id: int
    engagement_id: int
    client_id: int
    client_name: str
    title: str
    sent_on: date | None
    days_waiting: int | None


@dataclass(frozen=True, slots=True)
class EngagementRow:
    """An active engagement near its end: by date, or because its planned sessions are used."""

    id: int
    client_id: int
    client_name: str
    title: str
    end_date: date | None
    planned_sessions: int | None
    completed_sessions: int

    @property
    def sessions_used_up(self) -> bool:
        return (
            self.planned_sessions is not None and self.completed_sessions >= self.planned_sessions
        )


@dataclass(frozen=True, slots=True)
class FollowUpRow:
    id: int
    client_id: int
    client_name: str
    engagement_id: int | None
    due_on: date
    reason: str


@dataclass(frozen=True, slots=True)
class TodayData:
    """``today`` is the coach's date; the week runs Monday to Sunday."""

    today: date
    sessions_today: list[SessionRow]
    sessions_this_week: list[SessionRow]
    notes_missing: list[SessionRow]
    overdue_actions: list[ActionRow]
    awaiting_signature: list[AgreementRow]
    engagements_ending: list[EngagementRow]
    follow_ups_due: list[FollowUpRow]
    overdue_invoices: list[OverdueInvoice]
    uninvoiced_last_month: list[Uninvoiced]  # chargeable sessions of last month, per client
    access_requests_open: list[RequestRow]  # unanswered, the nearest deadline first


def today(db: Session, now: datetime, tz: ZoneInfo, *, limit: int = LIMIT) -> TodayData:
    """What needs attention at ``now`` (aware), with days as the coach in ``tz`` sees them.
    Each list holds at most ``limit`` rows, the most pressing first: a screen, not a report.
    """
    if now.tzinfo is None:
        raise ValueError("today() needs an aware datetime")
    day = now.astimezone(tz).date()
    tomorrow = day + timedelta(days=1)
    next_monday = day + timedelta(days=7 - day.weekday())
    return TodayData(
        today=day,
        sessions_today=_sessions(db, _midnight(day, tz), _midnight(tomorrow, tz), limit),
        sessions_this_week=_sessions(
            db, _midnight(tomorrow, tz), _midnight(next_monday, tz), limit
        ),
        notes_missing=_notes_missing(db, now, limit),
        overdue_actions=_overdue_actions(db, day, limit),
        awaiting_signature=_awaiting_signature(db, day, limit),
        engagements_ending=_engagements_ending(db, day, limit),
        follow_ups_due=_follow_ups_due(db, day, limit),
        overdue_invoices=overdue_invoices(db, day, limit),
        uninvoiced_last_month=uninvoiced_by_client(db, *last_month(day), limit),
        access_requests_open=access_requests(db, open_only=True)[:limit],
    )


def session_number(row: SessionRow) -> str:
    """ "Session 5 of 8" (or "Session 5" when the plan fixes no number; "" outside an
    engagement): where a session stands in its programme, as the Today screen says it."""
    if not row.sequence:
        return ""
    if row.planned:
        return _("Session {n} of {total}").format(n=row.sequence, total=row.planned)
    return _("Session {n}").format(n=row.sequence)


def _midnight(day: date, tz: ZoneInfo) -> datetime:
    return datetime.combine(day, time(), tzinfo=tz)


def _session_query() -> Select[
    int, int, str, datetime, int, SessionMode, SessionStatus, int | None, int | None
]:
    s = CoachingSession
    return (
        select(
            s.id,
            s.client_id,
            Client.display_name,
            s.starts_at,
            s.duration_minutes,
            s.mode,
            s.status,
            s.sequence,
            Engagement.planned_sessions,
        )
        .join(Client, Client.id == s.client_id)
        .outerjoin(Engagement, Engagement.id == s.engagement_id)
    )


def _sessions(db: Session, start: datetime, end: datetime, limit: int) -> list[SessionRow]:
    s = CoachingSession
    query = (
        _session_query()
        .where(s.starts_at >= start, s.starts_at < end, s.status != SessionStatus.CANCELLED)
        .order_by(s.starts_at, s.id)
        .limit(limit)
    )
    return [SessionRow(*row.tuple()) for row in db.execute(query)]


def _notes_missing(db: Session, now: datetime, limit: int) -> list[SessionRow]:
    """Sessions held (or due to have been held) in the last 30 days that have no notes yet."""
    s = CoachingSession
    query = (
        _session_query()
        .where(
            s.starts_at >= now - NOTES_LOOKBACK,
            s.starts_at < now,
            s.status.in_([SessionStatus.COMPLETED, SessionStatus.SCHEDULED]),
            not_(notes_written()),
        )
        .order_by(s.starts_at.desc(), s.id)
        .limit(limit)
    )
    return [SessionRow(*row.tuple()) for row in db.execute(query)]


def _overdue_actions(db: Session, day: date, limit: int) -> list[ActionRow]:
    a = ActionItem
    query = (
        select(a.id, a.client_id, Client.display_name, a.text, a.due_on)
        .join(Client, Client.id == a.client_id)
        .where(a.status == ActionStatus.OPEN, a.due_on < day)
        .order_by(a.due_on, a.id)
        .limit(limit)
    )
    return [
        # due_on < day has left out the actions without a due date, so due_on is a date here.
        ActionRow(*row, days_overdue=(day - row.due_on).days)  # type: ignore[arg-type]
        for row in db.execute(query)
    ]


def _awaiting_signature(db: Session, day: date, limit: int) -> list[AgreementRow]:
    a = Agreement
    query = (
        select(a.id, a.engagement_id, Client.id, Client.display_name, a.title, a.sent_on)
        .join(Engagement, Engagement.id == a.engagement_id)
        .join(Client, Client.id == Engagement.client_id)
        .where(a.status == AgreementStatus.SENT)
        .order_by(a.sent_on, a.id)
        .limit(limit)
    )
    return [
        AgreementRow(*row, days_waiting=(day - row.sent_on).days if row.sent_on else None)
        for row in db.execute(query)
    ]


def _engagements_ending(db: Session, day: date, limit: int) -> list[EngagementRow]:
    eng = Engagement
    booked = select(func.count()).where(CoachingSession.engagement_id == eng.id).scalar_subquery()
    completed = held_sessions()
    query = (
        select(
            eng.id,
            eng.client_id,
            Client.display_name,
            eng.title,
            eng.end_date,
            eng.planned_sessions,
            completed,
        )
        .join(Client, Client.id == eng.client_id)
        .where(
            eng.status == EngagementStatus.ACTIVE,
            or_(eng.end_date.is_(None), eng.end_date >= day - ENDED_WITHIN),
            # Counting all sessions reads the index alone; only where that count reaches the plan
            # are the sessions read to count the completed ones.
            or_(
                eng.end_date <= day + ENDING_WITHIN,
                and_(booked >= eng.planned_sessions, completed >= eng.planned_sessions),
            ),
        )
        .order_by(eng.end_date.is_(None), eng.end_date, eng.id)
        .limit(limit)
    )
    return [EngagementRow(*row) for row in db.execute(query)]


def _follow_ups_due(db: Session, day: date, limit: int) -> list[FollowUpRow]:
    f = FollowUp
    query = (
        select(f.id, f.client_id, Client.display_name, f.engagement_id, f.due_on, f.reason)
        .join(Client, Client.id == f.client_id)
        .where(f.done_on.is_(None), f.due_on <= day)
        .order_by(f.due_on, f.id)
        .limit(limit)
    )
    return [FollowUpRow(*row) for row in db.execute(query)]
