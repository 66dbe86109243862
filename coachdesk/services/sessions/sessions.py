"""Coaching sessions: scheduling, status, rescheduling, numbering ("session 4 of 8") and lists."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime
from decimal import Decimal

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.orm import Session, load_only

from coachdesk.errors import ValidationError
from coachdesk.i18n import _
from coachdesk.model import (
    Client,
    CoachingSession,
    Engagement,
    EngagementStatus,
    FeeModel,
    NoteDraft,
    NoteTemplate,
    SessionKind,
    SessionMode,
    SessionStatus,
)
from coachdesk.services.engagements.groups import (
    attended_sessions,
    expect_participants,
    is_participant,
    participants,
)
from coachdesk.services.people.clients import Saved, get_client
from coachdesk.services.people.profile import coach_zone, profile_fields
from coachdesk.services.validation import FieldErrors

S = SessionStatus
# A booked session ends one way or another; a cancelled one can be booked again (rescheduled) or
# its kind of cancellation corrected. A held session stays held: its notes describe a meeting.
TRANSITIONS: dict[SessionStatus, frozenset[SessionStatus]] = {
    S.SCHEDULED: frozenset({S.COMPLETED, S.CANCELLED, S.LATE_CANCEL, S.NO_SHOW}),
    S.COMPLETED: frozenset(),
    S.CANCELLED: frozenset({S.SCHEDULED, S.LATE_CANCEL, S.NO_SHOW}),
    S.LATE_CANCEL: frozenset({S.SCHEDULED, S.CANCELLED, S.NO_SHOW}),
    S.NO_SHOW: frozenset({S.SCHEDULED, S.CANCELLED, S.LATE_CANCEL}),
}


@dataclass
class SessionFields:
    """Everything a session form edits; ``None`` takes the engagement's or the coach's default."""

    client_id: int
    starts_at: datetime
    engagement_id: int | None = None
    duration_minutes: int | None = None
    mode: SessionMode | None = None
    location: str | None = None
    status: SessionStatus = SessionStatus.SCHEDULED
    agenda: str = ""
    shared_notes: str = ""
    private_notes: str = ""
    note_template: NoteTemplate | None = None
    feedback_score: int | None = None
    feedback_comment: str = ""
    fee_charged: Decimal | None = None
    actual_minutes: int | None = None
    pro_bono: bool | None = None
    kind: SessionKind = SessionKind.COACHING


@dataclass(frozen=True, slots=True)
class SessionRow:
    """One line of a session list."""

    id: int
    client_id: int
    client_name: str
    starts_at: datetime
    duration: int
    status: SessionStatus
    engagement_title: str
    sequence: int | None
    planned: int | None
    has_notes: bool


@dataclass(frozen=True, slots=True)
class SessionDetail:
    """A session as its page shows it, with the context a coach needs around the notes."""

    id: int
    client_id: int
    client_name: str
    engagement_id: int | None
    engagement_title: str
    starts_at: datetime
    duration_minutes: int
    mode: SessionMode
    location: str
    status: SessionStatus
    agenda: str
    shared_notes: str
    private_notes: str
    note_template: NoteTemplate
    feedback_score: int | None
    feedback_comment: str
    fee_charged: Decimal | None
    sequence: int | None
    planned: int | None
    has_draft: bool
    actual_minutes: int
    pro_bono: bool
    kind: SessionKind


def check_aware(errors: FieldErrors, field: str, value: datetime | None) -> None:
    """Times are instants: a wall-clock time without a zone would be stored wrongly, so refuse."""
    if value is None:
        errors.add(field, _("This field is required."))
    elif value.tzinfo is None or value.utcoffset() is None:
        errors.add(field, _("The time needs a time zone."))


def schedule_session(db: Session, data: SessionFields) -> Saved:
    session = CoachingSession()
    warnings = _validate(db, data)
    _apply(db, session, data)
    db.add(session)
    db.flush()
    if session.engagement is not None and session.engagement.is_group:
        expect_participants(db, session.id, participants(db, session.engagement.id))
    renumber_sessions(db, session.engagement_id)
    return Saved(session.id, warnings)


def active_engagements(db: Session, client_id: int) -> list[int]:
    """The client's active engagements, the latest started (then the latest made) first: the
    first is the one a new session joins unless one is named, as the booking form preselects."""
    return list(
        db.scalars(
            select(Engagement.id)
            .where(Engagement.client_id == client_id, Engagement.status == EngagementStatus.ACTIVE)
            .order_by(Engagement.start_date.desc(), Engagement.id.desc())
        )
    )


def update_session(db: Session, session_id: int, data: SessionFields) -> Saved:
    session = load_session(db, session_id)
    if data.client_id != session.client_id:
        raise ValidationError({"client": _("A session cannot move to another client.")})
    warnings = _validate(db, data)
    if data.status != session.status:
        check_transition(session.status, data.status)
    old_engagement = session.engagement_id
    _apply(db, session, data)
    db.flush()
    renumber_sessions(db, old_engagement)
    if session.engagement_id != old_engagement:
        renumber_sessions(db, session.engagement_id)
    return Saved(session.id, warnings)


def load_session(db: Session, session_id: int) -> CoachingSession:
    session = db.get(CoachingSession, session_id)
    if session is None:
        raise ValidationError(
            {"session": _("There is no session with id {id}.").format(id=session_id)}
        )
    return session


def session_fields(db: Session, session_id: int) -> SessionFields:
    session = load_session(db, session_id)
    return SessionFields(**{f.name: getattr(session, f.name) for f in fields(SessionFields)})


def get_session(db: Session, session_id: int) -> SessionDetail:
    s = load_session(db, session_id)
    engagement = s.engagement
    return SessionDetail(
        id=s.id,
        client_id=s.client_id,
        client_name=s.client.display_name,
        engagement_id=s.engagement_id,
        engagement_title=engagement.title if engagement else "",
        starts_at=s.starts_at,
        duration_minutes=s.duration_minutes,
        mode=s.mode,
        location=s.location,
        status=s.status,
        agenda=s.agenda,
        shared_notes=s.shared_notes,
        private_notes=s.private_notes,
        note_template=s.note_template,
        feedback_score=s.feedback_score,
        feedback_comment=s.feedback_comment,
        fee_charged=s.fee_charged,
        sequence=s.sequence,
        planned=engagement.planned_sessions if engagement else None,
        has_draft=db.get(NoteDraft, s.id) is not None,
        actual_minutes=s.actual_minutes,
        pro_bono=s.pro_bono,
        kind=s.kind,
    )


def allowed_transitions(status: SessionStatus) -> frozenset[SessionStatus]:
    return TRANSITIONS[status]


def check_transition(old: SessionStatus, new: SessionStatus) -> None:
    if new != old and new not in TRANSITIONS[old]:
        allowed = ", ".join(sorted(s.value for s in TRANSITIONS[old])) or _("none")
        raise ValidationError(
            {
                "status": _("A session cannot go from {old} to {new} (allowed: {allowed}).").format(
                    old=old.value, new=new.value, allowed=allowed
                )
            }
        )


def set_status(db: Session, session_id: int, status: SessionStatus) -> None:
    session = load_session(db, session_id)
    check_transition(session.status, status)
    session.status = status
    db.flush()
    renumber_sessions(db, session.engagement_id)


def reschedule(db: Session, session_id: int, new_start: datetime) -> Saved:
    """Move a session (booking it again if it was cancelled); a held session cannot move."""
    session = load_session(db, session_id)
    errors = FieldErrors()
    check_aware(errors, "starts_at", new_start)
    if session.status == SessionStatus.COMPLETED:
        errors.add("status", _("A session that took place cannot be rescheduled."))
    errors.raise_if_any()
    session.starts_at = new_start
    session.status = SessionStatus.SCHEDULED
    db.flush()
    renumber_sessions(db, session.engagement_id)
    return Saved(session.id, _outside_warnings(db, session.engagement, new_start))


def renumber_sessions(db: Session, engagement_id: int | None) -> None:
    """Number the engagement's sessions 1, 2, 3... by start, skipping cancelled ones, so that
    "session 4 of 8" stays true after any booking, move or cancellation.
    """
    if engagement_id is None:
        return
    sessions = db.scalars(
        select(CoachingSession)
        .options(load_only(CoachingSession.status, CoachingSession.sequence))
        .where(CoachingSession.engagement_id == engagement_id)
        .order_by(CoachingSession.starts_at, CoachingSession.id)
    )
    number = 0
    for session in sessions:
        if session.status == SessionStatus.CANCELLED:
            session.sequence = None
        else:
            number += 1
            session.sequence = number
    db.flush()


WHITESPACE = " \t\r\n"
# Any character but whitespace. GLOB reads the text in place, where trim() copied every note
# of the month into memory SQLCipher locks and wipes: Today's "notes missing" 124-309 -> 11-18 ms.
WRITTEN = f"*[^{WHITESPACE}]*"


def notes_written() -> ColumnElement[bool]:
    """Whether a session has notes: the one rule for the session list and Today's "notes
    missing" (whitespace alone is no notes)."""
    s = CoachingSession
    return or_(s.shared_notes.op("GLOB")(WRITTEN), s.private_notes.op("GLOB")(WRITTEN))


