"""The payment reminder for an unpaid invoice: a polite letter (PDF) and the same words as plain
text the coach pastes into an email. Both say the same thing because both come from
``_paragraphs``.
"""

from __future__ import annotations

from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from coachdesk.documents.invoices.data import InvoiceDocument
from coachdesk.documents.invoices.invoice import letterhead_of, payment_section
from coachdesk.documents.invoices.wording import (
    bank_rows,
    display_name,
    is_credit_note,
    money,
    party_lines,
)
from coachdesk.documents.pages import build_pdf, page_size
from coachdesk.documents.style import MARGIN_X, para, styles
from coachdesk.errors import InvalidInput
from coachdesk.formatting import format_date
from coachdesk.i18n import _, ngettext


def _check(doc: InvoiceDocument) -> None:
    if is_credit_note(doc) or not doc.number:
        raise InvalidInput(_("Only an issued invoice can have a payment reminder."))
    if doc.balance <= 0:
        raise InvalidInput(_("Nothing is owed on this invoice, so there is nothing to remind."))


def subject(doc: InvoiceDocument) -> str:
    return _("Payment reminder: invoice {number}").format(number=doc.number)


def _greeting(doc: InvoiceDocument) -> str:
    buyer = doc.buyer
    name = buyer.contact_name or buyer.name or buyer.business_name
    return _("Dear {name},").format(name=name)


def _facts(doc: InvoiceDocument, today: date) -> str:
    """What is owed and since when, counted in days past the due date."""
    days = (today - doc.due_date).days if doc.due_date is not None else 0
    if doc.due_date is None:
        template = _("Invoice {number} of {issued} for {total} has not been paid yet.")
    elif days <= 0:
        template = _("Invoice {number} of {issued} for {total} falls due on {due}.")
    else:
        template = ngettext(
            "Invoice {number} of {issued} for {total} was due on {due}, {days} day ago.",
            "Invoice {number} of {issued} for {total} was due on {due}, {days} days ago.",
            days,
        )
    facts = template.format(
        number=doc.number,
        issued=format_date(doc.issue_date),
        total=money(doc, doc.gross_total),
        due=format_date(doc.due_date),
        days=days,
    )
    if doc.paid > 0:
        owed = _(
            "Thank you for the {paid} already received; {balance} is still outstanding."
        ).format(paid=money(doc, doc.paid), balance=money(doc, doc.balance))
    else:
        owed = _("According to my records, {balance} is still outstanding.").format(
            balance=money(doc, doc.balance)
        )
    return f"{facts} {owed}"


def _paragraphs(doc: InvoiceDocument, today: date) -> list[str]:
    """The letter's words, salutation to the line before the payment details."""
    return [
        _greeting(doc),
        _("I hope you are well. This is a friendly reminder about an unpaid invoice."),
        _facts(doc, today),
        _(
            "If you have already paid, thank you, and please disregard this reminder. "
            "Otherwise I would be grateful if you could pay at your earliest convenience. "
            "If anything about the invoice is unclear, just reply and I will gladly help."
        ),
    ]


def _signature(doc: InvoiceDocument) -> list[str]:
    seller = doc.seller
    names = [seller.name, seller.business_name if seller.business_name != seller.name else ""]
    return [_("Kind regards,"), *[n for n in names if n]]


def reminder_text(doc: InvoiceDocument, today: date) -> str:
    """The reminder as plain text for an email: subject line first, then the letter."""
    _check(doc)
    details = [
        _("Amount due: {amount}").format(amount=money(doc, doc.balance)),
        _("Payment reference: {number}").format(number=doc.number),
        *(f"{label}: {value}" for label, value in bank_rows(doc)),
    ]
    if doc.payment.other.strip():
        details.append(doc.payment.other.strip())
    parts = [
        _("Subject: {subject}").format(subject=subject(doc)),
        *_paragraphs(doc, today),
        "\n".join(details),
        "\n".join(_signature(doc)),
    ]
    return "\n\n".join(parts) + "\n"


def render_reminder_pdf(doc: InvoiceDocument, today: date) -> bytes:
    """The reminder as a letter on the coach's letterhead, with the invoice's payment details."""
    _check(doc)
    st = styles()
    width = page_size(doc.paper_size)[0] - 2 * MARGIN_X
    address = party_lines(doc.buyer, buyer=True)
    story: list[Flowable] = [
        *(para(text, st.h3 if strong else st.cell) for text, strong in address),
        Spacer(1, 8 * mm),
        para(format_date(today), st.body),
        para(_("Payment reminder"), st.title),
        para(
            _("Invoice {number} · {balance} outstanding").format(
                number=doc.number, balance=money(doc, doc.balance)
            ),
            st.subtitle,
        ),
    ]
    story += [para(text, st.body) for text in _paragraphs(doc, today)]
    story += payment_section(doc, width, by_due_date=False)
    closing, *names = _signature(doc)
    story += [Spacer(1, 6 * mm), para(closing, st.body), *(para(name, st.cell) for name in names)]
    return build_pdf(
        story,
        title=subject(doc),
        doc_date=today,
        letterhead=letterhead_of(doc),
        paper_size=doc.paper_size,
        author=display_name(doc.seller),
    )
