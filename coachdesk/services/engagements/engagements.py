"""Engagements: one programme with a client (dates, cadence, fees, terms), its status and usage."""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import ScalarSelect, func, or_, select
from sqlalchemy.orm import Session

from coachdesk.errors import ValidationError
from coachdesk.i18n import _
from coachdesk.model import (
    Cadence,
    Client,
    CoachingSession,
    Engagement,
    EngagementKind,
    EngagementParticipant,
    EngagementStatus,
    FeeModel,
    SessionMode,
    SessionStatus,
    Sponsor,
    SponsorSharing,
)
from coachdesk.services.engagements.groups import set_participants
from coachdesk.services.people.clients import Saved, get_client
from coachdesk.services.people.profile import coach_zone, profile_fields
from coachdesk.services.validation import FieldErrors

E = EngagementStatus
# A programme is drafted, may be proposed (and taken back to draft), runs, then ends either as
# planned or early. Ended programmes stay ended: a new programme is a new engagement.
TRANSITIONS: dict[EngagementStatus, frozenset[EngagementStatus]] = {
    E.DRAFT: frozenset({E.PROPOSED, E.ACTIVE}),
    E.PROPOSED: frozenset({E.DRAFT, E.ACTIVE}),
    E.ACTIVE: frozenset({E.COMPLETED, E.ENDED_EARLY}),
    E.COMPLETED: frozenset(),
    E.ENDED_EARLY: frozenset(),
}
CADENCE_DAYS = {Cadence.WEEKLY: 7, Cadence.FORTNIGHTLY: 14}
# Late cancellations and no-shows use up a place in the programme: agreements usually charge them.
USED_PLACE = (SessionStatus.COMPLETED, SessionStatus.LATE_CANCEL, SessionStatus.NO_SHOW)


@dataclass
class EngagementFields:
    """Everything an engagement form edits."""

    client_id: int
    title: str = ""
    start_date: date | None = None
    end_date: date | None = None
    kind: EngagementKind = EngagementKind.COACHING
    planned_sessions: int | None = None
    cadence: Cadence = Cadence.FORTNIGHTLY
    cadence_days: int | None = None
    session_minutes: int = 60
    mode: SessionMode = SessionMode.VIDEO
    location: str = ""
    fee_model: FeeModel = FeeModel.PER_SESSION
    fee_amount: Decimal = Decimal("0.00")
    currency: str = "EUR"
    payment_terms: str = ""
    cancellation_notice_hours: int = 24
    late_cancel_rule: str = ""
    communication: str = ""
    confidentiality_notes: str = ""
    sponsor_id: int | None = None
    sponsor_sharing: SponsorSharing = SponsorSharing.NOTHING
    status: EngagementStatus = EngagementStatus.DRAFT
    is_group: bool = False


@dataclass(frozen=True, slots=True)
class EngagementUsage:
    """Where a programme stands: "4 of 8 held, 4 remaining"."""

    held: int
    planned: int | None
    remaining: int | None
    scheduled: int
    cancelled: int
    late_cancelled: int
    no_shows: int
    next_sequence: int


@dataclass(frozen=True, slots=True)
class EngagementRow:
    """One line of an engagement list."""

    id: int
    client_id: int
    client_name: str
    title: str
    status: EngagementStatus
    start_date: date
    end_date: date | None
    planned: int | None
    held: int


@dataclass(frozen=True, slots=True)
class SessionDefaults:
    """What a new session of an engagement starts with, before the coach changes anything."""

    starts_at: datetime
    duration: int
    mode: SessionMode
    location: str


def new_engagement_fields(db: Session, client_id: int) -> EngagementFields:
    """A blank form filled from the coach's defaults and the client's sponsor."""
    profile = profile_fields(db)
    return EngagementFields(
        client_id=client_id,
        session_minutes=profile.default_session_minutes,
        fee_amount=profile.default_fee or Decimal("0.00"),
        currency=profile.default_currency,
        sponsor_id=get_client(db, client_id).sponsor_id,
    )


