"""How an invoice's figures and parties read on paper, shared by the invoice and its reminder."""

from __future__ import annotations

from decimal import Decimal

from coachdesk.documents.invoices.data import InvoiceDocument, Party
from coachdesk.formatting import format_money, format_percent
from coachdesk.i18n import _


def money(doc: InvoiceDocument, amount: Decimal) -> str:
    return format_money(amount, doc.currency)


def plain_decimal(value: Decimal) -> str:
    """``Decimal("1.50")`` -> ``"1.5"``, ``Decimal("20.00")`` -> ``"20"``: no exponent, no
    trailing zeros."""
    text = f"{value.normalize():f}"
    return "0" if text in ("-0", "") else text


def rate_text(rate: Decimal) -> str:
    return format_percent(rate)


def compact(code: str) -> str:
    """An IBAN or BIC as banks read it: no spaces, upper case."""
    return "".join(code.split()).upper()


def grouped(iban: str) -> str:
    """An IBAN in groups of four, as printed on bank statements."""
    code = compact(iban)
    return " ".join(code[i : i + 4] for i in range(0, len(code), 4))


def is_credit_note(doc: InvoiceDocument) -> bool:
    return doc.kind == "credit_note"


def title(doc: InvoiceDocument) -> str:
    if is_credit_note(doc):
        return _("Draft credit note") if not doc.number else _("Credit note")
    return _("Draft invoice") if not doc.number else _("Invoice")


def number_text(doc: InvoiceDocument) -> str:
    return doc.number or _("DRAFT")


def display_name(party: Party) -> str:
    return party.business_name or party.name


def party_lines(party: Party, *, buyer: bool) -> list[tuple[str, bool]]:
    """The party's block, line by line, with whether a line is the bold name."""
    lines: list[tuple[str, bool]] = [(display_name(party), True)]
    if party.business_name and party.name and party.name != party.business_name:
        lines.append((party.name, False))
    if party.contact_name:
        lines.append((_("Attn: {name}").format(name=party.contact_name), False))
    lines += [(t.strip(), False) for t in party.address.splitlines() if t.strip()]
    if party.email:
        lines.append((party.email, False))
    if party.tax_id:
        lines.append((_("VAT number: {id}").format(id=party.tax_id), False))
    if buyer and party.purchase_order:
        lines.append((_("Your reference (PO): {ref}").format(ref=party.purchase_order), False))
    return lines


def beneficiary(doc: InvoiceDocument) -> str:
    """Whom the bank pays: the account holder, else the business, else the coach."""
    return doc.payment.account_holder or display_name(doc.seller)


def bank_rows(doc: InvoiceDocument) -> list[tuple[str, str]]:
    """Where to send the money, as (label, value) pairs; empty values left out."""
    pay = doc.payment
    rows = [
        (_("Account holder"), beneficiary(doc) if compact(pay.iban) else pay.account_holder),
        (_("IBAN"), grouped(pay.iban)),
        (_("BIC"), compact(pay.bic)),
        (_("Pay online"), pay.payment_link.strip()),
    ]
    return [(label, value) for label, value in rows if value.strip()]
