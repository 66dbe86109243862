"""Payments against issued invoices: part payments, never more than is owed, and removal of a
mistake, which stays in the invoice's history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal

from sqlalchemy.orm import Session

from coachdesk.errors import ValidationError
from coachdesk.i18n import _
from coachdesk.model import InvoiceKind, InvoiceStatus, Payment, PaymentMethod
from coachdesk.services.billing import money
from coachdesk.services.billing.ledger import get_invoice, paid_on
from coachdesk.services.validation import FieldErrors


@dataclass
class PaymentFields:
    invoice_id: int
    amount: Decimal
    paid_on: date
    method: PaymentMethod = PaymentMethod.BANK_TRANSFER
    reference: str = ""


def add_payment(db: Session, data: PaymentFields) -> int:
    invoice = get_invoice(db, data.invoice_id)
    errors = FieldErrors()
    if invoice.kind is not InvoiceKind.INVOICE or invoice.status is not InvoiceStatus.ISSUED:
        errors.add("invoice", _("Payments are recorded on issued invoices only."))
    errors.money("amount", data.amount, invoice.currency)
    if data.amount == 0:
        errors.add("amount", _("The amount must be more than zero."))
    if "amount" not in errors.errors and "invoice" not in errors.errors:
        owed = invoice.gross_total - paid_on(db, invoice.id)
        if data.amount > owed:
            message = _("That is more than the {owed} {currency} still owed on this invoice.")
            errors.add(
                "amount",
                message.format(
                    owed=money.round_money(owed, invoice.currency), currency=invoice.currency
                ),
            )
    errors.single_line("reference", data.reference)
    errors.max_length("reference", data.reference.strip(), 200)
    errors.raise_if_any()
    payment = Payment(
        invoice_id=invoice.id,
        amount=data.amount,
        paid_on=data.paid_on,
        method=PaymentMethod(data.method),
        reference=data.reference.strip(),
    )
    db.add(payment)
    db.flush()
    return payment.id


def remove_payment(db: Session, payment_id: int) -> None:
    """Mark the payment removed (a mistake); it no longer counts but the history keeps it."""
    payment = db.get(Payment, payment_id)
    if payment is None or payment.removed_at is not None:
        raise ValidationError(
            {"payment": _("There is no payment with id {id}.").format(id=payment_id)}
        )
    payment.removed_at = datetime.now(UTC)
    db.flush()
