"""Drafts, issue and credit notes: an invoice's lifecycle.

A draft is edited freely. Issuing it assigns the next number of its year's gapless series,
freezes the parties and stores the PDF, all in one savepoint: a failure anywhere leaves the
counter where it was, so no number is ever skipped. An issued invoice is never edited or
deleted; a credit note (its own series, negative amounts) cancels it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from coachdesk.documents.invoices.data import InvoiceDocument
from coachdesk.errors import ValidationError
from coachdesk.i18n import _
from coachdesk.model import (
    CoachingSession,
    Engagement,
    FeeModel,
    Invoice,
    InvoiceKind,
    InvoiceLine,
    InvoiceNumberSeries,
    InvoiceStatus,
)
from coachdesk.services import paperwork
from coachdesk.services.billing import money
from coachdesk.services.billing.invoice_document import document_of, pdf_renderer, printed
from coachdesk.services.billing.ledger import get_invoice, paid_on
from coachdesk.services.billing.parties import freeze_parties
from coachdesk.services.people.clients import get_client
from coachdesk.services.people.profile import ProfileFields, profile_fields
from coachdesk.services.validation import FieldErrors

Renderer = Callable[[InvoiceDocument], bytes]
MAX_DESCRIPTION = 500


@dataclass
class LineFields:
    description: str
    quantity: Decimal
    unit_price: Decimal
    tax_rate: Decimal = Decimal(0)
    session_id: int | None = None


@dataclass
class InvoiceFields:
    """Everything a draft's editor changes; ``currency`` and ``footer`` default from the
    engagement and the profile when left empty."""

    client_id: int
    engagement_id: int | None = None
    to_sponsor: bool = False
    currency: str = ""
    notes: str = ""
    footer: str | None = None
    lines: list[LineFields] = field(default_factory=list)


def create_draft(db: Session, data: InvoiceFields) -> int:
    invoice = Invoice(status=InvoiceStatus.DRAFT, kind=InvoiceKind.INVOICE)
    _apply(db, invoice, data)
    db.add(invoice)
    db.flush()
    return invoice.id


def update_draft(db: Session, invoice_id: int, data: InvoiceFields) -> None:
    invoice = _draft(db, invoice_id)
    _apply(db, invoice, data)
    db.flush()


def delete_draft(db: Session, invoice_id: int) -> None:
    """Only a draft goes: an issued invoice is cancelled by a credit note instead."""
    db.delete(_draft(db, invoice_id))
    db.flush()


def issue_invoice(db: Session, invoice_id: int, today: date, render: Renderer | None = None) -> str:
    """Number, freeze and store the draft; returns its number. ``render`` defaults to the
    documents' invoice PDF when that is available."""
    invoice = _draft(db, invoice_id)
    if not invoice.lines:
        raise ValidationError({"lines": _("An invoice needs at least one line to be issued.")})
    seller = profile_fields(db)
    if not seller.name.strip():
        raise ValidationError({"name": _("Add your name to the profile before issuing.")})
    with db.begin_nested():
        invoice.issue_date = today
        invoice.due_date = today + timedelta(days=seller.payment_terms_days)
        _number(db, invoice, seller.invoice_prefix)
        _freeze(db, invoice, render)
    return invoice.number or ""


def credit_invoice(
    db: Session, invoice_id: int, today: date, reason: str = "", render: Renderer | None = None
) -> int:
    """Cancel an issued invoice with a credit note of its lines at negative prices, issued at
    once; its sessions can then be invoiced again."""
    invoice = get_invoice(db, invoice_id)
    errors = FieldErrors()
    if invoice.kind is not InvoiceKind.INVOICE or invoice.status is not InvoiceStatus.ISSUED:
        errors.add("invoice", _("Only an issued invoice can be credited."))
    elif paid_on(db, invoice.id) > 0:
        errors.add("payments", _("Payments are recorded on it: remove them (refund) first."))
    errors.multi_line("reason", reason)
    errors.raise_if_any()
    with db.begin_nested():
        note = Invoice(
            kind=InvoiceKind.CREDIT_NOTE,
            status=InvoiceStatus.DRAFT,
            client_id=invoice.client_id,
            engagement_id=invoice.engagement_id,
            sponsor_id=invoice.sponsor_id,
            currency=invoice.currency,
            notes=invoice.notes,
            footer=invoice.footer,
            credit_for_id=invoice.id,
            reason=reason.strip(),
            lines=[
                InvoiceLine(
                    position=line.position,
                    description=line.description,
                    quantity=line.quantity,
                    unit_price=-line.unit_price,
                    tax_rate=line.tax_rate,
                    session_id=line.session_id,
                )
                for line in invoice.lines
            ],
        )
        _store_totals(note)
        db.add(note)
        db.flush()
        for line in invoice.lines:
            line.session_claim = None
        invoice.status = InvoiceStatus.CANCELLED
        note.issue_date = today
        _number(db, note, profile_fields(db).invoice_prefix)
        _freeze(db, note, render)
    return note.id


