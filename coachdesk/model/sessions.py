"""Coaching sessions (never ``Session``: that word is SQLAlchemy's) and note-editor drafts."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.engine.default import DefaultExecutionContext
from sqlalchemy.orm import Mapped, mapped_column, relationship

from coachdesk.model.base import Base, Timestamped, str_enum
from coachdesk.model.engagements import Engagement
from coachdesk.model.enums import NoteTemplate, SessionKind, SessionMode, SessionStatus
from coachdesk.model.people import Client
from coachdesk.model.types import Money, UTCDateTime


def _scheduled_length(context: DefaultExecutionContext) -> int:
    """A session lasts as booked until the coach records otherwise."""
    return int(context.get_current_parameters()["duration_minutes"])


class CoachingSession(Timestamped, Base):
    """One meeting with a client, with its agenda, notes and feedback."""

    __tablename__ = "coaching_session"
    __table_args__ = (
        Index("ix_coaching_session_client_start", "client_id", "starts_at"),
        Index("ix_coaching_session_start", "starts_at"),
        Index("ix_coaching_session_engagement", "engagement_id", "starts_at"),
        # Covering indexes for "last held / next scheduled per client" and the Today lists:
        # answered from the index alone, without decrypting rows full of notes.
        Index("ix_coaching_session_client_status", "client_id", "status", "starts_at"),
        Index("ix_coaching_session_status_start", "status", "starts_at", "client_id"),
        Index("ix_coaching_session_engagement_status", "engagement_id", "status"),
        # Covers the ICF coaching log, in the order it groups by: 200,000 sessions summed
        # without reading a row of notes or sorting in a temporary table.
        Index(
            "ix_coaching_session_icf",
            "status",
            "kind",
            "client_id",
            "engagement_id",
            "pro_bono",
            "starts_at",
            "actual_minutes",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="CASCADE"))
    engagement_id: Mapped[int | None] = mapped_column(
        ForeignKey("engagement.id", ondelete="SET NULL")
    )
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    duration_minutes: Mapped[int] = mapped_column(default=60)
    mode: Mapped[SessionMode] = mapped_column(str_enum(SessionMode), default=SessionMode.VIDEO)
    location: Mapped[str] = mapped_column(String(500), default="")
    status: Mapped[SessionStatus] = mapped_column(
        str_enum(SessionStatus), default=SessionStatus.SCHEDULED
    )
    agenda: Mapped[str] = mapped_column(Text, default="")
    shared_notes: Mapped[str] = mapped_column(Text, default="")
    private_notes: Mapped[str] = mapped_column(Text, default="")
    note_template: Mapped[NoteTemplate] = mapped_column(
        str_enum(NoteTemplate), default=NoteTemplate.FREE
    )
    feedback_score: Mapped[int | None]
    feedback_comment: Mapped[str] = mapped_column(Text, default="")
    fee_charged: Mapped[Decimal | None] = mapped_column(Money)
    sequence: Mapped[int | None]
    # What an ICF coaching log counts: the minutes really coached, paid or not, and what kind
    # of meeting it was (mentor coaching received or supervision never count).
    actual_minutes: Mapped[int] = mapped_column(default=_scheduled_length, server_default="0")
    pro_bono: Mapped[bool] = mapped_column(default=False, server_default="0")
    kind: Mapped[SessionKind] = mapped_column(
        str_enum(SessionKind), default=SessionKind.COACHING, server_default="coaching"
    )

    client: Mapped[Client] = relationship()
    engagement: Mapped[Engagement | None] = relationship()


class SessionAttendance(Base):
    """Whether one participant of a group session came; ``attended`` is None until recorded."""

    __tablename__ = "session_attendance"
    __table_args__ = (Index("ix_session_attendance_client", "client_id", "session_id"),)

    session_id: Mapped[int] = mapped_column(
        ForeignKey("coaching_session.id", ondelete="CASCADE"), primary_key=True
    )
    client_id: Mapped[int] = mapped_column(
        ForeignKey("client.id", ondelete="CASCADE"), primary_key=True
    )
    attended: Mapped[bool | None]


class NoteDraft(Base):
    """What a note editor last autosaved for a session, so nothing typed is ever lost."""

    __tablename__ = "note_draft"

    session_id: Mapped[int] = mapped_column(
        ForeignKey("coaching_session.id", ondelete="CASCADE"), primary_key=True
    )
    content: Mapped[str] = mapped_column(Text)
    saved_at: Mapped[datetime] = mapped_column(UTCDateTime)
