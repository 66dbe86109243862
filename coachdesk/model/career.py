"""The coach's own professional record: mentor coaching received, continuing education (CCE)
and supervision, which an ICF credential or its renewal asks the coach to prove."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import Index, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, deferred, mapped_column

from coachdesk.model.base import Base, Timestamped, str_enum
from coachdesk.model.enums import CceCategory
from coachdesk.model.types import Money


class MentorCoaching(Timestamped, Base):
    """One mentor-coaching session the coach received, one-to-one or in a group."""

    __tablename__ = "mentor_coaching"
    __table_args__ = (Index("ix_mentor_coaching_held", "held_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    held_on: Mapped[date]
    mentor_name: Mapped[str] = mapped_column(String(200))
    mentor_email: Mapped[str] = mapped_column(String(254), default="")
    mentor_credential: Mapped[str] = mapped_column(String(100), default="")
    minutes: Mapped[int]
    group_size: Mapped[int | None]  # None: one-to-one


class CceActivity(Timestamped, Base):
    """A continuing-education activity, with its certificate kept inside the vault."""

    __tablename__ = "cce_activity"
    __table_args__ = (Index("ix_cce_activity_held", "held_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    held_on: Mapped[date]
    provider: Mapped[str] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(String(300))
    category: Mapped[CceCategory] = mapped_column(
        str_enum(CceCategory), default=CceCategory.CORE_COMPETENCIES
    )
    units: Mapped[Decimal] = mapped_column(Money)
    ethics_units: Mapped[Decimal] = mapped_column(Money, default=Decimal("0"))
    evidence: Mapped[bytes | None] = deferred(mapped_column(LargeBinary))
    evidence_name: Mapped[str] = mapped_column(String(200), default="")
    evidence_mime: Mapped[str] = mapped_column(String(100), default="")


class SupervisionEntry(Timestamped, Base):
    """A supervision or reflective-practice meeting; the reflection is private to the coach."""

    __tablename__ = "supervision_entry"
    __table_args__ = (Index("ix_supervision_entry_held", "held_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    held_on: Mapped[date]
    supervisor: Mapped[str] = mapped_column(String(200))
    minutes: Mapped[int]
    reflection: Mapped[str] = mapped_column(Text, default="")