def create_engagement(
    db: Session, data: EngagementFields, participants: Sequence[int] = ()
) -> Saved:
    """A new engagement; a group's ``participants`` join the client it belongs to."""
    get_client(db, data.client_id)
    _validate(db, data)
    engagement = Engagement()
    _apply(engagement, data)
    db.add(engagement)
    db.flush()
    if data.is_group or participants:
        set_participants(db, engagement.id, participants)
    return Saved(engagement.id)


def update_engagement(
    db: Session,
    engagement_id: int,
    data: EngagementFields,
    participants: Sequence[int] | None = None,
) -> Saved:
    """Save the fields; a group's ``participants``, when given, become its group."""
    engagement = get_engagement(db, engagement_id)
    if data.client_id != engagement.client_id:
        raise ValidationError({"client": _("An engagement cannot move to another client.")})
    _validate(db, data)
    if data.status != engagement.status:
        _check_transition(engagement.status, data.status)
    _apply(engagement, data)
    db.flush()
    if participants is not None and engagement.is_group:
        set_participants(db, engagement.id, participants)
    return Saved(engagement.id)


def get_engagement(db: Session, engagement_id: int) -> Engagement:
    engagement = db.get(Engagement, engagement_id)
    if engagement is None:
        raise ValidationError(
            {"engagement": _("There is no engagement with id {id}.").format(id=engagement_id)}
        )
    return engagement


def engagement_fields(db: Session, engagement_id: int) -> EngagementFields:
    engagement = get_engagement(db, engagement_id)
    return EngagementFields(
        **{f.name: getattr(engagement, f.name) for f in fields(EngagementFields)}
    )


def allowed_transitions(status: EngagementStatus) -> frozenset[EngagementStatus]:
    return TRANSITIONS[status]


def change_status(db: Session, engagement_id: int, status: EngagementStatus) -> None:
    engagement = get_engagement(db, engagement_id)
    _check_transition(engagement.status, status)
    engagement.status = status
    db.flush()


def usage(db: Session, engagement_id: int) -> EngagementUsage:
    engagement = get_engagement(db, engagement_id)
    counts = dict(
        db.execute(
            select(CoachingSession.status, func.count())
            .where(CoachingSession.engagement_id == engagement_id)
            .group_by(CoachingSession.status)
        ).all()
    )
    held = counts.get(SessionStatus.COMPLETED, 0)
    used = sum(counts.get(s, 0) for s in USED_PLACE)
    planned = engagement.planned_sessions
    return EngagementUsage(
        held=held,
        planned=planned,
        remaining=None if planned is None else max(planned - used, 0),
        scheduled=counts.get(SessionStatus.SCHEDULED, 0),
        cancelled=counts.get(SessionStatus.CANCELLED, 0),
        late_cancelled=counts.get(SessionStatus.LATE_CANCEL, 0),
        no_shows=counts.get(SessionStatus.NO_SHOW, 0),
        next_sequence=sum(counts.values()) - counts.get(SessionStatus.CANCELLED, 0) + 1,
    )


def held_sessions() -> ScalarSelect[int]:
    """The number of sessions held in an engagement, correlated to ``Engagement`` in a query."""
    return (
        select(func.count())
        .where(
            CoachingSession.engagement_id == Engagement.id,
            CoachingSession.status == SessionStatus.COMPLETED,
        )
        .scalar_subquery()
    )


def list_engagements(
    db: Session, client_id: int | None = None, *, with_groups: bool = False
) -> list[EngagementRow]:
    """Engagements newest first, with the sessions held so far; ``with_groups`` adds the group
    engagements the client takes part in (to book, or to show on their page)."""
    held = held_sessions()
    query = (
        select(
            Engagement.id,
            Engagement.client_id,
            Client.display_name,
            Engagement.title,
            Engagement.status,
            Engagement.start_date,
            Engagement.end_date,
            Engagement.planned_sessions,
            held,
        )
        .join(Client, Client.id == Engagement.client_id)
        .order_by(Engagement.start_date.desc(), Engagement.id.desc())
    )
    if client_id is not None and with_groups:
        joined = select(EngagementParticipant.engagement_id).where(
            EngagementParticipant.client_id == client_id
        )
        query = query.where(or_(Engagement.client_id == client_id, Engagement.id.in_(joined)))
    elif client_id is not None:
        query = query.where(Engagement.client_id == client_id)
    return [EngagementRow(*row) for row in db.execute(query)]


