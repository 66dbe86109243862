"""The invoice (or credit note) PDF: parties, lines, tax per rate, totals and how to pay.

It prints the figures it is given and computes none: the services own the money rules, so the
paper can never disagree with the vault. A draft carries a DRAFT mark and no QR code, since a
banking app must never be offered a payment for an invoice that does not exist yet.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, KeepTogether, Paragraph, Spacer, Table

from coachdesk.documents.data import Letterhead
from coachdesk.documents.invoices import qr
from coachdesk.documents.invoices.data import InvoiceDocument
from coachdesk.documents.invoices.wording import (
    bank_rows,
    is_credit_note,
    money,
    number_text,
    party_lines,
    rate_text,
    title,
)
from coachdesk.documents.pages import build_pdf, page_size
from coachdesk.documents.style import (
    ACCENT,
    ACCENT_SOFT,
    INK,
    MARGIN_X,
    RULE,
    esc,
    para,
    paragraphs,
    section,
    styles,
    table_style,
)
from coachdesk.formatting import format_date, format_decimal_plain
from coachdesk.i18n import _

QR_SIZE = 30 * mm  # the EPC asks for at least 2 cm; larger scans from further away


def _label_value(rows: list[tuple[str, str]], width: float, label_w: float) -> Table:
    st = styles()
    table = Table(
        [[para(label, st.label), para(value, st.cell)] for label, value in rows],
        colWidths=[label_w, width - label_w],
        hAlign="LEFT",
    )
    table.setStyle(
        table_style(
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        )
    )
    return table


def _facts(doc: InvoiceDocument) -> list[tuple[str, str]]:
    number_label = _("Credit note number") if is_credit_note(doc) else _("Invoice number")
    rows = [(number_label, number_text(doc)), (_("Issue date"), format_date(doc.issue_date))]
    if is_credit_note(doc):
        if doc.credit_for:
            rows.append((_("Cancels invoice"), doc.credit_for))
    elif doc.due_date is not None:
        rows.append((_("Due date"), format_date(doc.due_date)))
    return rows


def _heading(doc: InvoiceDocument, width: float) -> Flowable:
    st = styles()
    facts_w = 70 * mm
    left: list[Flowable] = [para(title(doc), st.title)]
    if is_credit_note(doc) and doc.credit_for:
        left.append(
            para(_("Cancels invoice {number}").format(number=doc.credit_for), st.subtitle_tight)
        )
    table = Table(
        [[left, _label_value(_facts(doc), facts_w, 30 * mm)]],
        colWidths=[width - facts_w, facts_w],
        hAlign="LEFT",
    )
    table.setStyle(
        table_style(
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        )
    )
    return table


def _party_cell(heading: str, lines: list[tuple[str, bool]]) -> list[Flowable]:
    st = styles()
    cell: list[Flowable] = [para(heading.upper(), st.label)]
    cell += [para(text, st.h3 if strong else st.cell) for text, strong in lines]
    return cell


def _parties(doc: InvoiceDocument, width: float) -> Flowable:
    gap = 10 * mm
    col = (width - gap) / 2
    to = _("Credit to") if is_credit_note(doc) else _("Bill to")
    table = Table(
        [
            [
                _party_cell(_("From"), party_lines(doc.seller, buyer=False)),
                _party_cell(to, party_lines(doc.buyer, buyer=True)),
            ]
        ],
        colWidths=[col + gap, col],
        hAlign="LEFT",
    )
    table.setStyle(
        table_style(
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEABOVE", (0, 0), (-1, 0), 0.6, RULE),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 6),
        )
    )
    return table


def _lines_table(doc: InvoiceDocument, width: float) -> Table:
    st = styles()
    number_w = (16 * mm, 27 * mm, 16 * mm, 27 * mm)
    header = [
        para(_("Description"), st.label),
        Paragraph(esc(_("Qty")), st.label_right),
        Paragraph(esc(_("Unit price")), st.label_right),
        Paragraph(esc(_("Tax")), st.label_right),
        Paragraph(esc(_("Net")), st.label_right),
    ]
    rows: list[list[Flowable]] = [header]
    for line in doc.lines:
        rows.append(
            [
                para(line.description, st.cell),
                para(format_decimal_plain(line.quantity), st.cell_right),
                para(money(doc, line.unit_price), st.cell_right),
                para(rate_text(line.tax_rate), st.cell_right),
                para(money(doc, line.net), st.cell_right),
            ]
        )
    table = Table(rows, colWidths=[width - sum(number_w), *number_w], repeatRows=1, hAlign="LEFT")
    table.setStyle(
        table_style(
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BACKGROUND", (0, 0), (-1, 0), ACCENT_SOFT),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
            ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        )
    )
    return table


def _tax_summary(doc: InvoiceDocument, width: float) -> Table:
    st = styles()
    rows: list[list[Flowable]] = [
        [
            para(_("Tax rate"), st.label),
            Paragraph(esc(_("Net")), st.label_right),
            Paragraph(esc(_("Tax")), st.label_right),
        ]
    ]
    for tax in doc.taxes:
        rows.append(
            [
                para(rate_text(tax.rate), st.cell),
                para(money(doc, tax.net), st.cell_right),
                para(money(doc, tax.tax), st.cell_right),
            ]
        )
    table = Table(rows, colWidths=[width * 0.3, width * 0.35, width * 0.35], hAlign="LEFT")
    table.setStyle(
        table_style(
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, 0), 0.6, RULE),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        )
    )
    return table


@cache
def _strong_right() -> ParagraphStyle:
    return ParagraphStyle("strong_right", parent=styles().h3, alignment=TA_RIGHT, spaceBefore=0)


@cache
def _strong() -> ParagraphStyle:
    return ParagraphStyle("strong", parent=styles().h3, spaceBefore=0)


def _totals(doc: InvoiceDocument, width: float) -> Table:
    st = styles()
    rows = [
        (_("Net total"), money(doc, doc.net_total), False),
        (_("Tax"), money(doc, doc.tax_total), False),
        (_("Total"), money(doc, doc.gross_total), True),
    ]
    if not is_credit_note(doc):
        if doc.paid:
            rows.append((_("Paid"), money(doc, doc.paid), False))
        rows.append((_("Balance due"), money(doc, doc.balance), True))
    cells = [
        [
            para(label, _strong() if strong else st.cell),
            para(value, _strong_right() if strong else st.cell_right),
        ]
        for label, value, strong in rows
    ]
    table = Table(cells, colWidths=[width * 0.55, width * 0.45], hAlign="RIGHT")
    last = len(rows) - 1
    table.setStyle(
        table_style(
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("LINEABOVE", (0, 2), (-1, 2), 0.8, INK),
            ("BACKGROUND", (0, last), (-1, last), ACCENT_SOFT),
        )
    )
    return table


def _summary(doc: InvoiceDocument, width: float) -> Flowable:
    """The tax per rate on the left, the totals on the right, kept together on one page."""
    gap = 12 * mm
    left_w = (width - gap) * 0.5
    right_w = width - gap - left_w
    table = Table(
        [[_tax_summary(doc, left_w), _totals(doc, right_w)]],
        colWidths=[left_w + gap, right_w],
        hAlign="LEFT",
    )
    table.setStyle(
        table_style(
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (0, -1), gap),
            ("RIGHTPADDING", (1, 0), (1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 8),
        )
    )
    return table


@cache
def _caption() -> ParagraphStyle:
    return ParagraphStyle("qr_caption", parent=styles().label, alignment=TA_CENTER)


def _codes(doc: InvoiceDocument) -> list[list[Flowable]]:
    """The QR codes to print beside the bank details, each over its caption: none on a draft."""
    if not doc.number or is_credit_note(doc):
        return []
    found: list[tuple[str, str]] = []
    payload = qr.epc_payload_for(doc)
    if payload is not None:
        found.append((payload, _("Banking app")))
    link = doc.payment.payment_link.strip()
    if link and doc.balance > 0:
        found.append((link, _("Pay online")))
    return [
        [qr.QrCode(text, QR_SIZE), Paragraph(esc(caption), _caption())] for text, caption in found
    ]


def _instructions(doc: InvoiceDocument, width: float, by_due_date: bool) -> list[Flowable]:
    st = styles()
    if doc.balance <= 0:
        return [para(_("Paid in full. Thank you."), st.body)]
    reference = doc.number or _("the invoice number")
    if doc.due_date is not None and by_due_date:
        ask = _("Please pay {amount} by {date}, quoting {reference} as the payment reference.")
    else:
        ask = _("Please pay {amount}, quoting {reference} as the payment reference.")
    found: list[Flowable] = [
        para(
            ask.format(
                amount=money(doc, doc.balance),
                date=format_date(doc.due_date),
                reference=reference,
            ),
            st.body,
        )
    ]
    pay = doc.payment
    rows = bank_rows(doc)
    if rows:
        found.append(_label_value(rows, width, 30 * mm))
    if pay.other.strip():
        found += [Spacer(1, 4), *paragraphs(pay.other, st.cell)]
    return found


def payment_section(
    doc: InvoiceDocument, width: float, *, by_due_date: bool = True
) -> list[Flowable]:
    """How to pay the balance, with its QR codes: shared with the payment reminder, which asks
    without the (past) due date."""
    if is_credit_note(doc):
        return []
    codes = _codes(doc)
    space = 6 * mm  # between two codes, and between the text and the codes
    codes_w = len(codes) * (QR_SIZE + space)
    text = _instructions(doc, width - codes_w, by_due_date)
    if not codes:
        return section(_("Payment"), text)
    body = Table(
        [[text, *codes]],
        colWidths=[width - codes_w, *[QR_SIZE + space] * len(codes)],
        hAlign="LEFT",
    )
    body.setStyle(
        table_style(
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("LEFTPADDING", (1, 0), (-1, -1), space),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        )
    )
    return [KeepTogether(section(_("Payment"), [body]))]


def _draft_mark(canvas: Canvas, doc: BaseDocTemplate) -> None:
    width, height = doc.pagesize
    canvas.saveState()
    canvas.setFont(styles().title.fontName, 110)
    canvas.setFillColor(ACCENT_SOFT)
    canvas.translate(width / 2, height / 2)
    canvas.rotate(35)
    canvas.drawCentredString(0, -40, _("DRAFT"))
    canvas.restoreState()


def letterhead_of(doc: InvoiceDocument) -> Letterhead:
    """The coach's letterhead on the invoice's paper; without one, the seller's own details, so
    the top of an invoice never names anyone but the seller."""
    if doc.letterhead is not None:
        return replace(doc.letterhead, paper_size=doc.paper_size)
    seller = doc.seller
    return Letterhead(
        coach_name=seller.name,
        business_name=seller.business_name if seller.business_name != seller.name else "",
        email=seller.email,
        postal_address=seller.address,
        paper_size=doc.paper_size,
    )


def render_invoice_pdf(doc: InvoiceDocument) -> bytes:
    """The invoice or credit note as PDF bytes, on the coach's letterhead."""
    st = styles()
    width = page_size(doc.paper_size)[0] - 2 * MARGIN_X
    story: list[Flowable] = [
        _heading(doc, width),
        Spacer(1, 4 * mm),
        _parties(doc, width),
        Spacer(1, 6 * mm),
        _lines_table(doc, width),
        KeepTogether([_summary(doc, width)]),
    ]
    story += payment_section(doc, width)
    story += section(_("Notes"), paragraphs(doc.notes))
    if doc.footer.strip():
        story += [Spacer(1, 4 * mm), *paragraphs(doc.footer, st.small)]
    return build_pdf(
        story,
        title=f"{title(doc)} {doc.number}".strip(),
        doc_date=doc.issue_date,
        letterhead=letterhead_of(doc),
        paper_size=doc.paper_size,
        author=doc.seller.business_name or doc.seller.name,
        on_first=_draft_mark if not doc.number else None,
    )
