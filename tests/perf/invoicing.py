"""60,000 invoices over the demo practice's 10,000 clients, inserted in bulk for the money
benchmarks: issuing them one by one would render 60,000 PDFs (an hour), and the list, revenue
and filter benchmarks read only the stored rows and totals, never the PDF.

The mix is what a practice of years holds: mostly issued invoices in EUR, some drafts, some
cancelled by a credit note, a few in other currencies; most paid, some in part, some overdue.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import func, insert, select

from coachdesk.model import (
    Invoice,
    InvoiceKind,
    InvoiceLine,
    InvoiceNumberSeries,
    InvoiceStatus,
    Payment,
    PaymentMethod,
)
from coachdesk.services.billing import money
from coachdesk.vault import Vault

INVOICES = 60_000
FIRST_DAY = date(2022, 1, 3)
LAST_DAY = date(2026, 11, 24)
STAMP = datetime(2026, 11, 25, 12, tzinfo=UTC)
PRICES = (Decimal("150.00"), Decimal("180.00"), Decimal("95.50"), Decimal("1200.00"))
RATES = (Decimal(19), Decimal(19), Decimal(7), Decimal(0))


def add_invoices(v: Vault, clients: int, count: int = INVOICES, seed: int = 12) -> None:
    """``count`` invoices (and the credit notes of the cancelled ones) with lines and payments."""
    rng = random.Random(seed)
    with v.engine.begin() as conn:
        next_id = (conn.scalar(select(func.max(Invoice.id))) or 0) + 1
    span = (LAST_DAY - FIRST_DAY).days
    invoices: list[dict[str, Any]] = []
    lines: list[dict[str, Any]] = []
    payments: list[dict[str, Any]] = []
    series: dict[tuple[InvoiceKind, int], int] = {}
    for n in range(count):
        ident = next_id + len(invoices)
        draft = rng.random() < 0.04
        issued = None if draft else FIRST_DAY + timedelta(days=rng.randrange(span))
        currency = "EUR" if rng.random() < 0.9 else rng.choice(("GBP", "CHF"))
        items = [
            (Decimal(rng.choice((1, 1, 2, 4))), rng.choice(PRICES), rng.choice(RATES))
            for _ in range(rng.choice((1, 1, 2, 3)))
        ]
        totals = money.totals(items, currency)
        cancelled = not draft and rng.random() < 0.03
        invoices.append(
            _invoice(
                ident,
                n % clients + 1,
                InvoiceKind.INVOICE,
                issued=issued,
                currency=currency,
                totals=totals,
                series=series,
            )
            | {"status": _status(draft, cancelled)}
        )
        lines.extend(_lines(ident, items))
        if cancelled:
            assert issued is not None
            negative = [(q, -p, r) for q, p, r in items]
            note = _invoice(
                ident + 1,
                n % clients + 1,
                InvoiceKind.CREDIT_NOTE,
                issued=issued + timedelta(days=rng.randrange(1, 30)),
                currency=currency,
                totals=money.totals(negative, currency),
                series=series,
            )
            invoices.append(note | {"status": InvoiceStatus.ISSUED, "credit_for_id": ident})
            lines.extend(_lines(ident + 1, negative))
        elif not draft:
            assert issued is not None
            payments.extend(_payments(rng, ident, issued, totals.gross))
    with v.engine.begin() as conn:
        conn.execute(insert(Invoice.__table__), invoices)
        conn.execute(insert(InvoiceLine.__table__), lines)
        conn.execute(insert(Payment.__table__), payments)
        conn.execute(
            insert(InvoiceNumberSeries.__table__),
            [{"kind": k, "year": y, "last_number": last} for (k, y), last in series.items()],
        )


def _status(draft: bool, cancelled: bool) -> InvoiceStatus:
    if draft:
        return InvoiceStatus.DRAFT
    return InvoiceStatus.CANCELLED if cancelled else InvoiceStatus.ISSUED


def _invoice(
    ident: int,
    client_id: int,
    kind: InvoiceKind,
    *,
    issued: date | None,
    currency: str,
    totals: money.Totals,
    series: dict[tuple[InvoiceKind, int], int],
) -> dict[str, Any]:
    number = None
    if issued is not None:
        sequence = series[(kind, issued.year)] = series.get((kind, issued.year), 0) + 1
        prefix = "CN-" if kind is InvoiceKind.CREDIT_NOTE else ""
        number = f"{prefix}{issued.year}-{sequence:04d}"
    return {
        "id": ident,
        "kind": kind,
        "number": number,
        "series_year": issued.year if issued else None,
        "client_id": client_id,
        "issue_date": issued,
        "due_date": issued + timedelta(days=14) if issued else None,
        "currency": currency,
        "net_total": totals.net,
        "tax_total": totals.tax,
        "gross_total": totals.gross,
        "credit_for_id": None,
        "created_at": STAMP,
        "updated_at": STAMP,
    }


def _lines(invoice_id: int, items: list[tuple[Decimal, Decimal, Decimal]]) -> list[dict[str, Any]]:
    return [
        {
            "invoice_id": invoice_id,
            "position": k,
            "description": f"Coaching, part {k + 1}",
            "quantity": quantity,
            "unit_price": price,
            "tax_rate": rate,
        }
        for k, (quantity, price, rate) in enumerate(items)
    ]


def _payments(
    rng: random.Random, invoice_id: int, issued: date, gross: Decimal
) -> list[dict[str, Any]]:
    """Most invoices paid (some in two parts), some part paid, the rest open; a few removed."""
    luck = rng.random()
    if luck < 0.2:
        return []
    parts = [gross] if luck < 0.6 else [(gross / 2).quantize(Decimal("0.01"))] * 2
    if luck > 0.85:
        parts = parts[:1]  # part paid
    return [
        {
            "invoice_id": invoice_id,
            "paid_on": issued + timedelta(days=rng.randrange(1, 40) * (k + 1)),
            "amount": amount,
            "method": PaymentMethod.BANK_TRANSFER,
            "reference": "",
            "removed_at": STAMP if rng.random() < 0.01 else None,
            "created_at": STAMP,
            "updated_at": STAMP,
        }
        for k, amount in enumerate(parts)
    ]
