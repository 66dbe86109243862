"""Invoices, their lines and payments, and the gapless number series of each kind and year."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, deferred, mapped_column, relationship

from coachdesk.model.base import Base, Timestamped, str_enum
from coachdesk.model.enums import InvoiceKind, InvoiceStatus, PaymentMethod
from coachdesk.model.people import Client
from coachdesk.model.types import Money, UTCDateTime


class Invoice(Timestamped, Base):
    """An invoice or credit note; once issued, what it prints is frozen (a trigger too).

    The parties are copied at issue (``seller``, ``buyer``, ``payment`` hold JSON) so a later
    profile or address change never alters an issued invoice. Totals are kept with the lines
    so a list of 60,000 invoices is read without summing lines.
    """

    __tablename__ = "invoice"
    __table_args__ = (
        Index("ix_invoice_client", "client_id", "issue_date"),
        Index("ix_invoice_issue_date", "issue_date"),
        Index("ix_invoice_engagement", "engagement_id", "period"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[InvoiceKind] = mapped_column(str_enum(InvoiceKind), default=InvoiceKind.INVOICE)
    status: Mapped[InvoiceStatus] = mapped_column(
        str_enum(InvoiceStatus), default=InvoiceStatus.DRAFT
    )
    number: Mapped[str | None] = mapped_column(String(60), unique=True)
    series_year: Mapped[int | None]
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="CASCADE"))
    engagement_id: Mapped[int | None] = mapped_column(
        ForeignKey("engagement.id", ondelete="SET NULL")
    )
    sponsor_id: Mapped[int | None] = mapped_column(ForeignKey("sponsor.id", ondelete="SET NULL"))
    issue_date: Mapped[date | None]
    due_date: Mapped[date | None]
    currency: Mapped[str] = mapped_column(String(3), default="EUR")
    seller: Mapped[str] = mapped_column(Text, default="")
    buyer: Mapped[str] = mapped_column(Text, default="")
    payment: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    footer: Mapped[str] = mapped_column(Text, default="")
    net_total: Mapped[Decimal] = mapped_column(Money, default=Decimal("0"))
    tax_total: Mapped[Decimal] = mapped_column(Money, default=Decimal("0"))
    gross_total: Mapped[Decimal] = mapped_column(Money, default=Decimal("0"))
    credit_for_id: Mapped[int | None] = mapped_column(ForeignKey("invoice.id", ondelete="SET NULL"))
    reason: Mapped[str] = mapped_column(Text, default="")
    # "2026-03" for a monthly retainer's invoice: one per month of the engagement.
    period: Mapped[str | None] = mapped_column(String(7))
    instalment: Mapped[int | None]
    instalments: Mapped[int | None]
    pdf: Mapped[bytes | None] = deferred(mapped_column(LargeBinary))

    client: Mapped[Client] = relationship()
    lines: Mapped[list[InvoiceLine]] = relationship(
        cascade="all, delete-orphan", order_by="InvoiceLine.position"
    )


class InvoiceLine(Base):
    """One line; amounts are Decimal stored as text, never a float.

    ``session_claim`` repeats ``session_id`` while the invoice is not cancelled; its unique
    index is what makes "a session is invoiced at most once" hold in the database itself.
    """

    __tablename__ = "invoice_line"
    __table_args__ = (Index("ix_invoice_line_invoice", "invoice_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    invoice_id: Mapped[int] = mapped_column(ForeignKey("invoice.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(default=0)
    description: Mapped[str] = mapped_column(Text)
    quantity: Mapped[Decimal] = mapped_column(Money)
    unit_price: Mapped[Decimal] = mapped_column(Money)
    tax_rate: Mapped[Decimal] = mapped_column(Money)
    session_id: Mapped[int | None] = mapped_column(
        ForeignKey("coaching_session.id", ondelete="SET NULL")
    )
    session_claim: Mapped[int | None] = mapped_column(unique=True)


class Payment(Timestamped, Base):
    """Money received against an invoice; a removed payment stays, marked, for the history."""

    __tablename__ = "payment"
    __table_args__ = (Index("ix_payment_invoice", "invoice_id", "paid_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    invoice_id: Mapped[int] = mapped_column(ForeignKey("invoice.id", ondelete="CASCADE"))
    paid_on: Mapped[date]
    amount: Mapped[Decimal] = mapped_column(Money)
    method: Mapped[PaymentMethod] = mapped_column(
        str_enum(PaymentMethod), default=PaymentMethod.BANK_TRANSFER
    )
    reference: Mapped[str] = mapped_column(String(200), default="")
    removed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class InvoiceNumberSeries(Base):
    """The last number given in one kind's series for one year: numbers follow it without gaps."""

    __tablename__ = "invoice_number_series"

    kind: Mapped[InvoiceKind] = mapped_column(str_enum(InvoiceKind), primary_key=True)
    year: Mapped[int] = mapped_column(primary_key=True)
    last_number: Mapped[int] = mapped_column(default=0)