def invoice_number(kind: InvoiceKind, year: int, sequence: int, prefix: str) -> str:
    """``2026-0007``, after the coach's prefix; credit notes have their own ``CN-`` series."""
    series = "CN-" if kind is InvoiceKind.CREDIT_NOTE else ""
    return f"{prefix}{series}{year}-{sequence:04d}"


def _number(db: Session, invoice: Invoice, prefix: str) -> None:
    assert invoice.issue_date is not None
    year = invoice.issue_date.year
    series = db.get(InvoiceNumberSeries, (invoice.kind, year))
    if series is None:
        series = InvoiceNumberSeries(kind=invoice.kind, year=year, last_number=0)
        db.add(series)
    series.last_number += 1
    invoice.series_year = year
    invoice.number = invoice_number(invoice.kind, year, series.last_number, prefix)


def _freeze(db: Session, invoice: Invoice, render: Renderer | None) -> None:
    freeze_parties(db, invoice)
    invoice.pdf = printed(db, invoice, render=render)
    invoice.status = InvoiceStatus.ISSUED
    db.flush()


def _draft(db: Session, invoice_id: int) -> Invoice:
    invoice = get_invoice(db, invoice_id)
    if invoice.status is not InvoiceStatus.DRAFT:
        raise ValidationError(
            {"status": _("An issued invoice cannot be changed: cancel it with a credit note.")}
        )
    return invoice


def _apply(db: Session, invoice: Invoice, data: InvoiceFields) -> None:
    get_client(db, data.client_id)
    engagement = db.get(Engagement, data.engagement_id) if data.engagement_id else None
    errors = FieldErrors()
    checked = check_draft(db, data, engagement, profile_fields(db), errors)
    _check_sessions(db, invoice, data, errors)
    errors.raise_if_any()
    invoice.client_id = data.client_id
    invoice.engagement_id = data.engagement_id
    invoice.sponsor_id = checked.sponsor_id
    invoice.currency = checked.currency
    invoice.notes = data.notes.strip()
    invoice.footer = checked.footer
    if invoice.lines:
        invoice.lines.clear()
        db.flush()  # the old lines and their session claims go before the new ones come
    invoice.lines = [InvoiceLine(**values) for values in line_values(data)]
    _store_totals(invoice)


@dataclass(frozen=True, slots=True)
class CheckedDraft:
    currency: str
    sponsor_id: int | None
    footer: str


def check_draft(
    db: Session,
    data: InvoiceFields,
    engagement: Engagement | None,
    profile: ProfileFields,
    errors: FieldErrors,
) -> CheckedDraft:
    """Everything a draft's fields must satisfy but which sessions it claims (those need the
    vault: ``_check_sessions`` here, read for many drafts at once in ``bulk_drafts``)."""
    if data.engagement_id is not None and engagement is None:
        errors.add(
            "engagement", _("There is no engagement with id {id}.").format(id=data.engagement_id)
        )
    elif engagement is not None and engagement.client_id != data.client_id:
        errors.add("engagement", _("That engagement is another client's."))
    elif engagement is not None and engagement.fee_model is FeeModel.PRO_BONO:
        errors.add("engagement", _("A pro bono engagement is never invoiced."))
    currency = (
        data.currency or (engagement.currency if engagement else "") or profile.default_currency
    ).upper()
    errors.currency("currency", currency)
    sponsor_id = _sponsor(db, data, engagement, errors)
    errors.multi_line("notes", data.notes)
    footer = profile.invoice_footer if data.footer is None else data.footer
    errors.multi_line("footer", footer)
    _check_lines(data, currency, errors)
    return CheckedDraft(currency, sponsor_id, footer.strip())