def next_session_defaults(db: Session, engagement_id: int, after: datetime) -> SessionDefaults:
    """The next session one cadence step after the last held or booked one, never before
    ``after``; with no session yet, at ``after``. Steps are taken on the coach's wall clock so
    a weekly 9:00 session stays at 9:00 across a daylight-saving change.
    """
    engagement = get_engagement(db, engagement_id)
    last = db.scalar(
        select(func.max(CoachingSession.starts_at)).where(
            CoachingSession.engagement_id == engagement_id,
            CoachingSession.status.in_((SessionStatus.SCHEDULED, SessionStatus.COMPLETED)),
        )
    )
    starts_at = after
    if last is not None:
        zone = coach_zone(db)
        local = last.astimezone(zone)
        for _step in range(10_000):
            local = _step_forward(local, engagement)
            if local >= after:
                break
        starts_at = local.astimezone(after.tzinfo)
    return SessionDefaults(
        starts_at=starts_at,
        duration=engagement.session_minutes,
        mode=engagement.mode,
        location=engagement.location,
    )


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, clamped to the month's end (31 Jan + 1 = 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def _step_forward(local: datetime, engagement: Engagement) -> datetime:
    if engagement.cadence == Cadence.MONTHLY:
        moved = add_months(local.date(), 1)
        return local.replace(year=moved.year, month=moved.month, day=moved.day)
    days = CADENCE_DAYS.get(engagement.cadence) or engagement.cadence_days or 7
    # Naive arithmetic on the wall clock, then re-attach the zone: the hour stays put.
    return (local.replace(tzinfo=None) + timedelta(days=days)).replace(tzinfo=local.tzinfo)


def _check_transition(old: EngagementStatus, new: EngagementStatus) -> None:
    if new not in TRANSITIONS[old]:
        allowed = ", ".join(sorted(s.value for s in TRANSITIONS[old])) or _("none")
        raise ValidationError(
            {
                "status": _(
                    "An engagement cannot go from {old} to {new} (allowed: {allowed})."
                ).format(old=old.value, new=new.value, allowed=allowed)
            }
        )


def field_problems(data: EngagementFields) -> dict[str, str]:
    """Every problem that can be told without the vault, in the words ``_validate`` uses:
    a form checks as the coach types with the same messages that saving would give.
    """
    return _check(data).errors


def _validate(db: Session, data: EngagementFields) -> None:
    errors = _check(data)
    if data.sponsor_id is not None and db.get(Sponsor, data.sponsor_id) is None:
        errors.add("sponsor", _("That sponsor does not exist."))
    errors.raise_if_any()


def _check(data: EngagementFields) -> FieldErrors:
    errors = FieldErrors()
    errors.require("title", data.title)
    errors.max_length("title", data.title.strip(), 200)
    errors.single_line("title", data.title)
    errors.single_line("location", data.location)
    if data.start_date is None:
        errors.add("start_date", _("This field is required."))
    errors.date_order("end_date", data.start_date, data.end_date)
    if data.planned_sessions is not None and data.planned_sessions < 1:
        errors.add("planned_sessions", _("Plan at least one session, or leave it empty."))
    errors.in_range("session_minutes", data.session_minutes, 15, 480)
    if data.cadence == Cadence.CUSTOM:
        if data.cadence_days is None:
            errors.add("cadence_days", _("Enter the number of days between sessions."))
        errors.in_range("cadence_days", data.cadence_days, 1, 365)
    errors.money("fee_amount", data.fee_amount, data.currency)
    if data.fee_model == FeeModel.PRO_BONO and data.fee_amount:
        errors.add("fee_amount", _("A pro bono engagement has no fee."))
    errors.currency("currency", data.currency)
    errors.in_range("cancellation_notice_hours", data.cancellation_notice_hours, 0, 720)
    errors.max_length("location", data.location, 500)
    return errors


def _apply(engagement: Engagement, data: EngagementFields) -> None:
    for f in fields(EngagementFields):
        setattr(engagement, f.name, getattr(data, f.name))
    engagement.title = data.title.strip()
    if data.cadence != Cadence.CUSTOM:
        engagement.cadence_days = None
