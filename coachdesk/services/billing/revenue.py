"""A year of the practice's money: by month and by client, hours coached, the average fee per
hour, and the accountant's CSV (one row per invoice and credit note).

Figures are in one currency, the profile's unless asked: amounts in different currencies are
never added. Invoiced is the gross of what was issued (credit notes count negative), paid is
what came in that month, outstanding is what the month's invoices still owe today.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import extract, func, select
from sqlalchemy.orm import Session, selectinload

from coachdesk.i18n import _
from coachdesk.model import (
    Client,
    CoachingSession,
    Invoice,
    InvoiceKind,
    InvoiceStatus,
    Payment,
    SessionStatus,
)
from coachdesk.services.billing import money
from coachdesk.services.billing.ledger import paid_by_invoice
from coachdesk.services.exchange.archive.tables import guard_formulas
from coachdesk.services.people.profile import profile_fields

ZERO = Decimal(0)


@dataclass(frozen=True, slots=True)
class MonthRevenue:
    month: int
    invoiced: Decimal
    paid: Decimal
    outstanding: Decimal


@dataclass(frozen=True, slots=True)
class ClientRevenue:
    client_id: int
    client: str
    invoiced: Decimal
    paid: Decimal
    outstanding: Decimal


@dataclass(frozen=True, slots=True)
class RevenueYear:
    year: int
    currency: str
    months: tuple[MonthRevenue, ...]
    clients: tuple[ClientRevenue, ...]
    invoiced: Decimal
    paid: Decimal
    outstanding: Decimal
    hours_coached: Decimal
    average_fee_per_hour: Decimal | None


def year_revenue(db: Session, year: int, currency: str = "") -> RevenueYear:
    currency = (currency or profile_fields(db).default_currency).upper()
    zero = money.round_money(ZERO, currency)
    where = (
        Invoice.status != InvoiceStatus.DRAFT,
        Invoice.currency == currency,
        extract("year", Invoice.issue_date) == year,
    )
    rows = db.execute(
        select(
            Invoice.id,
            Invoice.kind,
            Invoice.status,
            Invoice.issue_date,
            Invoice.client_id,
            Client.display_name,
            Invoice.net_total,
            Invoice.gross_total,
        )
        .join(Client, Client.id == Invoice.client_id)
        .where(*where)
    ).all()
    paid = paid_by_invoice(db, select(Invoice.id).where(*where))
    invoiced, owed = [zero] * 12, [zero] * 12
    clients: dict[int, list] = {}
    net = zero
    for r in rows:
        month = r.issue_date.month - 1
        still = _still_owed(r.kind, r.status, r.gross_total, paid.get(r.id, ZERO))
        invoiced[month] += r.gross_total
        owed[month] += still
        net += r.net_total
        entry = clients.setdefault(r.client_id, [r.display_name, zero, zero, zero])
        entry[1] += r.gross_total
        entry[2] += paid.get(r.id, ZERO)
        entry[3] += still
    came_in = _paid_by_month(db, year, currency, zero)
    hours = _hours(db, year)
    return RevenueYear(
        year=year,
        currency=currency,
        months=tuple(MonthRevenue(m + 1, invoiced[m], came_in[m], owed[m]) for m in range(12)),
        clients=tuple(
            ClientRevenue(cid, name, inv, got, still)
            for cid, (name, inv, got, still) in sorted(
                clients.items(), key=lambda item: (-item[1][1], item[1][0])
            )
        ),
        invoiced=sum(invoiced, zero),
        paid=sum(came_in, zero),
        outstanding=sum(owed, zero),
        hours_coached=hours,
        average_fee_per_hour=money.round_money(net / hours, currency) if hours else None,
    )


def _still_owed(kind: InvoiceKind, status: InvoiceStatus, gross: Decimal, paid: Decimal) -> Decimal:
    if kind is InvoiceKind.CREDIT_NOTE or status is InvoiceStatus.CANCELLED:
        return ZERO
    return gross - paid


def _paid_by_month(db: Session, year: int, currency: str, zero: Decimal) -> list[Decimal]:
    months = [zero] * 12
    query = (
        select(Payment.paid_on, Payment.amount)
        .join(Invoice, Invoice.id == Payment.invoice_id)
        .where(
            Payment.removed_at.is_(None),
            Invoice.currency == currency,
            extract("year", Payment.paid_on) == year,
        )
    )
    for paid_on, amount in db.execute(query):
        months[paid_on.month - 1] += amount
    return months


def _hours(db: Session, year: int) -> Decimal:
    minutes = db.scalar(
        select(func.coalesce(func.sum(CoachingSession.duration_minutes), 0)).where(
            CoachingSession.status == SessionStatus.COMPLETED,
            extract("year", CoachingSession.starts_at) == year,
        )
    )
    return (Decimal(minutes or 0) / 60).quantize(Decimal("0.01"))


@dataclass(frozen=True, slots=True)
class AccountantRow:
    number: str
    kind: InvoiceKind
    issue_date: date
    buyer: str
    currency: str
    net: Decimal
    taxes: dict[Decimal, Decimal]
    gross: Decimal
    paid_date: date | None
    credit_for: str


def accountant_rows(db: Session, year: int) -> list[AccountantRow]:
    """Every invoice and credit note issued in ``year``, by number; the paid date is the last
    payment's once it is paid in full."""
    invoices = list(
        db.scalars(
            select(Invoice)
            .options(selectinload(Invoice.lines))
            .where(
                Invoice.status != InvoiceStatus.DRAFT,
                extract("year", Invoice.issue_date) == year,
            )
            .order_by(Invoice.kind != InvoiceKind.INVOICE, Invoice.number)
        )
    )
    numbers = dict(db.execute(select(Invoice.id, Invoice.number)).all())
    paid = paid_by_invoice(
        db,
        select(Invoice.id).where(
            Invoice.status != InvoiceStatus.DRAFT, extract("year", Invoice.issue_date) == year
        ),
    )
    last_payment = dict(
        db.execute(
            select(Payment.invoice_id, func.max(Payment.paid_on))
            .where(Payment.removed_at.is_(None))
            .group_by(Payment.invoice_id)
        ).all()
    )
    rows = []
    for invoice in invoices:
        totals = money.totals(
            ((x.quantity, x.unit_price, x.tax_rate) for x in invoice.lines), invoice.currency
        )
        settled = invoice.kind is InvoiceKind.INVOICE and paid.get(invoice.id, ZERO) >= totals.gross
        rows.append(
            AccountantRow(
                number=invoice.number or "",
                kind=invoice.kind,
                issue_date=invoice.issue_date or date(year, 1, 1),
                buyer=_buyer_name(invoice),
                currency=invoice.currency,
                net=totals.net,
                taxes={t.rate: t.tax for t in totals.taxes},
                gross=totals.gross,
                paid_date=last_payment.get(invoice.id) if settled else None,
                credit_for=numbers.get(invoice.credit_for_id or 0) or "",
            )
        )
    return rows


def accountant_csv(rows: list[AccountantRow]) -> str:
    """UTF-8 CSV text, one column of tax per rate used in the year; text guarded so that a
    spreadsheet never runs a buyer's name as a formula."""
    rates = sorted({rate for row in rows for rate in row.taxes})
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        [
            _("number"),
            _("kind"),
            _("issue date"),
            _("buyer"),
            _("currency"),
            _("net"),
            *[_("tax {rate} %").format(rate=rate) for rate in rates],
            _("gross"),
            _("paid date"),
            _("credit for"),
        ]
    )
    for row in rows:
        writer.writerow(
            [
                row.number,
                row.kind.value,
                row.issue_date.isoformat(),
                guard_formulas(row.buyer),
                row.currency,
                str(row.net),
                *[str(row.taxes.get(rate, "")) for rate in rates],
                str(row.gross),
                row.paid_date.isoformat() if row.paid_date else "",
                row.credit_for,
            ]
        )
    return out.getvalue()


def _buyer_name(invoice: Invoice) -> str:
    return (
        json.loads(invoice.buyer).get("name", "") if invoice.buyer else invoice.client.display_name
    )
