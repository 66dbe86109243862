"""The invoice list and one invoice shown whole, with the status derived from payments and dates.

Only draft, issued and cancelled are stored. An issued invoice reads as **paid** once its
payments cover it, **overdue** when money is still owed after its due date, **part paid** when
some has come in, and **issued** otherwise. A credit note and the invoice it cancels owe nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import ColumnElement, extract, select
from sqlalchemy.orm import Session

from coachdesk.documents.invoices.data import InvoiceDocument
from coachdesk.model import Client, Invoice, InvoiceKind, InvoiceStatus, Payment, PaymentMethod
from coachdesk.services.billing.invoice_document import document_of
from coachdesk.services.billing.ledger import core_rows, get_invoice, paid_by_invoice

ZERO = Decimal(0)


class ShownStatus(StrEnum):
    """The status a coach sees and filters by."""

    DRAFT = "draft"
    ISSUED = "issued"
    PART_PAID = "part_paid"
    PAID = "paid"
    OVERDUE = "overdue"
    CANCELLED = "cancelled"


@dataclass(frozen=True, slots=True)
class InvoiceRow:
    id: int
    kind: InvoiceKind
    number: str
    client_id: int
    client: str
    issue_date: date | None
    due_date: date | None
    currency: str
    net: Decimal
    tax: Decimal
    total: Decimal
    paid: Decimal
    balance: Decimal
    status: ShownStatus


@dataclass(frozen=True, slots=True)
class PaymentEntry:
    """A payment in an invoice's history; a removed one keeps its line, with when."""

    id: int
    invoice_id: int
    paid_on: date
    amount: Decimal
    method: PaymentMethod
    reference: str
    removed_at: datetime | None


@dataclass(frozen=True, slots=True)
class InvoiceDetail:
    row: InvoiceRow
    document: InvoiceDocument
    engagement_id: int | None
    sponsor_id: int | None
    credit_for_id: int | None
    credited_by_id: int | None
    reason: str
    payments: tuple[PaymentEntry, ...]
    has_pdf: bool


def shown_status(
    invoice_status: InvoiceStatus,
    kind: InvoiceKind,
    *,
    total: Decimal,
    paid: Decimal,
    due_date: date | None,
    today: date,
) -> ShownStatus:
    if invoice_status is InvoiceStatus.DRAFT:
        return ShownStatus.DRAFT
    if invoice_status is InvoiceStatus.CANCELLED:
        return ShownStatus.CANCELLED
    if kind is InvoiceKind.CREDIT_NOTE:
        return ShownStatus.ISSUED
    if paid >= total:
        return ShownStatus.PAID
    if due_date is not None and due_date < today:
        return ShownStatus.OVERDUE
    return ShownStatus.PART_PAID if paid > 0 else ShownStatus.ISSUED


def owed(status: ShownStatus, total: Decimal, paid: Decimal) -> Decimal:
    """What is still to pay; a cancelled invoice and a credit note owe nothing."""
    if status is ShownStatus.CANCELLED or total < 0:
        return ZERO
    return total - paid


def list_invoices(
    db: Session,
    today: date,
    *,
    status: ShownStatus | None = None,
    client_id: int | None = None,
    year: int | None = None,
) -> list[InvoiceRow]:
    """Newest first; drafts (no date yet) on top."""
    where: list[ColumnElement[bool]] = []
    if client_id is not None:
        where.append(Invoice.client_id == client_id)
    if year is not None:
        where.append(extract("year", Invoice.issue_date) == year)
    rows = _rows(db, today, where)
    return rows if status is None else [r for r in rows if r.status is status]


class InvoiceFilter:
    """The Money view's filter box over rows already listed: each keystroke narrows them by
    text (in the number or the client's name, any case) and status without asking the vault
    again. The folded text is made once per list, so a keystroke is one scan of strings."""

    def __init__(self, rows: list[InvoiceRow]) -> None:
        self.rows = rows
        self._keys = [f"{r.number}\n{r.client}".casefold() for r in rows]

    def matching(self, text: str = "", status: ShownStatus | None = None) -> list[InvoiceRow]:
        needle = text.strip().casefold()
        return [
            row
            for row, key in zip(self.rows, self._keys, strict=True)
            if needle in key and (status is None or row.status is status)
        ]


def invoice_row(db: Session, invoice_id: int, today: date) -> InvoiceRow:
    get_invoice(db, invoice_id)
    (row,) = _rows(db, today, [Invoice.id == invoice_id])
    return row


def _rows(db: Session, today: date, where: list[ColumnElement[bool]]) -> list[InvoiceRow]:
    query = (
        select(
            Invoice.id,
            Invoice.kind,
            Invoice.number,
            Invoice.client_id,
            Client.display_name,
            Invoice.issue_date,
            Invoice.due_date,
            Invoice.currency,
            Invoice.net_total,
            Invoice.tax_total,
            Invoice.gross_total,
            Invoice.status,
        )
        .join(Client, Client.id == Invoice.client_id)
        .where(*where)
        .order_by(Invoice.issue_date.is_(None).desc(), Invoice.issue_date.desc(), Invoice.id.desc())
    )
    paid = paid_by_invoice(db, select(Invoice.id).where(*where) if where else None)
    rows = []
    # Plain tuples: a Row's attribute lookups cost more than the rest of this loop.
    for (
        ident,
        kind,
        number,
        client_id,
        client,
        issued,
        due,
        currency,
        net,
        tax,
        total,
        stored,
    ) in core_rows(db, query):
        got = paid.get(ident, ZERO)
        shown = shown_status(stored, kind, total=total, paid=got, due_date=due, today=today)
        rows.append(
            InvoiceRow(
                ident,
                kind,
                number or "",
                client_id,
                client,
                issued,
                due,
                currency,
                net,
                tax,
                total,
                got,
                owed(shown, total, got),
                shown,
            )
        )
    return rows


def invoice_detail(db: Session, invoice_id: int, today: date) -> InvoiceDetail:
    invoice = get_invoice(db, invoice_id)
    credited_by = db.scalar(select(Invoice.id).where(Invoice.credit_for_id == invoice_id))
    return InvoiceDetail(
        row=invoice_row(db, invoice_id, today),
        document=document_of(db, invoice, today),
        engagement_id=invoice.engagement_id,
        sponsor_id=invoice.sponsor_id,
        credit_for_id=invoice.credit_for_id,
        credited_by_id=credited_by,
        reason=invoice.reason,
        payments=tuple(payment_history(db, invoice_id)),
        has_pdf=bool(db.scalar(select(Invoice.pdf.is_not(None)).where(Invoice.id == invoice_id))),
    )


def payment_history(db: Session, invoice_id: int | None = None) -> list[PaymentEntry]:
    query = select(Payment).order_by(Payment.paid_on, Payment.id)
    if invoice_id is not None:
        query = query.where(Payment.invoice_id == invoice_id)
    return [
        PaymentEntry(p.id, p.invoice_id, p.paid_on, p.amount, p.method, p.reference, p.removed_at)
        for p in db.scalars(query)
    ]
