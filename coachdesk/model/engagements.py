"""Engagements (one programme with a client) and their agreements."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, deferred, mapped_column, relationship

from coachdesk.model.base import Base, Timestamped, str_enum
from coachdesk.model.enums import (
    AgreementStatus,
    Cadence,
    EngagementKind,
    EngagementStatus,
    FeeModel,
    SessionMode,
    SigningMethod,
    SponsorSharing,
)
from coachdesk.model.people import Client, Sponsor
from coachdesk.model.types import Money


class Engagement(Timestamped, Base):
    """One coaching or mentoring programme: dates, cadence, fees and terms."""

    __tablename__ = "engagement"
    __table_args__ = (Index("ix_engagement_client", "client_id", "start_date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="CASCADE"))
    kind: Mapped[EngagementKind] = mapped_column(
        str_enum(EngagementKind), default=EngagementKind.COACHING
    )
    title: Mapped[str] = mapped_column(String(200))
    start_date: Mapped[date]
    end_date: Mapped[date | None]
    planned_sessions: Mapped[int | None]
    cadence: Mapped[Cadence] = mapped_column(str_enum(Cadence), default=Cadence.FORTNIGHTLY)
    cadence_days: Mapped[int | None]
    session_minutes: Mapped[int] = mapped_column(default=60)
    mode: Mapped[SessionMode] = mapped_column(str_enum(SessionMode), default=SessionMode.VIDEO)
    location: Mapped[str] = mapped_column(String(500), default="")
    fee_model: Mapped[FeeModel] = mapped_column(str_enum(FeeModel), default=FeeModel.PER_SESSION)
    fee_amount: Mapped[Decimal] = mapped_column(Money, default=Decimal("0.00"))
    currency: Mapped[str] = mapped_column(String(3), default="EUR")
    payment_terms: Mapped[str] = mapped_column(Text, default="")
    cancellation_notice_hours: Mapped[int] = mapped_column(default=24)
    late_cancel_rule: Mapped[str] = mapped_column(Text, default="")
    communication: Mapped[str] = mapped_column(Text, default="")
    confidentiality_notes: Mapped[str] = mapped_column(Text, default="")
    sponsor_id: Mapped[int | None] = mapped_column(ForeignKey("sponsor.id", ondelete="SET NULL"))
    sponsor_sharing: Mapped[SponsorSharing] = mapped_column(
        str_enum(SponsorSharing), default=SponsorSharing.NOTHING
    )
    status: Mapped[EngagementStatus] = mapped_column(
        str_enum(EngagementStatus), default=EngagementStatus.DRAFT
    )
    # A group or team engagement: ``client_id`` is one participant (the one the ICF log names),
    # and every participant, that one included, has an ``EngagementParticipant`` row.
    is_group: Mapped[bool] = mapped_column(default=False, server_default="0")

    client: Mapped[Client] = relationship()
    sponsor: Mapped[Sponsor | None] = relationship()


class EngagementParticipant(Base):
    """A client taking part in a group or team engagement."""

    __tablename__ = "engagement_participant"
    __table_args__ = (Index("ix_engagement_participant_client", "client_id"),)

    engagement_id: Mapped[int] = mapped_column(
        ForeignKey("engagement.id", ondelete="CASCADE"), primary_key=True
    )
    client_id: Mapped[int] = mapped_column(
        ForeignKey("client.id", ondelete="CASCADE"), primary_key=True
    )


class AgreementTemplate(Timestamped, Base):
    """Editable agreement text with named placeholders; each edit bumps its version."""

    __tablename__ = "agreement_template"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[EngagementKind] = mapped_column(
        str_enum(EngagementKind), default=EngagementKind.COACHING
    )
    version: Mapped[int] = mapped_column(default=1)
    body: Mapped[str] = mapped_column(Text)
    builtin: Mapped[bool] = mapped_column(default=False)


class Agreement(Timestamped, Base):
    """The document of an engagement; once signed its text and PDF are frozen (a trigger too)."""

    __tablename__ = "agreement"
    __table_args__ = (
        Index("ix_agreement_engagement", "engagement_id", "version"),
        Index("ix_agreement_status", "status", "sent_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    engagement_id: Mapped[int] = mapped_column(ForeignKey("engagement.id", ondelete="CASCADE"))
    version: Mapped[int] = mapped_column(default=1)
    template_id: Mapped[int | None] = mapped_column(
        ForeignKey("agreement_template.id", ondelete="SET NULL")
    )
    template_version: Mapped[int | None]
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    status: Mapped[AgreementStatus] = mapped_column(
        str_enum(AgreementStatus), default=AgreementStatus.DRAFT
    )
    sent_on: Mapped[date | None]
    client_signed_on: Mapped[date | None]
    coach_signed_on: Mapped[date | None]
    sponsor_signed_on: Mapped[date | None]
    signing_method: Mapped[SigningMethod | None] = mapped_column(str_enum(SigningMethod))
    pdf: Mapped[bytes | None] = deferred(mapped_column(LargeBinary))
    scan: Mapped[bytes | None] = deferred(mapped_column(LargeBinary))
    scan_name: Mapped[str] = mapped_column(String(200), default="")
    scan_mime: Mapped[str] = mapped_column(String(100), default="")
    supersedes_id: Mapped[int | None] = mapped_column(
        ForeignKey("agreement.id", ondelete="SET NULL")
    )

    engagement: Mapped[Engagement] = relationship()
