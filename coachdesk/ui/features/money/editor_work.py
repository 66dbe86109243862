"""What the invoice editor reads and renders on a worker: the invoice opened as form fields
(or a new draft's defaults), and the PDF of what is typed."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy.orm import Session

from coachdesk import words
from coachdesk.formatting import format_date, format_money, format_number
from coachdesk.i18n import _
from coachdesk.model import InvoiceKind, InvoiceStatus
from coachdesk.services.billing import invoices, money
from coachdesk.services.billing.invoice_document import invoice_pdf
from coachdesk.services.billing.invoices import InvoiceFields, LineFields
from coachdesk.services.billing.ledger import get_invoice
from coachdesk.services.billing.listing import PaymentEntry, invoice_row, payment_history
from coachdesk.services.engagements.engagements import list_engagements
from coachdesk.services.people.clients import list_clients
from coachdesk.services.people.profile import coach_today, profile_fields
from coachdesk.ui.features.money.invoice_table import number_text, status_label
from coachdesk.ui.kit.fields import client_labels


@dataclass(frozen=True)
class Opened:
    """Everything the editor shows of one invoice; ``data`` is None for a new draft."""

    people: list[tuple[int, str]]
    engagements: list[tuple[int, str]]
    data: InvoiceFields | None
    currency: str
    default_rate: Decimal
    editable: bool
    is_invoice: bool
    state: str
    title: str
    payments: tuple[PaymentEntry, ...] = ()
    frozen_pdf: bytes | None = None


def open_invoice(db: Session, invoice_id: int | None) -> Opened:
    people = client_labels(list_clients(db))
    profile = profile_fields(db)
    if invoice_id is None:
        return Opened(
            people,
            [],
            None,
            profile.default_currency,
            profile.default_tax_rate,
            True,
            True,
            _("New draft invoice"),
            _("Draft invoice"),
        )
    invoice = get_invoice(db, invoice_id)
    row = invoice_row(db, invoice_id, coach_today(db))
    data = InvoiceFields(
        client_id=invoice.client_id,
        engagement_id=invoice.engagement_id,
        to_sponsor=invoice.sponsor_id is not None,
        currency=invoice.currency,
        notes=invoice.notes,
        footer=invoice.footer,
        lines=[
            LineFields(x.description, x.quantity, x.unit_price, x.tax_rate, x.session_id)
            for x in invoice.lines
        ],
    )
    editable = invoice.status is InvoiceStatus.DRAFT
    kind = _("Credit note") if invoice.kind is InvoiceKind.CREDIT_NOTE else _("Invoice")
    state = _("{kind} {number}: {status}").format(
        kind=kind, number=number_text(row), status=status_label(row)
    )
    if editable:
        state = _("Draft invoice to {client}: numbered when issued").format(client=row.client)
    else:
        state += " · " + _("issued invoices cannot be changed")
    return Opened(
        people,
        [(e.id, e.title) for e in list_engagements(db, invoice.client_id)],
        data,
        invoice.currency,
        profile.default_tax_rate,
        editable,
        invoice.kind is InvoiceKind.INVOICE,
        state,
        f"{kind} {number_text(row)} – {row.client}",
        tuple(payment_history(db, invoice_id)),
        None if editable else invoice_pdf(db, invoice_id),
    )


def draft_pdf(db: Session, data: InvoiceFields, invoice_id: int | None) -> bytes:
    """The PDF of what is typed, checked by the services; nothing is stored."""
    return invoices.draft_pdf(db, data, coach_today(db), invoice_id)


def payment_text(entry: PaymentEntry, currency: str) -> str:
    text = " · ".join(
        part
        for part in (
            format_date(entry.paid_on),
            format_money(entry.amount, currency),
            words.label(entry.method),
            entry.reference,
        )
        if part
    )
    return _("{payment} (removed)").format(payment=text) if entry.removed_at else text


def totals_text(lines: list[LineFields], currency: str) -> str:
    """The tax of each rate and the totals, by the services' rounding rule, as typed."""
    totals = money.totals(((x.quantity, x.unit_price, x.tax_rate) for x in lines), currency)
    rows = [
        _("Tax {rate} on {net}: {tax}").format(
            rate=_("{rate} %").format(
                rate=format_number(t.rate, max(0, -int(t.rate.as_tuple().exponent)))
            ),
            net=format_money(t.net, currency),
            tax=format_money(t.tax, currency),
        )
        for t in totals.taxes
    ]
    rows.append(
        _("Net {net} · Tax {tax} · Total {gross}").format(
            net=format_money(totals.net, currency),
            tax=format_money(totals.tax, currency),
            gross=format_money(totals.gross, currency),
        )
    )
    return "\n".join(rows)