def list_sessions(
    db: Session,
    client_id: int | None = None,
    start: datetime | None = None,
    end: datetime | None = None,
    status: SessionStatus | None = None,
    *,
    newest_first: bool = False,
    limit: int | None = None,
) -> list[SessionRow]:
    """Sessions starting in ``[start, end)``, in one indexed query (no ORM object per row)."""
    s = CoachingSession
    has_notes = notes_written()
    query = (
        select(
            s.id,
            s.client_id,
            Client.display_name,
            s.starts_at,
            s.duration_minutes,
            s.status,
            Engagement.title,
            s.sequence,
            Engagement.planned_sessions,
            has_notes,
        )
        .join(Client, Client.id == s.client_id)
        .outerjoin(Engagement, Engagement.id == s.engagement_id)
    )
    if client_id is not None:
        query = query.where(or_(s.client_id == client_id, s.id.in_(attended_sessions(client_id))))
    if start is not None:
        query = query.where(s.starts_at >= start)
    if end is not None:
        query = query.where(s.starts_at < end)
    if status is not None:
        query = query.where(s.status == status)
    order = (s.starts_at.desc(), s.id.desc()) if newest_first else (s.starts_at, s.id)
    query = query.order_by(*order).limit(limit)
    return [
        SessionRow(*row[:6], row[6] or "", row[7], row[8], bool(row[9]))
        for row in db.execute(query)
    ]


