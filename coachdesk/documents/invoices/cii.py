"""The invoice as Cross Industry Invoice XML, profile EN 16931: the data half of a Factur-X file.

Built with lxml in the order the Factur-X 1.0 XSD asks. Every figure is the one printed on the
PDF, so the paper and the XML cannot disagree. A credit note is type 381 with its amounts made
positive, as EN 16931 expects (the type says which way the money goes).

What plain data cannot say is left out rather than guessed: an address without a country (none
is printed; it is taken from the VAT number's prefix, or the seller's IBAN) is omitted, and
address lines are sent as lines, not split into street, postcode and city.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from lxml import etree

from coachdesk.documents.invoices.data import InvoiceDocument, Party
from coachdesk.documents.invoices.wording import (
    compact,
    display_name,
    is_credit_note,
    plain_decimal,
)
from coachdesk.i18n import _

RSM = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"
RAM = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"
UDT = "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100"
QDT = "urn:un:unece:uncefact:data:standard:QualifiedDataType:100"
NSMAP = {"rsm": RSM, "ram": RAM, "udt": UDT, "qdt": QDT}
EN16931 = "urn:cen.eu:en16931:2017"
INVOICE, CREDIT_NOTE = "380", "381"
UNIT = "C62"  # "one": a session, an hour or a book, as the line's description says


def _sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    prefix, name = tag.split(":")
    element = etree.SubElement(parent, f"{{{NSMAP[prefix]}}}{name}", attrs)
    if text is not None:
        element.text = text
    return element


def _amount(value: Decimal) -> str:
    return f"{value.quantize(Decimal('0.01')):f}"


def _date(parent: etree._Element, tag: str, value: date) -> None:
    _sub(_sub(parent, tag), "udt:DateTimeString", value.strftime("%Y%m%d"), format="102")


def _country(party: Party, iban: str = "") -> str:
    for code in (party.tax_id.strip().upper(), compact(iban)):
        if len(code) >= 2 and code[:2].isalpha() and code[:2].isascii():
            return "GR" if code[:2] == "EL" else code[:2]  # Greek VAT numbers start with EL
    return ""


def _party(parent: etree._Element, tag: str, party: Party, iban: str = "") -> None:
    element = _sub(parent, tag)
    _sub(element, "ram:Name", display_name(party))
    person = party.contact_name or (party.name if party.business_name else "")
    if person:
        contact = _sub(element, "ram:DefinedTradeContact")
        _sub(contact, "ram:PersonName", person)
    country = _country(party, iban)
    lines = [t.strip() for t in party.address.splitlines() if t.strip()]
    if country:
        address = _sub(element, "ram:PostalTradeAddress")
        for tag_name, text in zip(("ram:LineOne", "ram:LineTwo"), lines[:2], strict=False):
            _sub(address, tag_name, text)
        if len(lines) > 2:
            _sub(address, "ram:LineThree", ", ".join(lines[2:]))
        _sub(address, "ram:CountryID", country)
    if party.email:
        _sub(
            _sub(element, "ram:URIUniversalCommunication"), "ram:URIID", party.email, schemeID="EM"
        )
    if party.tax_id.strip():
        tax_id = "".join(party.tax_id.split()).upper()
        scheme = "VA" if tax_id[:2].isalpha() else "FC"  # a VAT number, else a tax number
        _sub(_sub(element, "ram:SpecifiedTaxRegistration"), "ram:ID", tax_id, schemeID=scheme)


def _category(rate: Decimal) -> str:
    return "S" if rate > 0 else "E"  # standard rate, else exempt (the coach's footer says why)


def _exemption_reason(doc: InvoiceDocument) -> str:
    return " ".join(doc.footer.split()) or _("Exempt from VAT")


def _tax(
    parent: etree._Element,
    rate: Decimal,
    doc: InvoiceDocument,
    amounts: tuple[Decimal, Decimal] | None,
) -> None:
    """A line's tax (``amounts`` None) or a header tax breakdown (tax, basis)."""
    tax = _sub(parent, "ram:ApplicableTradeTax")
    if amounts is not None:
        _sub(tax, "ram:CalculatedAmount", _amount(amounts[0]))
    _sub(tax, "ram:TypeCode", "VAT")
    if amounts is not None and _category(rate) == "E":
        _sub(tax, "ram:ExemptionReason", _exemption_reason(doc))
    if amounts is not None:
        _sub(tax, "ram:BasisAmount", _amount(amounts[1]))
    _sub(tax, "ram:CategoryCode", _category(rate))
    _sub(tax, "ram:RateApplicablePercent", plain_decimal(rate))


