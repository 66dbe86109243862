"""A year's revenue by month and client, hours coached, fee per hour, and the accountant's CSV."""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal

from sqlalchemy.orm import Session

from coachdesk.model import SessionStatus
from coachdesk.services.billing import invoices, payments, revenue
from coachdesk.services.billing.invoices import InvoiceFields, LineFields
from coachdesk.services.billing.payments import PaymentFields
from tests.services import factories

D = Decimal


def issued(db: Session, client: int, day: date, *lines: LineFields) -> int:
    invoice_id = invoices.create_draft(db, InvoiceFields(client, lines=list(lines)))
    invoices.issue_invoice(db, invoice_id, day)
    return invoice_id


def test_a_year_by_month_and_by_client(coach: Session) -> None:
    amara = factories.client(coach)
    ben = factories.client(coach, name='=HYPERLINK("x")')
    for day in (3, 10):
        factories.session(
            coach, amara, factories.at(day), status=SessionStatus.COMPLETED, duration_minutes=90
        )
    factories.session(coach, amara, factories.at(12), status=SessionStatus.NO_SHOW)
    march = issued(
        coach,
        amara,
        date(2026, 3, 20),
        LineFields("Sessions", D(2), D("150.00"), D(19)),
        LineFields("Book", D(1), D("20.00"), D(7)),
    )
    april = issued(coach, ben, date(2026, 4, 2), LineFields("Talk", D(1), D("100.00"), D(0)))
    wrong = issued(coach, ben, date(2026, 4, 3), LineFields("Oops", D(1), D("10.00"), D(0)))
    invoices.credit_invoice(coach, wrong, date(2026, 5, 4))
    issued(coach, amara, date(2025, 12, 30), LineFields("Last year", D(1), D("1.00"), D(0)))
    payments.add_payment(coach, PaymentFields(march, D("378.40"), date(2026, 4, 1)))
    payments.add_payment(coach, PaymentFields(april, D("40.00"), date(2026, 4, 10)))

    year = revenue.year_revenue(coach, 2026)
    by_month = {m.month: (m.invoiced, m.paid, m.outstanding) for m in year.months}
    assert by_month[3] == (D("378.40"), D(0), D(0))
    assert by_month[4] == (D("110.00"), D("418.40"), D("60.00"))
    assert by_month[5] == (D("-10.00"), D(0), D(0))
    assert by_month[1] == (D(0), D(0), D(0))
    assert (year.invoiced, year.paid, year.outstanding) == (D("478.40"), D("418.40"), D("60.00"))
    assert [(c.client, c.invoiced, c.outstanding) for c in year.clients] == [
        ("Amara Okafor", D("378.40"), D(0)),
        ('=HYPERLINK("x")', D("100.00"), D("60.00")),
    ]
    assert year.hours_coached == D("3.00")  # held sessions only
    assert year.average_fee_per_hour == D("140.00")  # 420.00 net (credit note off) / 3 h

    rows = list(
        csv.reader(io.StringIO(revenue.accountant_csv(revenue.accountant_rows(coach, 2026))))
    )
    assert rows[0] == [
        "number",
        "kind",
        "issue date",
        "buyer",
        "currency",
        "net",
        "tax 0 %",
        "tax 7 %",
        "tax 19 %",
        "gross",
        "paid date",
        "credit for",
    ]
    assert rows[1:] == [
        [
            "2026-0001",
            "invoice",
            "2026-03-20",
            "Amara Okafor",
            "EUR",
            "320.00",
            "",
            "1.40",
            "57.00",
            "378.40",
            "2026-04-01",
            "",
        ],
        [
            "2026-0002",
            "invoice",
            "2026-04-02",
            '\'=HYPERLINK("x")',
            "EUR",
            "100.00",
            "0.00",
            "",
            "",
            "100.00",
            "",
            "",
        ],
        [
            "2026-0003",
            "invoice",
            "2026-04-03",
            '\'=HYPERLINK("x")',
            "EUR",
            "10.00",
            "0.00",
            "",
            "",
            "10.00",
            "",
            "",
        ],
        [
            "CN-2026-0001",
            "credit_note",
            "2026-05-04",
            '\'=HYPERLINK("x")',
            "EUR",
            "-10.00",
            "0.00",
            "",
            "",
            "-10.00",
            "",
            "2026-0003",
        ],
    ]
