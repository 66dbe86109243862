"""Reading what every billing rule needs: an invoice by id, and what has been paid on invoices."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from coachdesk.errors import ValidationError
from coachdesk.i18n import _
from coachdesk.model import Invoice, Payment


def get_invoice(db: Session, invoice_id: int) -> Invoice:
    invoice = db.get(Invoice, invoice_id)
    if invoice is None:
        raise ValidationError(
            {"invoice": _("There is no invoice with id {id}.").format(id=invoice_id)}
        )
    return invoice


def paid_by_invoice(
    db: Session, invoice_ids: Iterable[int] | Select[int] | None = None
) -> dict[int, Decimal]:
    """The sum of payments not removed, per invoice; summed here, as Decimals, never by SQL
    (SQLite would sum the text amounts as floats). ``invoice_ids`` may be a query of ids."""
    query = select(Payment.invoice_id, Payment.amount).where(Payment.removed_at.is_(None))
    if invoice_ids is not None:
        ids = invoice_ids if isinstance(invoice_ids, Select) else list(invoice_ids)
        query = query.where(Payment.invoice_id.in_(ids))
    paid: dict[int, Decimal] = {}
    for invoice_id, amount in db.execute(query):
        paid[invoice_id] = paid.get(invoice_id, Decimal(0)) + amount
    return paid


def paid_on(db: Session, invoice_id: int) -> Decimal:
    return paid_by_invoice(db, [invoice_id]).get(invoice_id, Decimal(0))
