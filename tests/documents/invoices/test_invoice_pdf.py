"""The invoice and credit note PDFs, read back with pypdf, pdftotext and a QR decoder."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from coachdesk.documents.invoices import render_invoice_pdf
from tests.documents.invoices import samples
from tests.documents.invoices.scan import qr_texts
from tests.documents.pdfcheck import assert_well_formed, page_count, reader, text


@pytest.fixture(scope="module")
def part_paid() -> bytes:
    return render_invoice_pdf(samples.invoice(paid="100.00"))


def test_both_parties_are_printed_with_the_buyers_po_and_vat_number(part_paid: bytes) -> None:
    out = text(part_paid)
    for fact in [
        "Clearwater Coaching GmbH",
        "Hafenstraße 12",
        "VAT number: DE136695976",
        "Northwind Analytics GmbH",
        "Attn: Jonas Weber",
        "80331 München",
        "VAT number: DE811907980",
        "Your reference (PO): PO-77841",
    ]:
        assert fact in out, fact


def test_number_and_dates(part_paid: bytes) -> None:
    out = text(part_paid)
    assert "Invoice number 2026-0007" in out
    assert "Issue date 31 March 2026" in out
    assert "Due date 14 April 2026" in out


def test_each_line_has_its_quantity_price_rate_and_net(part_paid: bytes) -> None:
    out = text(part_paid)
    assert "Coaching session, 3 March 2026 (60 minutes) 1 €180.00 19% €180.00" in out
    assert "Coaching session, 17 March 2026 (90 minutes) 1.5 €180.00 19% €270.00" in out
    assert "Leadership workbook 2 €24.95 7% €49.90" in out


def test_tax_is_summarised_per_rate_and_totals_paid_and_balance_follow(part_paid: bytes) -> None:
    out = text(part_paid)
    assert "7% €49.90 €3.49" in out
    assert "19% €450.00 €85.50" in out
    assert "Net total €499.90" in out
    assert "Tax €88.99" in out
    assert "Total €588.89" in out
    assert "Paid €100.00" in out
    assert "Balance due €488.89" in out


def test_payment_instructions_name_the_amount_date_and_reference(part_paid: bytes) -> None:
    out = text(part_paid)
    assert "Please pay €488.89 by 14 April 2026, quoting 2026-0007" in out
    assert "IBAN DE89 3704 0044 0532 0130 00" in out
    assert "BIC COBADEFFXXX" in out
    assert "Amtsgericht Berlin HRB 123456" in out  # the coach's footer


def test_the_epc_code_scans_into_the_exact_transfer(part_paid: bytes) -> None:
    epc, link = qr_texts(part_paid)
    service, version, charset, scheme, bic, name, iban, amount, purpose, structured, ref = (
        epc.split("\n")
    )
    assert (service, version, charset, scheme) == ("BCD", "002", "1", "SCT")
    assert bic == samples.BIC
    assert name == "Clearwater Coaching GmbH"
    assert iban == samples.IBAN
    assert amount == "EUR488.89"
    assert (purpose, structured) == ("", "")
    assert ref == "2026-0007"
    assert link == "https://pay.example/clearwater/2026-0007"


def test_without_an_iban_only_the_payment_link_is_scanned() -> None:
    doc = samples.invoice()
    pdf = render_invoice_pdf(replace(doc, payment=replace(doc.payment, iban="", bic="")))
    assert qr_texts(pdf) == ["https://pay.example/clearwater/2026-0007"]


def test_a_paid_invoice_says_so_and_offers_nothing_to_scan() -> None:
    pdf = render_invoice_pdf(samples.invoice(paid="588.89"))
    assert "Paid in full. Thank you." in text(pdf)
    assert "Balance due €0.00" in text(pdf)
    assert qr_texts(pdf) == []


def test_a_draft_is_marked_and_carries_no_qr_code() -> None:
    pdf = render_invoice_pdf(samples.invoice(number=""))
    out = text(pdf)
    assert "Draft invoice" in out
    assert "Invoice number DRAFT" in out
    assert "quoting the invoice number as the payment reference" in out
    assert qr_texts(pdf) == []


def test_a_credit_note_says_so_and_names_the_invoice_it_cancels() -> None:
    pdf = render_invoice_pdf(samples.credit_note())
    out = text(pdf)
    assert "Credit note" in out
    assert "Cancels invoice 2026-0007" in out
    assert "Credit note number CN-2026-0002" in out
    assert "Leadership workbook -2 €24.95 7% -€49.90" in out
    assert "Total -€588.89" in out
    assert "Please pay" not in out
    assert "Balance due" not in out
    assert qr_texts(pdf) == []


def test_markup_in_user_text_is_printed_literally() -> None:
    doc = samples.invoice(
        lines=(samples.line('<b>Workshop</b> & "Q&A" <font size=40>x</font>', "1", "10", "0"),),
        notes="<i>not italic</i> &amp;",
    )
    out = text(render_invoice_pdf(doc))
    assert '<b>Workshop</b> & "Q&A" <font size=40>x</font>' in out
    assert "<i>not italic</i> &amp;" in out


def test_non_latin_names_print_exactly_with_embedded_fonts(
    part_paid: bytes, tmp_path: Path
) -> None:
    assert samples.BUYER in text(part_paid)
    assert_well_formed(part_paid, tmp_path)


def test_pdftotext_reads_the_same_figures(part_paid: bytes, tmp_path: Path) -> None:
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.skip("pdftotext is not installed (apt-get install poppler-utils)")
    path = tmp_path / "invoice.pdf"
    path.write_bytes(part_paid)
    out = subprocess.run(
        [pdftotext, "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert samples.BUYER in out
    assert "Balance due" in out
    assert "€488.89" in out


def test_many_lines_run_onto_further_pages_with_the_header_repeated() -> None:
    lines = tuple(samples.line(f"Session {i}", "1", "100", "19") for i in range(60))
    pdf = render_invoice_pdf(samples.invoice(lines=lines))
    assert page_count(pdf) >= 2
    second = " ".join((reader(pdf).pages[1].extract_text() or "").split())
    assert "Description Qty Unit price Tax Net" in second
    assert "Session 59" in text(pdf)
    assert f"Total €{Decimal(60 * 119):,.2f}" in text(pdf)


def test_metadata_names_the_document_not_the_client(part_paid: bytes) -> None:
    meta = reader(part_paid).metadata
    assert meta is not None
    assert meta.title == "Invoice 2026-0007"
    assert meta.author == "Clearwater Coaching GmbH"
    assert samples.BUYER not in str(dict(meta))


def test_letter_paper_is_honoured() -> None:
    pdf = render_invoice_pdf(samples.invoice(paper_size="Letter"))
    box = reader(pdf).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_pounds_print_in_pounds_and_only_the_link_is_scanned() -> None:
    pdf = render_invoice_pdf(samples.invoice(currency="GBP"))
    out = text(pdf)
    assert "Total £588.89" in out
    assert "€" not in out
    assert qr_texts(pdf) == ["https://pay.example/clearwater/2026-0007"]


def test_without_a_letterhead_the_seller_heads_the_page(tmp_path: Path) -> None:
    pdf = render_invoice_pdf(samples.invoice(letterhead=None))
    out = text(pdf)
    assert out.startswith("Amélie Laurent Clearwater Coaching GmbH amelie@clearwater.example")
    assert "CoachDesk" not in out
    assert_well_formed(pdf, tmp_path)
