"""The plain data of an invoice, a credit note and its reminder, as services build it.

The services keep an identical copy of these names: amounts arrive already computed (per-rate tax
rounded by the services' rule), so a document only prints and never recalculates money.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from coachdesk.documents.data import Letterhead


@dataclass(frozen=True)
class Party:
    name: str
    business_name: str = ""
    address: str = ""  # multi-line
    email: str = ""
    tax_id: str = ""
    purchase_order: str = ""  # buyer only
    contact_name: str = ""


@dataclass(frozen=True)
class InvoiceLine:
    description: str
    quantity: Decimal
    unit_price: Decimal
    tax_rate: Decimal  # percent
    net: Decimal


@dataclass(frozen=True)
class TaxSummary:
    rate: Decimal
    net: Decimal
    tax: Decimal


@dataclass(frozen=True)
class PaymentDetails:
    iban: str = ""
    bic: str = ""
    account_holder: str = ""
    payment_link: str = ""
    other: str = ""


@dataclass(frozen=True)
class InvoiceDocument:
    kind: str  # "invoice" | "credit_note"
    number: str  # "" for a draft (printed as DRAFT, no QR codes)
    issue_date: date
    due_date: date | None
    currency: str
    seller: Party
    buyer: Party
    lines: tuple[InvoiceLine, ...]
    taxes: tuple[TaxSummary, ...]
    net_total: Decimal
    tax_total: Decimal
    gross_total: Decimal
    paid: Decimal
    balance: Decimal
    payment: PaymentDetails
    notes: str = ""
    footer: str = ""
    credit_for: str = ""
    letterhead: Letterhead | None = None
    paper_size: str = "A4"
