"""The minute after the call: carry forward, autosaved drafts, and saving all notes at once."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from coachdesk.i18n import _
from coachdesk.model import (
    ActionItem,
    ActionStatus,
    CoachingSession,
    Goal,
    GoalStatus,
    NoteDraft,
    NoteTemplate,
    SessionKind,
    SessionStatus,
)
from coachdesk.services.engagements.groups import attendance, record_attendance
from coachdesk.services.people.clients import Saved
from coachdesk.services.people.profile import coach_zone
from coachdesk.services.progress.actions import (
    ActionFields,
    ActionRow,
    add_action,
    list_actions,
    mark_done,
)
from coachdesk.services.progress.goals import GoalRow, list_goals, rate_goal
from coachdesk.services.sessions.sessions import (
    allowed_transitions,
    load_session,
    renumber_sessions,
)
from coachdesk.services.validation import FieldErrors

DEFAULT_DUE_DAYS = 7


@dataclass
class NewAction:
    """An action item agreed in the session; without a date it is due by the next session."""

    text: str
    due_on: date | None = None
    goal_id: int | None = None


@dataclass
class NotesInput:
    """Everything the note editor saves in one go."""

    agenda: str = ""
    shared_notes: str = ""
    private_notes: str = ""
    note_template: NoteTemplate | None = None
    feedback_score: int | None = None
    feedback_comment: str = ""
    status: SessionStatus = SessionStatus.COMPLETED
    new_actions: list[NewAction] = field(default_factory=list)
    done_action_ids: list[int] = field(default_factory=list)
    ratings: dict[int, int] = field(default_factory=dict)
    actual_minutes: int | None = None  # None: as it stands (the booked length at first)
    attendance: dict[int, bool] = field(default_factory=dict)  # a group's participants
    pro_bono: bool | None = None  # None: as it stands (the engagement's fee model at first)
    kind: SessionKind | None = None  # None: as it stands


@dataclass(frozen=True, slots=True)
class Draft:
    content: str
    saved_at: datetime


@dataclass(frozen=True, slots=True)
class CarryForward:
    """What the editor offers when notes start: last time's open actions and the active goals."""

    open_actions: list[ActionRow]
    active_goals: list[GoalRow]


def record_notes(db: Session, session_id: int, notes: NotesInput) -> Saved:
    """Save notes, feedback, status, new and finished actions and ratings, then drop the draft.

    Everything is checked before anything changes, so a refused save leaves the vault untouched
    (and the draft, with what was typed, stays).
    """
    session = load_session(db, session_id)
    _validate(db, session, notes)
    status_changed = notes.status != session.status
    session.agenda, session.shared_notes = notes.agenda, notes.shared_notes
    session.private_notes = notes.private_notes
    session.note_template = notes.note_template or session.note_template
    session.feedback_score, session.feedback_comment = notes.feedback_score, notes.feedback_comment
    session.status = notes.status
    if notes.actual_minutes is not None:
        session.actual_minutes = notes.actual_minutes
    if notes.pro_bono is not None:
        session.pro_bono = notes.pro_bono
    if notes.kind is not None:
        session.kind = SessionKind(notes.kind)
    db.flush()
    if notes.attendance:
        record_attendance(db, session.id, notes.attendance)
    if status_changed:
        renumber_sessions(db, session.engagement_id)
    due = _default_due(db, session)[0] if notes.new_actions else None
    for new in notes.new_actions:
        add_action(
            db,
            ActionFields(session.client_id, new.text, new.due_on or due, session.id, new.goal_id),
        )
    for action_id in notes.done_action_ids:
        mark_done(db, action_id)
    for goal_id, score in notes.ratings.items():
        rate_goal(db, goal_id, score, session_id=session.id)
    discard_draft(db, session_id)
    return Saved(session.id)


def carry_forward(db: Session, session_id: int) -> CarryForward:
    session = load_session(db, session_id)
    earlier = (
        select(ActionItem.id)
        .outerjoin(CoachingSession, CoachingSession.id == ActionItem.session_id)
        .where(
            ActionItem.client_id == session.client_id,
            ActionItem.status == ActionStatus.OPEN,
            or_(ActionItem.session_id.is_(None), CoachingSession.starts_at < session.starts_at),
        )
    )
    ids = set(db.scalars(earlier))
    open_actions = [
        row for row in list_actions(db, session.client_id, ActionStatus.OPEN) if row.id in ids
    ]
    return CarryForward(open_actions, list_goals(db, session.client_id, GoalStatus.ACTIVE))


