"""Deleting a session, and bringing it back (the coach's undo) exactly as it was.

A deleted session takes its note draft with it, and its action items and goal ratings lose
their link to it (they belong to the client and the goal, so they stay). What was deleted comes
back as a ``DeletedSession``: everything needed to undo the deletion, links included. It holds
client text, so whoever keeps it for an undo forgets it when the app locks.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import inspect, select, update
from sqlalchemy.orm import Session

from coachdesk.errors import ValidationError
from coachdesk.i18n import _
from coachdesk.model import (
    ActionItem,
    Client,
    CoachingSession,
    Engagement,
    NoteDraft,
    ProgressRating,
)
from coachdesk.services.sessions.sessions import load_session, renumber_sessions


@dataclass(frozen=True, slots=True)
class DeletedSession:
    """A deleted session's stored values and what pointed at it, for ``restore_session``."""

    columns: dict[str, Any]
    draft: tuple[str, datetime] | None
    action_item_ids: tuple[int, ...]
    rating_ids: tuple[int, ...]

    @property
    def id(self) -> int:
        return int(self.columns["id"])


def needs_confirmation(db: Session, session_id: int) -> bool:
    """Whether deleting loses written words (notes, an agenda, feedback or a draft): then the
    coach is asked first; an empty booking goes at once."""
    s = load_session(db, session_id)
    written = (s.agenda, s.shared_notes, s.private_notes, s.feedback_comment)
    return any(text.strip() for text in written) or db.get(NoteDraft, session_id) is not None


def delete_session(db: Session, session_id: int) -> DeletedSession:
    """Delete the session; its engagement's other sessions are numbered again."""
    session = load_session(db, session_id)
    mapper = inspect(CoachingSession)
    columns = {attr.key: getattr(session, attr.key) for attr in mapper.column_attrs}
    draft = db.get(NoteDraft, session_id)
    deleted = DeletedSession(
        columns=columns,
        draft=(draft.content, draft.saved_at) if draft else None,
        action_item_ids=tuple(
            db.scalars(select(ActionItem.id).where(ActionItem.session_id == session_id))
        ),
        rating_ids=tuple(
            db.scalars(select(ProgressRating.id).where(ProgressRating.session_id == session_id))
        ),
    )
    if draft is not None:
        db.expunge(draft)  # gone with the session: the database deletes it
    db.delete(session)  # and unlinks its action items and ratings
    db.flush()
    renumber_sessions(db, deleted.columns["engagement_id"])
    return deleted


def restore_session(db: Session, deleted: DeletedSession) -> int:
    """Put a deleted session back with its draft and links; returns its id (the old one unless
    a new session has taken it). A link to an engagement, action item or rating deleted since
    is not restored."""
    columns = dict(deleted.columns)
    if db.get(Client, columns["client_id"]) is None:
        raise ValidationError({"client": _("The client of this session no longer exists.")})
    if db.get(CoachingSession, columns["id"]) is not None:
        del columns["id"]
    if (
        columns["engagement_id"] is not None
        and db.get(Engagement, columns["engagement_id"]) is None
    ):
        columns["engagement_id"] = None
    session = CoachingSession(**columns)
    db.add(session)
    db.flush()
    if deleted.draft is not None:
        content, saved_at = deleted.draft
        db.add(NoteDraft(session_id=session.id, content=content, saved_at=saved_at))
    if deleted.action_item_ids:
        db.execute(
            update(ActionItem)
            .where(ActionItem.id.in_(deleted.action_item_ids), ActionItem.session_id.is_(None))
            .values(session_id=session.id)
        )
    if deleted.rating_ids:
        db.execute(
            update(ProgressRating)
            .where(ProgressRating.id.in_(deleted.rating_ids), ProgressRating.session_id.is_(None))
            .values(session_id=session.id)
        )
    db.flush()
    renumber_sessions(db, session.engagement_id)
    return session.id
