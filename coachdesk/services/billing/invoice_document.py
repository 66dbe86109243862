"""An invoice from the vault as the documents' plain ``InvoiceDocument``: what is printed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from sqlalchemy.orm import Session

from coachdesk.documents.invoices.data import InvoiceDocument, InvoiceLine
from coachdesk.errors import ValidationError
from coachdesk.i18n import _
from coachdesk.model import Invoice, InvoiceKind, InvoiceStatus
from coachdesk.services import paperwork
from coachdesk.services.billing import money
from coachdesk.services.billing.ledger import get_invoice, paid_on
from coachdesk.services.billing.parties import buyer_of, payment_of, seller_of
from coachdesk.services.people.profile import coach_today, profile_fields


def invoice_document(db: Session, invoice_id: int, today: date | None = None) -> InvoiceDocument:
    """The document of an invoice; a draft is dated ``today`` (the coach's) and unnumbered."""
    return document_of(db, get_invoice(db, invoice_id), today)


def document_of(db: Session, invoice: Invoice, today: date | None = None) -> InvoiceDocument:
    currency = invoice.currency
    lines = tuple(
        InvoiceLine(
            description=line.description,
            quantity=line.quantity,
            unit_price=line.unit_price,
            tax_rate=line.tax_rate,
            net=money.line_net(line.quantity, line.unit_price, currency),
        )
        for line in invoice.lines
    )
    totals = money.totals(((x.quantity, x.unit_price, x.tax_rate) for x in lines), currency)
    paid = money.round_money(paid_on(db, invoice.id) if invoice.id else money.ZERO, currency)
    issue_date = invoice.issue_date or today or coach_today(db)
    due_date = invoice.due_date
    if invoice.status is InvoiceStatus.DRAFT and invoice.kind is InvoiceKind.INVOICE:
        due_date = issue_date + timedelta(days=profile_fields(db).payment_terms_days)
    credit_for = db.get(Invoice, invoice.credit_for_id) if invoice.credit_for_id else None
    letterhead = paperwork.letterhead(db)
    return InvoiceDocument(
        kind=invoice.kind.value,
        number=invoice.number or "",
        issue_date=issue_date,
        due_date=due_date,
        currency=currency,
        seller=seller_of(db, invoice),
        buyer=buyer_of(db, invoice),
        lines=lines,
        taxes=totals.taxes,
        net_total=totals.net,
        tax_total=totals.tax,
        gross_total=totals.gross,
        paid=paid,
        balance=totals.gross - paid if invoice.kind is InvoiceKind.INVOICE else money.ZERO,
        payment=payment_of(db, invoice),
        notes=invoice.notes,
        footer=invoice.footer,
        credit_for=(credit_for.number or "") if credit_for else "",
        letterhead=letterhead,
        paper_size=letterhead.paper_size,
    )


def pdf_renderer() -> Callable[[InvoiceDocument], bytes]:
    """The documents' invoice PDF (imported on first use: ReportLab is heavy)."""
    from coachdesk.documents.invoices import render_invoice_pdf

    return render_invoice_pdf


def facturx_renderer() -> Callable[[InvoiceDocument], bytes]:
    """The documents' Factur-X (PDF/A-3 with the CII XML), imported on first use."""
    from coachdesk.documents.invoices import facturx_pdf

    return facturx_pdf


def printed(
    db: Session,
    invoice: Invoice,
    today: date | None = None,
    render: Callable[[InvoiceDocument], bytes] | None = None,
) -> bytes:
    """The invoice (or credit note) rendered now, in its client's language and formats."""
    with paperwork.in_clients_language(db, invoice.client_id):
        return (render or pdf_renderer())(document_of(db, invoice, today))


def invoice_pdf(db: Session, invoice_id: int, today: date | None = None) -> bytes:
    """An issued invoice's frozen PDF as it was sent; a draft's printed now, marked DRAFT."""
    invoice = get_invoice(db, invoice_id)
    if invoice.status is not InvoiceStatus.DRAFT and invoice.pdf is not None:
        return invoice.pdf
    return printed(db, invoice, today)


def invoice_facturx(db: Session, invoice_id: int) -> bytes:
    """The e-invoice of an issued invoice (a draft has no number to send)."""
    invoice = get_invoice(db, invoice_id)
    if invoice.status is InvoiceStatus.DRAFT:
        raise ValidationError({"invoice": _("Issue the invoice before writing its e-invoice.")})
    return printed(db, invoice, render=facturx_renderer())


def invoice_reminder(db: Session, invoice_id: int, today: date) -> tuple[bytes, str]:
    """The payment reminder of an issued invoice with money owed: its letter as a PDF, and the
    same words as plain text to paste into an email."""
    from coachdesk.documents.invoices import reminder_text, render_reminder_pdf

    invoice = get_invoice(db, invoice_id)
    with paperwork.in_clients_language(db, invoice.client_id):
        doc = document_of(db, invoice, today)
        return render_reminder_pdf(doc, today), reminder_text(doc, today)