def session_exists(db: Session, session_id: int) -> bool:
    """Whether the session is still in the vault (an erase or a delete may have taken it)."""
    return db.get(CoachingSession, session_id) is not None


def save_draft(db: Session, session_id: int, content: str) -> datetime:
    """Autosave what the editor holds; the latest save replaces the previous one."""
    load_session(db, session_id)
    draft = db.get(NoteDraft, session_id) or NoteDraft(session_id=session_id)
    draft.content, draft.saved_at = content, datetime.now(UTC)
    db.add(draft)
    db.flush()
    return draft.saved_at


def get_draft(db: Session, session_id: int) -> Draft | None:
    draft = db.get(NoteDraft, session_id)
    return Draft(draft.content, draft.saved_at) if draft else None


def discard_draft(db: Session, session_id: int) -> None:
    draft = db.get(NoteDraft, session_id)
    if draft is not None:
        db.delete(draft)
        db.flush()


def _validate(db: Session, session: CoachingSession, notes: NotesInput) -> None:
    errors = FieldErrors()
    if notes.status != session.status and notes.status not in allowed_transitions(session.status):
        errors.add(
            "status",
            _("A session cannot go from {old} to {new}.").format(
                old=session.status.value, new=notes.status.value
            ),
        )
    errors.in_range("feedback_score", notes.feedback_score, 1, 5)
    errors.in_range("actual_minutes", notes.actual_minutes, 0, 480)
    expected = attendance(db, session.id)
    if any(client_id not in expected for client_id in notes.attendance):
        errors.add("attendance", _("Only the group's participants can be marked as attending."))
    for name in ("agenda", "shared_notes", "private_notes"):
        errors.notes(name, getattr(notes, name))
    client = session.client_id
    goal_ids = {a.goal_id for a in notes.new_actions if a.goal_id is not None} | set(notes.ratings)
    own_goals = set(
        db.scalars(select(Goal.id).where(Goal.id.in_(goal_ids), Goal.client_id == client))
    )
    # In a group session each participant's goals are rated; actions stay the client's own.
    rated_goals = set(
        db.scalars(
            select(Goal.id).where(
                Goal.id.in_(notes.ratings), Goal.client_id.in_([client, *expected])
            )
        )
    )
    for new in notes.new_actions:
        if not new.text.strip():
            errors.add("new_actions", _("An action item needs a description."))
        if new.goal_id is not None and new.goal_id not in own_goals:
            errors.add("new_actions", _("That goal does not belong to this client."))
    done_ids = set(notes.done_action_ids)
    own_actions = db.scalar(
        select(func.count()).where(ActionItem.id.in_(done_ids), ActionItem.client_id == client)
    )
    if own_actions != len(done_ids):
        errors.add("done_action_ids", _("Some of those action items are not this client's."))
    for goal_id, score in notes.ratings.items():
        if goal_id not in rated_goals:
            errors.add("ratings", _("That goal does not belong to this client."))
        errors.in_range("ratings", score, 0, 10)
    errors.raise_if_any()


def default_status(current: SessionStatus, starts_at: datetime) -> SessionStatus:
    """The status notes are saved with when the coach does not choose one: a booked session
    that has started has taken place; one still ahead (notes prepared early) stays booked."""
    if current is SessionStatus.SCHEDULED and starts_at <= datetime.now(UTC):
        return SessionStatus.COMPLETED
    return current


def default_due_date(db: Session, session_id: int) -> tuple[date, bool]:
    """When new action items of a session fall due, and whether that is the client's next
    booked session (else a week after this one): homework is due next time.
    """
    return _default_due(db, load_session(db, session_id))


def _default_due(db: Session, session: CoachingSession) -> tuple[date, bool]:
    next_start = db.scalar(
        select(func.min(CoachingSession.starts_at)).where(
            CoachingSession.client_id == session.client_id,
            CoachingSession.status == SessionStatus.SCHEDULED,
            CoachingSession.starts_at > session.starts_at,
        )
    )
    zone = coach_zone(db)
    if next_start is not None:
        return next_start.astimezone(zone).date(), True
    return session.starts_at.astimezone(zone).date() + timedelta(days=DEFAULT_DUE_DAYS), False