def _lines(transaction: etree._Element, doc: InvoiceDocument, sign: int) -> None:
    for number, line in enumerate(doc.lines, start=1):
        quantity, price = line.quantity * sign, line.unit_price
        if price < 0:  # EN 16931 prices are never negative: the quantity carries the sign
            quantity, price = -quantity, -price
        item = _sub(transaction, "ram:IncludedSupplyChainTradeLineItem")
        _sub(_sub(item, "ram:AssociatedDocumentLineDocument"), "ram:LineID", str(number))
        _sub(_sub(item, "ram:SpecifiedTradeProduct"), "ram:Name", line.description)
        agreement = _sub(item, "ram:SpecifiedLineTradeAgreement")
        _sub(_sub(agreement, "ram:NetPriceProductTradePrice"), "ram:ChargeAmount", f"{price:f}")
        delivery = _sub(item, "ram:SpecifiedLineTradeDelivery")
        _sub(delivery, "ram:BilledQuantity", plain_decimal(quantity), unitCode=UNIT)
        settlement = _sub(item, "ram:SpecifiedLineTradeSettlement")
        _tax(settlement, line.tax_rate, doc, None)
        summation = _sub(settlement, "ram:SpecifiedTradeSettlementLineMonetarySummation")
        _sub(summation, "ram:LineTotalAmount", _amount(line.net * sign))


def _settlement(transaction: etree._Element, doc: InvoiceDocument, sign: int) -> None:
    settlement = _sub(transaction, "ram:ApplicableHeaderTradeSettlement")
    if not is_credit_note(doc):
        _sub(settlement, "ram:PaymentReference", doc.number)
    _sub(settlement, "ram:InvoiceCurrencyCode", doc.currency.upper())
    iban = compact(doc.payment.iban)
    if iban and not is_credit_note(doc):
        means = _sub(settlement, "ram:SpecifiedTradeSettlementPaymentMeans")
        _sub(means, "ram:TypeCode", "58" if doc.currency.upper() == "EUR" else "30")
        account = _sub(means, "ram:PayeePartyCreditorFinancialAccount")
        _sub(account, "ram:IBANID", iban)
        if doc.payment.account_holder:
            _sub(account, "ram:AccountName", doc.payment.account_holder)
        if doc.payment.bic.strip():
            institution = _sub(means, "ram:PayeeSpecifiedCreditorFinancialInstitution")
            _sub(institution, "ram:BICID", compact(doc.payment.bic))
    for tax in doc.taxes:
        _tax(settlement, tax.rate, doc, (tax.tax * sign, tax.net * sign))
    if doc.due_date is not None and not is_credit_note(doc):
        _date(
            _sub(settlement, "ram:SpecifiedTradePaymentTerms"), "ram:DueDateDateTime", doc.due_date
        )
    totals = _sub(settlement, "ram:SpecifiedTradeSettlementHeaderMonetarySummation")
    _sub(
        totals, "ram:LineTotalAmount", _amount(sum((ln.net for ln in doc.lines), Decimal(0)) * sign)
    )
    _sub(totals, "ram:TaxBasisTotalAmount", _amount(doc.net_total * sign))
    _sub(
        totals, "ram:TaxTotalAmount", _amount(doc.tax_total * sign), currencyID=doc.currency.upper()
    )
    _sub(totals, "ram:GrandTotalAmount", _amount(doc.gross_total * sign))
    _sub(totals, "ram:TotalPrepaidAmount", _amount(doc.paid * sign))
    _sub(totals, "ram:DuePayableAmount", _amount(doc.balance * sign))
    if is_credit_note(doc) and doc.credit_for:
        _sub(
            _sub(settlement, "ram:InvoiceReferencedDocument"),
            "ram:IssuerAssignedID",
            doc.credit_for,
        )


def cii_xml(doc: InvoiceDocument) -> bytes:
    """The Factur-X EN 16931 XML of an issued invoice or credit note, UTF-8 encoded."""
    sign = -1 if is_credit_note(doc) and doc.gross_total < 0 else 1
    root = etree.Element(f"{{{RSM}}}CrossIndustryInvoice", nsmap=NSMAP)
    context = _sub(root, "rsm:ExchangedDocumentContext")
    _sub(_sub(context, "ram:GuidelineSpecifiedDocumentContextParameter"), "ram:ID", EN16931)
    header = _sub(root, "rsm:ExchangedDocument")
    _sub(header, "ram:ID", doc.number)
    _sub(header, "ram:TypeCode", CREDIT_NOTE if is_credit_note(doc) else INVOICE)
    _date(header, "ram:IssueDateTime", doc.issue_date)
    if doc.notes.strip():
        _sub(_sub(header, "ram:IncludedNote"), "ram:Content", doc.notes.strip())
    transaction = _sub(root, "rsm:SupplyChainTradeTransaction")
    _lines(transaction, doc, sign)
    agreement = _sub(transaction, "ram:ApplicableHeaderTradeAgreement")
    _party(agreement, "ram:SellerTradeParty", doc.seller, doc.payment.iban)
    _party(agreement, "ram:BuyerTradeParty", doc.buyer)
    if doc.buyer.purchase_order:
        order = _sub(agreement, "ram:BuyerOrderReferencedDocument")
        _sub(order, "ram:IssuerAssignedID", doc.buyer.purchase_order)
    _sub(transaction, "ram:ApplicableHeaderTradeDelivery")
    _settlement(transaction, doc, sign)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
