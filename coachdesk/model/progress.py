"""Goals with milestones and ratings, action items, and follow-ups: what shows progress."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from coachdesk.model.base import Base, Timestamped, str_enum, utc_now
from coachdesk.model.enums import ActionStatus, GoalStatus
from coachdesk.model.types import UTCDateTime


class Goal(Timestamped, Base):
    """What a client works toward, scored 0-10 from a baseline to a target."""

    __tablename__ = "goal"
    __table_args__ = (Index("ix_goal_client", "client_id", "status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="CASCADE"))
    engagement_id: Mapped[int | None] = mapped_column(
        ForeignKey("engagement.id", ondelete="SET NULL")
    )
    title: Mapped[str] = mapped_column(String(300))
    why: Mapped[str] = mapped_column(Text, default="")
    success_measure: Mapped[str] = mapped_column(Text, default="")
    baseline: Mapped[int | None]
    target: Mapped[int | None]
    target_date: Mapped[date | None]
    status: Mapped[GoalStatus] = mapped_column(str_enum(GoalStatus), default=GoalStatus.ACTIVE)

    milestones: Mapped[list[Milestone]] = relationship(
        cascade="all, delete-orphan", order_by="Milestone.due_on"
    )


class Milestone(Base):
    """A checkpoint on the way to a goal."""

    __tablename__ = "milestone"

    id: Mapped[int] = mapped_column(primary_key=True)
    goal_id: Mapped[int] = mapped_column(ForeignKey("goal.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    due_on: Mapped[date | None]
    done_on: Mapped[date | None]


class ProgressRating(Base):
    """A 0-10 score of a goal, recorded at a session: the data behind progress charts."""

    __tablename__ = "progress_rating"
    __table_args__ = (
        UniqueConstraint("goal_id", "session_id"),
        Index("ix_progress_rating_goal", "goal_id", "recorded_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    goal_id: Mapped[int] = mapped_column(ForeignKey("goal.id", ondelete="CASCADE"))
    session_id: Mapped[int | None] = mapped_column(
        ForeignKey("coaching_session.id", ondelete="SET NULL")
    )
    score: Mapped[int]
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)


class ActionItem(Timestamped, Base):
    """An assignment or reflective exercise agreed in a session, with a due date."""

    __tablename__ = "action_item"
    __table_args__ = (
        Index("ix_action_item_client", "client_id", "status"),
        Index("ix_action_item_due", "status", "due_on"),
        Index("ix_action_item_session", "session_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="CASCADE"))
    session_id: Mapped[int | None] = mapped_column(
        ForeignKey("coaching_session.id", ondelete="SET NULL")
    )
    goal_id: Mapped[int | None] = mapped_column(ForeignKey("goal.id", ondelete="SET NULL"))
    text: Mapped[str] = mapped_column(Text)
    due_on: Mapped[date | None]
    status: Mapped[ActionStatus] = mapped_column(str_enum(ActionStatus), default=ActionStatus.OPEN)
    done_on: Mapped[date | None]


class FollowUp(Timestamped, Base):
    """A dated reminder, e.g. a check-in three months after an engagement ended."""

    __tablename__ = "follow_up"
    __table_args__ = (Index("ix_follow_up_due", "done_on", "due_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="CASCADE"), index=True)
    engagement_id: Mapped[int | None] = mapped_column(
        ForeignKey("engagement.id", ondelete="SET NULL")
    )
    due_on: Mapped[date]
    reason: Mapped[str] = mapped_column(Text)
    done_on: Mapped[date | None]


class PracticeSetting(Base):
    """Practice-wide settings as key/value rows (created by the baseline migration)."""

    __tablename__ = "practice_setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now, onupdate=utc_now)
