"""Payments (part, over, removed), a client's balance and a package's usage."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy.orm import Session

from coachdesk.errors import ValidationError
from coachdesk.model import FeeModel, PaymentMethod, SessionStatus
from coachdesk.services.billing import balances, invoices, listing, payments, sources
from coachdesk.services.billing.balances import Balance
from coachdesk.services.billing.invoices import InvoiceFields, LineFields
from coachdesk.services.billing.listing import ShownStatus
from coachdesk.services.billing.payments import PaymentFields
from tests.services import factories
from tests.services.billing.conftest import TODAY

D = Decimal


def issued(db: Session, client: int, price: str = "100.00") -> int:
    invoice_id = invoices.create_draft(
        db, InvoiceFields(client, lines=[LineFields("Workshop", D(1), D(price), D(0))])
    )
    invoices.issue_invoice(db, invoice_id, TODAY)
    return invoice_id


def test_part_payments_and_an_overpayment_refused(coach: Session) -> None:
    invoice_id = issued(coach, factories.client(coach))
    payments.add_payment(coach, PaymentFields(invoice_id, D("60.00"), TODAY, PaymentMethod.CASH))
    with pytest.raises(ValidationError) as caught:
        payments.add_payment(coach, PaymentFields(invoice_id, D("40.01"), TODAY))
    assert caught.value.fields == {
        "amount": "That is more than the 40.00 EUR still owed on this invoice."
    }
    for bad in (D("-5"), D("0"), D("1.234")):
        with pytest.raises(ValidationError) as caught:
            payments.add_payment(coach, PaymentFields(invoice_id, bad, TODAY))
        assert list(caught.value.fields) == ["amount"]
    row = listing.invoice_row(coach, invoice_id, TODAY)
    assert (row.paid, row.balance, row.status) == (D("60.00"), D("40.00"), ShownStatus.PART_PAID)


def test_a_payment_on_a_draft_is_refused(coach: Session) -> None:
    client = factories.client(coach)
    draft = invoices.create_draft(coach, InvoiceFields(client, lines=[LineFields("x", D(1), D(1))]))
    with pytest.raises(ValidationError) as caught:
        payments.add_payment(coach, PaymentFields(draft, D(1), TODAY))
    assert list(caught.value.fields) == ["invoice"]


def test_a_removed_payment_stops_counting_and_stays_in_the_history(coach: Session) -> None:
    invoice_id = issued(coach, factories.client(coach))
    mistake = payments.add_payment(
        coach, PaymentFields(invoice_id, D("100.00"), TODAY, reference="x")
    )
    assert listing.invoice_row(coach, invoice_id, TODAY).status is ShownStatus.PAID
    payments.remove_payment(coach, mistake)
    detail = listing.invoice_detail(coach, invoice_id, TODAY)
    assert (detail.row.paid, detail.row.status) == (D(0), ShownStatus.ISSUED)
    assert [(p.id, p.removed_at is not None) for p in detail.payments] == [(mistake, True)]
    with pytest.raises(ValidationError) as caught:
        payments.remove_payment(coach, mistake)
    assert list(caught.value.fields) == ["payment"]
    payments.add_payment(coach, PaymentFields(invoice_id, D("100.00"), TODAY))  # room again


def test_a_client_balance_counts_issued_invoices_less_credit_notes(coach: Session) -> None:
    client = factories.client(coach)
    other = factories.client(coach, name="Ben Adler")
    first, second, credited = (
        issued(coach, client),
        issued(coach, client, "50.00"),
        issued(coach, client),
    )
    issued(coach, other, "999.00")
    invoices.create_draft(coach, InvoiceFields(client, lines=[LineFields("x", D(1), D(7))]))
    invoices.credit_invoice(coach, credited, TODAY)
    payments.add_payment(coach, PaymentFields(first, D("100.00"), TODAY))
    payments.add_payment(coach, PaymentFields(second, D("20.00"), TODAY))
    assert balances.client_balance(coach, client) == [
        Balance("EUR", invoiced=D("150.00"), paid=D("120.00"), outstanding=D("30.00"))
    ]


def test_package_usage_reads_sessions_and_instalments(coach: Session) -> None:
    client = factories.client(coach)
    engagement = factories.engagement(
        coach, client, fee_model=FeeModel.PACKAGE, fee_amount=D("900.00"), planned_sessions=8
    )
    for day, status in [
        (3, "completed"),
        (5, "completed"),
        (10, "late_cancel"),
        (12, "no_show"),
        (17, "completed"),
        (19, "cancelled"),
        (24, "scheduled"),
    ]:
        factories.session(
            coach, client, factories.at(day), engagement_id=engagement, status=SessionStatus(status)
        )
    ids = sources.package_invoices(coach, engagement, instalments=3, tax_rate=D(0))
    for invoice_id in ids[:2]:
        invoices.issue_invoice(coach, invoice_id, TODAY)
        payments.add_payment(coach, PaymentFields(invoice_id, D("300.00"), TODAY))
    usage = balances.package_usage(coach, engagement)
    assert usage.words() == "5 of 8 sessions used, 3 left, paid 2 of 3 instalments"
    assert (usage.used, usage.left, usage.instalments_paid, usage.instalments) == (5, 3, 2, 3)
