"""The payment reminder: the letter read back from its PDF, and the email text."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from coachdesk.documents.invoices import reminder_text, render_reminder_pdf
from coachdesk.errors import InvalidInput
from tests.documents.invoices import samples
from tests.documents.invoices.scan import qr_texts
from tests.documents.pdfcheck import reader, text

TODAY = date(2026, 5, 4)  # twenty days after the sample's due date


@pytest.fixture(scope="module")
def letter() -> bytes:
    return render_reminder_pdf(samples.invoice(paid="100.00"), TODAY)


def test_the_letter_names_the_invoice_what_is_owed_and_since_when(letter: bytes) -> None:
    out = text(letter)
    assert "Payment reminder" in out
    assert "4 May 2026" in out
    assert "Dear Jonas Weber," in out
    assert (
        "Invoice 2026-0007 of 31 March 2026 for €588.89 was due on 14 April 2026, 20 days ago."
        in out
    )
    assert "Thank you for the €100.00 already received; €488.89 is still outstanding." in out
    assert "Northwind Analytics GmbH" in out
    assert samples.BUYER in out
    assert "Kind regards, Amélie Laurent Clearwater Coaching GmbH" in out


def test_the_letter_asks_for_the_balance_with_the_bank_details_and_epc_code(
    letter: bytes,
) -> None:
    out = text(letter)
    assert "Please pay €488.89, quoting 2026-0007 as the payment reference." in out
    assert "IBAN DE89 3704 0044 0532 0130 00" in out
    epc, link = qr_texts(letter)
    assert epc.split("\n")[7:] == ["EUR488.89", "", "", "2026-0007"]
    assert link == samples.invoice().payment.payment_link


def test_the_letter_is_titled_for_the_invoice_not_the_client(letter: bytes) -> None:
    meta = reader(letter).metadata
    assert meta is not None
    assert meta.title == "Payment reminder: invoice 2026-0007"
    assert samples.BUYER not in str(dict(meta))


def test_the_email_text_says_the_same_in_plain_words() -> None:
    mail = reminder_text(samples.invoice(paid="100.00"), TODAY)
    lines = mail.splitlines()
    assert lines[0] == "Subject: Payment reminder: invoice 2026-0007"
    assert "Dear Jonas Weber," in lines
    assert "was due on 14 April 2026, 20 days ago." in mail
    assert "€488.89 is still outstanding" in mail
    for line in [
        "Amount due: €488.89",
        "Payment reference: 2026-0007",
        "Account holder: Clearwater Coaching GmbH",
        "IBAN: DE89 3704 0044 0532 0130 00",
        "BIC: COBADEFFXXX",
        "Pay online: https://pay.example/clearwater/2026-0007",
    ]:
        assert line in lines, line
    assert lines[-3:] == ["Kind regards,", "Amélie Laurent", "Clearwater Coaching GmbH"]


def test_one_day_late_and_nothing_paid_read_naturally() -> None:
    mail = reminder_text(samples.invoice(), date(2026, 4, 15))
    assert "was due on 14 April 2026, 1 day ago." in mail
    assert "According to my records, €588.89 is still outstanding." in mail
    assert "already received" not in mail


def test_without_a_contact_the_client_is_greeted_by_name() -> None:
    doc = samples.invoice()
    doc = replace(doc, buyer=replace(doc.buyer, contact_name=""))
    assert f"Dear {samples.BUYER}," in reminder_text(doc, TODAY)


def test_markup_in_client_text_prints_literally() -> None:
    doc = samples.invoice()
    doc = replace(doc, buyer=replace(doc.buyer, contact_name="<b>Jo</b> & Co"))
    assert "Dear <b>Jo</b> & Co," in text(render_reminder_pdf(doc, TODAY))


@pytest.mark.parametrize(
    "doc",
    [
        samples.invoice(paid="588.89"),
        samples.invoice(number=""),
        samples.credit_note(),
    ],
    ids=["paid", "draft", "credit note"],
)
def test_no_reminder_where_nothing_issued_is_owed(doc: object) -> None:
    with pytest.raises(InvalidInput):
        reminder_text(doc, TODAY)  # type: ignore[arg-type]
    with pytest.raises(InvalidInput):
        render_reminder_pdf(doc, TODAY)  # type: ignore[arg-type]
