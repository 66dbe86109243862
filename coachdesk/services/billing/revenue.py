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
from datetime import UTC, date, datetime
from decimal import Decimal

from sqlalchemy import extract, func, select, text
from sqlalchemy.orm import Session, selectinload

from coachdesk.i18n import _
from coachdesk.model import (
    CoachingSession,
    Invoice,
    InvoiceKind,
    InvoiceStatus,
    Payment,
    SessionStatus,
)
from coachdesk.services.billing import money
from coachdesk.services.billing.ledger import from_minor_units, paid_by_invoice
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


# One pass over the year's invoices (materialised once, each with what came in on it), summed
# twice: by month and by client. CROSS JOIN fixes the join order: without it SQLite walks every
# invoice by client instead of the year's by date.
_MINOR = "CAST(round(CAST({} AS REAL) * :scale) AS INTEGER)"
_STILL_OWED = "sum(CASE WHEN owes_nothing THEN 0 ELSE gross - got END)"
YEAR_SQL = f"""
WITH issued AS MATERIALIZED (
    SELECT id, client_id, CAST(strftime('%m', issue_date) AS INTEGER) AS month,
        {_MINOR.format("net_total")} AS net, {_MINOR.format("gross_total")} AS gross,
        kind = 'credit_note' OR status = 'cancelled' AS owes_nothing,
        coalesce((SELECT sum({_MINOR.format("p.amount")}) FROM payment AS p
            WHERE p.invoice_id = invoice.id AND p.removed_at IS NULL), 0) AS got
    FROM invoice
    WHERE status != 'draft' AND currency = :currency
        AND issue_date >= :first AND issue_date < :after
)
SELECT month, NULL, sum(gross), sum(net), {_STILL_OWED}
FROM issued GROUP BY month
UNION ALL
SELECT -s.client_id, c.display_name, sum(s.gross), sum(s.got), {_STILL_OWED}
FROM issued AS s CROSS JOIN client AS c ON c.id = s.client_id GROUP BY s.client_id
"""
PAID_SQL = f"""
SELECT CAST(strftime('%m', p.paid_on) AS INTEGER), sum({_MINOR.format("p.amount")})
FROM payment AS p CROSS JOIN invoice AS i ON i.id = p.invoice_id
WHERE p.removed_at IS NULL AND p.paid_on >= :first AND p.paid_on < :after
    AND i.currency = :currency
GROUP BY 1
"""


def year_revenue(db: Session, year: int, currency: str = "") -> RevenueYear:
    """Summed by SQLite in whole minor units (see ``ledger.minor_units`` for why that is
    exact), so a year of 12,000 invoices comes back as 12 months and a row per client."""
    currency = (currency or profile_fields(db).default_currency).upper()
    zero = money.round_money(ZERO, currency)
    params = {
        "currency": currency,
        "scale": 10 ** money.minor_places(currency),
        "first": date(year, 1, 1).isoformat(),
        "after": date(year + 1, 1, 1).isoformat(),
    }
    invoiced, owed = [zero] * 12, [zero] * 12
    net = zero
    by_client = []
    for key, name, gross, second, left in db.execute(text(YEAR_SQL), params):
        if key > 0:  # a month: its number; its second sum is the net
            invoiced[key - 1] = from_minor_units(gross, currency)
            owed[key - 1] = from_minor_units(left, currency)
            net += from_minor_units(second, currency)
        else:  # a client: minus its id; its second sum is what came in
            by_client.append((-gross, name, -key, second, left))
    by_client.sort()
    clients = tuple(
        ClientRevenue(
            client_id,
            name,
            from_minor_units(-gross, currency),
            from_minor_units(came, currency),
            from_minor_units(left, currency),
        )
        for gross, name, client_id, came, left in by_client
    )
    came_in = [zero] * 12
    for month, units in db.execute(text(PAID_SQL), params):
        came_in[month - 1] = from_minor_units(units, currency)
    hours = _hours(db, year)
    return RevenueYear(
        year=year,
        currency=currency,
        months=tuple(MonthRevenue(m + 1, invoiced[m], came_in[m], owed[m]) for m in range(12)),
        clients=clients,
        invoiced=sum(invoiced, zero),
        paid=sum(came_in, zero),
        outstanding=sum(owed, zero),
        hours_coached=hours,
        average_fee_per_hour=money.round_money(net / hours, currency) if hours else None,
    )


def _hours(db: Session, year: int) -> Decimal:
    """Held sessions starting in ``year`` as stored (UTC), read as a range of the start index."""
    minutes = db.scalar(
        select(func.coalesce(func.sum(CoachingSession.duration_minutes), 0)).where(
            CoachingSession.status == SessionStatus.COMPLETED,
            CoachingSession.starts_at >= datetime(year, 1, 1, tzinfo=UTC),
            CoachingSession.starts_at < datetime(year + 1, 1, 1, tzinfo=UTC),
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
