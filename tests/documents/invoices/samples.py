"""Sample invoices for the invoice document tests: figures computed here as the services would."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from coachdesk.documents.invoices.data import (
    InvoiceDocument,
    InvoiceLine,
    Party,
    PaymentDetails,
    TaxSummary,
)
from tests.documents.samples import LETTERHEAD

CENT = Decimal("0.01")
BUYER = "Zoë Łukasz-Дмитрий"
IBAN = "DE89370400440532013000"
BIC = "COBADEFFXXX"

SELLER = Party(
    name="Amélie Laurent",
    business_name="Clearwater Coaching GmbH",
    address="Hafenstraße 12\n10115 Berlin\nGermany",
    email="amelie@clearwater.example",
    tax_id="DE136695976",
)
SPONSOR = Party(
    name=BUYER,
    business_name="Northwind Analytics GmbH",
    address="Lindenallee 4\n80331 München\nGermany",
    email="accounts@northwind.example",
    tax_id="DE811907980",
    purchase_order="PO-77841",
    contact_name="Jonas Weber",
)


def line(description: str, quantity: str, unit_price: str, rate: str) -> InvoiceLine:
    q, p = Decimal(quantity), Decimal(unit_price)
    return InvoiceLine(description, q, p, Decimal(rate), (q * p).quantize(CENT, ROUND_HALF_UP))


LINES = (
    line("Coaching session, 3 March 2026 (60 minutes)", "1", "180.00", "19"),
    line("Coaching session, 17 March 2026 (90 minutes)", "1.5", "180.00", "19"),
    line("Leadership workbook", "2", "24.95", "7"),
)


def invoice(
    lines: tuple[InvoiceLine, ...] = LINES,
    paid: str = "0",
    **changes: object,
) -> InvoiceDocument:
    """An invoice with its tax summed per rate and rounded half-up, as the services do."""
    rates = sorted({ln.tax_rate for ln in lines})
    taxes = []
    for rate in rates:
        net = sum((ln.net for ln in lines if ln.tax_rate == rate), Decimal(0))
        taxes.append(TaxSummary(rate, net, (net * rate / 100).quantize(CENT, ROUND_HALF_UP)))
    net_total = sum((t.net for t in taxes), Decimal(0))
    tax_total = sum((t.tax for t in taxes), Decimal(0))
    gross = net_total + tax_total
    doc = InvoiceDocument(
        kind="invoice",
        number="2026-0007",
        issue_date=date(2026, 3, 31),
        due_date=date(2026, 4, 14),
        currency="EUR",
        seller=SELLER,
        buyer=SPONSOR,
        lines=lines,
        taxes=tuple(taxes),
        net_total=net_total,
        tax_total=tax_total,
        gross_total=gross,
        paid=Decimal(paid),
        balance=gross - Decimal(paid),
        payment=PaymentDetails(
            iban=IBAN,
            bic=BIC,
            account_holder="Clearwater Coaching GmbH",
            payment_link="https://pay.example/clearwater/2026-0007",
        ),
        notes="Thank you for the work we did together this month.",
        footer="Clearwater Coaching GmbH · Amtsgericht Berlin HRB 123456",
        letterhead=replace(
            LETTERHEAD,
            business_name="Clearwater Coaching GmbH",
            postal_address="Hafenstraße 12\n10115 Berlin",
        ),
    )
    return replace(doc, **changes)  # type: ignore[arg-type]


def credit_note() -> InvoiceDocument:
    """The credit note cancelling ``invoice()``: the same lines with negative amounts."""
    negative = tuple(replace(ln, quantity=-ln.quantity, net=-ln.net) for ln in LINES)
    return invoice(
        lines=negative,
        kind="credit_note",
        number="CN-2026-0002",
        issue_date=date(2026, 4, 2),
        due_date=None,
        credit_for="2026-0007",
        notes="",
    )