def _validate(db: Session, data: SessionFields) -> list[str]:
    get_client(db, data.client_id)
    errors = FieldErrors()
    check_aware(errors, "starts_at", data.starts_at)
    errors.in_range("duration_minutes", data.duration_minutes, 5, 480)
    errors.in_range("actual_minutes", data.actual_minutes, 0, 480)
    errors.in_range("feedback_score", data.feedback_score, 1, 5)
    errors.money("fee_charged", data.fee_charged)
    errors.max_length("location", data.location or "", 500)
    errors.single_line("location", data.location)
    for name in ("agenda", "shared_notes", "private_notes"):
        errors.notes(name, getattr(data, name))
    engagement = None
    if data.engagement_id is not None:
        engagement = db.get(Engagement, data.engagement_id)
        if engagement is None:
            errors.add("engagement", _("That engagement does not exist."))
        elif not is_participant(db, engagement, data.client_id):
            errors.add("engagement", _("That engagement belongs to another client."))
    errors.raise_if_any()
    return _outside_warnings(db, engagement, data.starts_at)


def _outside_warnings(db: Session, engagement: Engagement | None, starts_at: datetime) -> list[str]:
    """A session outside its engagement's dates is allowed (a late wrap-up call) but flagged."""
    if engagement is None:
        return []
    day = starts_at.astimezone(coach_zone(db)).date()
    if day < engagement.start_date or (engagement.end_date and day > engagement.end_date):
        return [_("This session is outside the dates of its engagement.")]
    return []


def _apply(db: Session, session: CoachingSession, data: SessionFields) -> None:
    for f in fields(SessionFields):
        setattr(session, f.name, getattr(data, f.name))
    engagement = db.get(Engagement, data.engagement_id) if data.engagement_id else None
    profile = profile_fields(db)
    if data.duration_minutes is None:
        session.duration_minutes = (
            engagement.session_minutes if engagement else profile.default_session_minutes
        )
    if data.mode is None:
        session.mode = engagement.mode if engagement else SessionMode.VIDEO
    if data.location is None:
        session.location = engagement.location if engagement else ""
    if data.note_template is None:
        session.note_template = profile.note_template
    if engagement is not None and engagement.is_group:
        session.client_id = engagement.client_id  # the group's sessions are the engagement's
    if data.actual_minutes is None:
        session.actual_minutes = session.duration_minutes
    if data.pro_bono is None:
        session.pro_bono = engagement is not None and engagement.fee_model == FeeModel.PRO_BONO
