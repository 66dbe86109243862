"""The Factur-X e-invoice: its XML read back from the PDF, checked by the library, totals equal."""

from __future__ import annotations

import logging
import tempfile
from decimal import Decimal
from pathlib import Path

import facturx
import pytest
from lxml import etree

from coachdesk.documents.invoices import facturx_pdf
from coachdesk.errors import InvalidInput
from tests.documents.invoices import samples
from tests.documents.pdfcheck import assert_well_formed, reader, text

NS = {
    "rsm": "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
    "ram": "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
    "udt": "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100",
}
TOTALS = "//ram:SpecifiedTradeSettlementHeaderMonetarySummation/ram:"


@pytest.fixture(scope="module")
def part_paid() -> bytes:
    return facturx_pdf(samples.invoice(paid="100.00"))


def embedded(pdf: bytes) -> etree._Element:
    """The XML the library finds in the PDF, after its own XSD check."""
    name, xml = facturx.get_xml_from_pdf(pdf, check_xsd=True)
    assert name == "factur-x.xml"
    assert facturx.xml_check_xsd(xml, flavor="factur-x", level="en16931")
    return etree.fromstring(xml)


def value(root: etree._Element, path: str) -> str:
    found = root.xpath(path, namespaces=NS)
    assert len(found) == 1, path
    return found[0].text


def test_the_library_finds_valid_en16931_xml(part_paid: bytes) -> None:
    root = embedded(part_paid)
    assert facturx.get_level(root) == "en16931"
    assert value(root, "//rsm:ExchangedDocument/ram:ID") == "2026-0007"
    assert value(root, "//rsm:ExchangedDocument/ram:TypeCode") == "380"
    assert value(root, "//ram:IssueDateTime/udt:DateTimeString") == "20260331"
    assert value(root, "//ram:DueDateDateTime/udt:DateTimeString") == "20260414"


def test_xml_totals_equal_the_printed_ones(part_paid: bytes) -> None:
    root = embedded(part_paid)
    printed = text(part_paid)
    for element, label in [
        ("TaxBasisTotalAmount", "Net total"),
        ("TaxTotalAmount", "Tax"),
        ("GrandTotalAmount", "Total"),
        ("TotalPrepaidAmount", "Paid"),
        ("DuePayableAmount", "Balance due"),
    ]:
        amount = Decimal(value(root, TOTALS + element))
        assert f"{label} €{amount:,.2f}" in printed, element
    assert value(root, TOTALS + "GrandTotalAmount") == "588.89"
    assert value(root, TOTALS + "DuePayableAmount") == "488.89"


def test_tax_per_rate_and_lines_match(part_paid: bytes) -> None:
    root = embedded(part_paid)
    breakdown = {
        value(tax, "ram:RateApplicablePercent"): (
            value(tax, "ram:BasisAmount"),
            value(tax, "ram:CalculatedAmount"),
        )
        for tax in root.xpath(
            "//ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax", namespaces=NS
        )
    }
    assert breakdown == {"7": ("49.90", "3.49"), "19": ("450.00", "85.50")}
    names = [e.text for e in root.xpath("//ram:SpecifiedTradeProduct/ram:Name", namespaces=NS)]
    assert names == [ln.description for ln in samples.LINES]


def test_parties_bank_account_and_purchase_order(part_paid: bytes) -> None:
    root = embedded(part_paid)
    seller = "//ram:SellerTradeParty/ram:"
    buyer = "//ram:BuyerTradeParty/ram:"
    assert value(root, seller + "Name") == "Clearwater Coaching GmbH"
    assert value(root, seller + "SpecifiedTaxRegistration/ram:ID") == "DE136695976"
    assert value(root, seller + "PostalTradeAddress/ram:CountryID") == "DE"
    assert value(root, buyer + "Name") == "Northwind Analytics GmbH"
    assert value(root, buyer + "DefinedTradeContact/ram:PersonName") == "Jonas Weber"
    assert value(root, buyer + "SpecifiedTaxRegistration/ram:ID") == "DE811907980"
    assert value(root, "//ram:BuyerOrderReferencedDocument/ram:IssuerAssignedID") == "PO-77841"
    assert value(root, "//ram:IBANID") == samples.IBAN
    assert value(root, "//ram:BICID") == samples.BIC