def line_values(data: InvoiceFields) -> list[dict[str, Any]]:
    return [
        {
            "position": n,
            "description": line.description.strip(),
            "quantity": line.quantity,
            "unit_price": line.unit_price,
            "tax_rate": line.tax_rate,
            "session_id": line.session_id,
            "session_claim": line.session_id,
        }
        for n, line in enumerate(data.lines)
    ]


def _sponsor(
    db: Session, data: InvoiceFields, engagement: Engagement | None, errors: FieldErrors
) -> int | None:
    if not data.to_sponsor:
        return None
    sponsor_id = engagement.sponsor_id if engagement else None
    sponsor_id = sponsor_id or get_client(db, data.client_id).sponsor_id
    if sponsor_id is None:
        errors.add("to_sponsor", _("Neither the engagement nor the client has a sponsor."))
    return sponsor_id


def _check_lines(data: InvoiceFields, currency: str, errors: FieldErrors) -> None:
    for n, line in enumerate(data.lines, start=1):
        name = f"lines[{n}]."
        errors.require(name + "description", line.description)
        errors.single_line(name + "description", line.description)
        errors.max_length(name + "description", line.description.strip(), MAX_DESCRIPTION)
        if not line.quantity.is_finite() or line.quantity <= 0:
            errors.add(name + "quantity", _("The quantity must be more than zero."))
        elif line.quantity != round(line.quantity, money.QUANTITY_PLACES):
            errors.add(name + "quantity", _("A quantity has at most 3 decimals."))
        errors.money(name + "unit_price", line.unit_price, currency)
        if not (line.tax_rate.is_finite() and 0 <= line.tax_rate <= 100):
            errors.add(name + "tax_rate", _("Use a tax rate in percent from 0 to 100."))


def _check_sessions(
    db: Session, invoice: Invoice, data: InvoiceFields, errors: FieldErrors
) -> None:
    """Each session on one live invoice only (the unique index holds it too)."""
    ids = [line.session_id for line in data.lines if line.session_id is not None]
    if len(ids) != len(set(ids)):
        errors.add("session", _("A session can be on an invoice only once."))
    if not ids:
        return
    sessions = dict(
        db.execute(
            select(CoachingSession.id, CoachingSession.client_id).where(CoachingSession.id.in_(ids))
        ).all()
    )
    for session_id in ids:
        if sessions.get(session_id) != data.client_id:
            errors.add("session", _("Session {id} is not this client's.").format(id=session_id))
    claimed = db.execute(
        select(InvoiceLine.session_claim, Invoice.number, Invoice.id)
        .join(Invoice, Invoice.id == InvoiceLine.invoice_id)
        .where(InvoiceLine.session_claim.in_(ids), Invoice.id != (invoice.id or 0))
    ).first()
    if claimed is not None:
        where = claimed.number or _("draft {id}").format(id=claimed.id)
        errors.add(
            "session",
            _("Session {id} is already invoiced on {where}.").format(id=claimed[0], where=where),
        )


def _store_totals(invoice: Invoice) -> None:
    totals = money.totals(
        ((line.quantity, line.unit_price, line.tax_rate) for line in invoice.lines),
        invoice.currency,
    )
    invoice.net_total, invoice.tax_total, invoice.gross_total = (
        totals.net,
        totals.tax,
        totals.gross,
    )


def draft_document(
    db: Session, data: InvoiceFields, today: date, invoice_id: int | None = None
) -> InvoiceDocument:
    """What a draft with ``data`` would print, checked as saving it is but stored nowhere: the
    editor's live preview of what the coach is typing. ``invoice_id`` names the draft being
    edited, whose own sessions are not "already invoiced"."""
    invoice = Invoice(id=invoice_id, status=InvoiceStatus.DRAFT, kind=InvoiceKind.INVOICE)
    _apply(db, invoice, data)
    return document_of(db, invoice, today)


def draft_pdf(
    db: Session, data: InvoiceFields, today: date, invoice_id: int | None = None
) -> bytes:
    """The PDF of ``draft_document``, in the client's language and formats."""
    with paperwork.in_clients_language(db, data.client_id):
        return pdf_renderer()(draft_document(db, data, today, invoice_id))
