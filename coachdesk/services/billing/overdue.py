"""The invoices past their due date with money still owed, most overdue first, for Today.

Overdue is derived, never stored (see ``listing``): an issued invoice whose payments do not
cover it after its due date. Amounts are text in the vault, so SQL only narrows the rows down
(comparing as floats, with room for their error) and the balances are then summed as Decimals.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import Float, cast, func, select
from sqlalchemy.orm import Session

from coachdesk.model import Client, Invoice, InvoiceKind, InvoiceStatus, Payment
from coachdesk.services.billing.ledger import paid_by_invoice

# Half the smallest minor unit of any currency (0.001): far above a float sum's error, below
# any amount still owed.
FLOAT_ROOM = 0.0005


@dataclass(frozen=True, slots=True)
class OverdueInvoice:
    id: int
    number: str
    client_id: int
    client_name: str
    due_date: date
    currency: str
    balance: Decimal
    days_overdue: int


def overdue_invoices(db: Session, day: date, limit: int) -> list[OverdueInvoice]:
    """At most ``limit`` invoices overdue on ``day`` (the coach's date), the oldest due first."""
    paid = (
        select(func.total(cast(Payment.amount, Float)))
        .where(Payment.invoice_id == Invoice.id, Payment.removed_at.is_(None))
        .correlate(Invoice)
        .scalar_subquery()
    )
    query = (
        select(
            Invoice.id,
            Invoice.number,
            Invoice.client_id,
            Client.display_name,
            Invoice.due_date,
            Invoice.currency,
            Invoice.gross_total,
        )
        .join(Client, Client.id == Invoice.client_id)
        .where(
            Invoice.status == InvoiceStatus.ISSUED,
            Invoice.kind == InvoiceKind.INVOICE,
            Invoice.due_date < day,
            cast(Invoice.gross_total, Float) - paid > FLOAT_ROOM,
        )
        .order_by(Invoice.due_date, Invoice.id)
        .limit(limit)
    )
    rows = db.execute(query).all()
    got = paid_by_invoice(db, [r.id for r in rows])
    found = []
    for ident, number, client_id, name, due, currency, total in rows:
        balance = total - got.get(ident, Decimal(0))
        if balance > 0 and due is not None:  # due_date < day has left out those without
            found.append(
                OverdueInvoice(
                    ident, number or "", client_id, name, due, currency, balance, (day - due).days
                )
            )
    return found
