"""The plain data an invoice or credit note is printed from, built by the services."""

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
    tax_id: str = ""  # VAT or tax number as entered
    purchase_order: str = ""  # buyer only
    contact_name: str = ""


@dataclass(frozen=True)
class InvoiceLine:
    description: str
    quantity: Decimal
    unit_price: Decimal
    tax_rate: Decimal  # percent, e.g. Decimal("19")
    net: Decimal  # quantity * unit_price, rounded to minor unit


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
    other: str = ""  # free text account details


@dataclass(frozen=True)
class InvoiceDocument:
    kind: str  # "invoice" | "credit_note"
    number: str  # "" for a draft (printed as DRAFT)
    issue_date: date
    due_date: date | None
    currency: str  # ISO 4217
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
    credit_for: str = ""  # the cancelled invoice's number, for a credit note
    letterhead: Letterhead | None = None
    paper_size: str = "A4"