def test_a_credit_note_is_type_381_with_positive_amounts_pointing_at_the_invoice() -> None:
    pdf = facturx_pdf(samples.credit_note())
    root = embedded(pdf)
    assert value(root, "//rsm:ExchangedDocument/ram:TypeCode") == "381"
    assert value(root, "//ram:InvoiceReferencedDocument/ram:IssuerAssignedID") == "2026-0007"
    assert value(root, TOTALS + "GrandTotalAmount") == "588.89"
    assert "Total -€588.89" in text(pdf)  # the paper keeps the sign the coach's books use


def test_a_zero_rate_is_an_exemption_with_the_coachs_reason() -> None:
    doc = samples.invoice(
        lines=(samples.line("Coaching session", "1", "150", "0"),),
        footer="TVA non applicable, art. 293 B du CGI",
    )
    root = embedded(facturx_pdf(doc))
    tax = "//ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax/ram:"
    assert value(root, tax + "CategoryCode") == "E"
    assert value(root, tax + "ExemptionReason") == "TVA non applicable, art. 293 B du CGI"


def test_non_latin_names_survive_in_pdf_and_xml(part_paid: bytes, tmp_path: Path) -> None:
    assert samples.BUYER in text(part_paid)
    assert_well_formed(part_paid, tmp_path)


def test_the_file_declares_pdfa3_with_an_output_intent(part_paid: bytes) -> None:
    pdf = reader(part_paid)
    xmp = pdf.xmp_metadata
    assert xmp is not None
    assert b"<pdfaid:part>3</pdfaid:part>" in xmp.stream.get_data()
    intents = pdf.trailer["/Root"]["/OutputIntents"]
    assert intents[0].get_object()["/S"] == "/GTS_PDFA1"
    assert samples.BUYER not in str(dict(pdf.metadata or {}))


def test_a_draft_has_no_e_invoice() -> None:
    with pytest.raises(InvalidInput, match="draft"):
        facturx_pdf(samples.invoice(number=""))


def amounts(root: etree._Element, path: str) -> list[Decimal]:
    return [Decimal(e.text) for e in root.xpath(path, namespaces=NS)]


@pytest.mark.parametrize(
    "doc",
    [
        samples.invoice(paid="100.00"),
        samples.credit_note(),
        samples.invoice(lines=(*samples.LINES, samples.line("Loyalty discount", "1", "-50", "19"))),
    ],
    ids=["part paid", "credit note", "discount line"],
)
def test_the_sums_hold_as_en16931_calculation_rules_ask(doc: object) -> None:
    """The schematron needs a Saxon server the library cannot reach offline, so its arithmetic
    rules (BR-CO-10, -13, -14, -15, -16, BR-27, BR-S-08) are checked here."""
    root = embedded(facturx_pdf(doc))  # type: ignore[arg-type]
    line_nets = amounts(
        root, "//ram:SpecifiedTradeSettlementLineMonetarySummation/ram:LineTotalAmount"
    )
    total = {
        e: Decimal(value(root, TOTALS + e))
        for e in (
            "LineTotalAmount",
            "TaxBasisTotalAmount",
            "TaxTotalAmount",
            "GrandTotalAmount",
            "TotalPrepaidAmount",
            "DuePayableAmount",
        )
    }
    breakdown = "//ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax"
    assert sum(line_nets) == total["LineTotalAmount"]
    assert total["TaxBasisTotalAmount"] == total["LineTotalAmount"]
    assert sum(amounts(root, breakdown + "/ram:CalculatedAmount")) == total["TaxTotalAmount"]
    assert total["GrandTotalAmount"] == total["TaxBasisTotalAmount"] + total["TaxTotalAmount"]
    assert total["DuePayableAmount"] == total["GrandTotalAmount"] - total["TotalPrepaidAmount"]
    assert min(amounts(root, "//ram:NetPriceProductTradePrice/ram:ChargeAmount")) >= 0
    assert total["GrandTotalAmount"] > 0
    for tax in root.xpath(breakdown, namespaces=NS):
        rate = value(tax, "ram:RateApplicablePercent")
        lines = root.xpath(
            "//ram:IncludedSupplyChainTradeLineItem"
            f"[.//ram:RateApplicablePercent='{rate}']"
            "//ram:LineTotalAmount",
            namespaces=NS,
        )
        assert sum(Decimal(e.text) for e in lines) == Decimal(value(tax, "ram:BasisAmount"))


def test_no_temporary_file_and_no_log_record_carries_the_invoice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    # a temporary file would now fail to open (the folder does not exist), failing the test
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "absent"))
    with caplog.at_level(logging.DEBUG):
        facturx_pdf(samples.invoice())
    assert not [r for r in caplog.records if r.name.startswith("factur-x")]
    assert samples.BUYER not in caplog.text
