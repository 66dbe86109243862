"""The coaching (or mentoring) agreement: a template filled from the engagement, laid out to sign.

The template's text is the coach's; this module only supplies the values (formatted in
``coachdesk.formatting``) and turns the light markup of ``templates`` into Platypus flowables.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, HRFlowable, KeepTogether, Spacer, Table

from coachdesk import words
from coachdesk.documents import templates
from coachdesk.documents.agreement_text import agreement_values
from coachdesk.documents.data import AgreementData, SigningRecord
from coachdesk.documents.pages import build_pdf, page_size
from coachdesk.documents.style import (
    INK,
    MARGIN_X,
    para,
    styles,
    table_style,
)
from coachdesk.formatting import format_date
from coachdesk.i18n import _
from coachdesk.model.enums import SigningMethod


def _signature_cell(role: str, name: str) -> list[Flowable]:
    st = styles()
    line = HRFlowable(width="100%", thickness=0.6, color=INK, spaceBefore=0, spaceAfter=2)
    return [
        para(role.upper(), st.label),
        para(name, st.h3),
        Spacer(1, 13 * mm),
        line,
        para(_("Signature"), st.label),
        Spacer(1, 8 * mm),
        HRFlowable(width="100%", thickness=0.6, color=INK, spaceBefore=0, spaceAfter=2),
        para(_("Date"), st.label),
    ]


def _signatures(blocks: list[templates.Block], width: float, lead: list[Flowable]) -> Flowable:
    """The signature blocks, kept on one page with ``lead`` (the heading and words before them).

    ``keepWithNext`` cannot reach into a ``KeepTogether``, so the lead goes inside it.
    """
    cells = []
    for block in blocks:
        role, _sep, name = block.text.partition("|")
        cells.append(_signature_cell(role.strip(), name.strip()))
    rows = [cells[i : i + 2] + [[]] * (2 - len(cells[i : i + 2])) for i in range(0, len(cells), 2)]
    gap = 12 * mm
    col = (width - gap) / 2
    table = Table(rows, colWidths=[col + gap, col], hAlign="LEFT")
    table.setStyle(
        table_style(
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (0, -1), gap),
            ("RIGHTPADDING", (1, 0), (1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 10),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        )
    )
    return KeepTogether([*lead, Spacer(1, 4 * mm), table])


def story_from_markup(text: str, width: float) -> list[Flowable]:
    """Rendered template text -> flowables: title, subtitle, headings, bullets, signatures."""
    st = styles()
    story: list[Flowable] = []
    blocks = templates.parse(text)
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if block.kind == "sign":
            run = []
            while i < len(blocks) and blocks[i].kind == "sign":
                run.append(blocks[i])
                i += 1
            lead: list[Flowable] = []
            while story and story[-1].getKeepWithNext():
                lead.insert(0, story.pop())
            story.append(_signatures(run, width, lead))
            continue
        if block.kind == "title":
            story.append(para(block.text, st.title))
        elif block.kind == "heading":
            story.append(para(block.text, st.h2))
        elif block.kind == "bullet":
            last = i + 1 >= len(blocks) or blocks[i + 1].kind != "bullet"
            style = st.bullet_last if last else st.bullet
            story.append(para(block.text, style, bullet="•"))
        elif i > 0 and blocks[i - 1].kind == "title":
            story.append(para(block.text, st.subtitle))
        else:
            style = st.body
            if i + 1 < len(blocks) and blocks[i + 1].kind in ("bullet", "sign"):
                style = st.lead_in
            story.append(para(block.text, style))
        i += 1
    return story


def signing_record(record: SigningRecord) -> list[Flowable]:
    """Who signed, when and how, printed under the text so the frozen PDF carries its proof."""
    st = styles()
    how = words.label(SigningMethod(record.method))
    lines = [_("How: {method}.").format(method=how)]
    for s in record.signatures:
        line = _("{role}: {name}, signed on {date}.") if s.name else _("{role}: signed on {date}.")
        lines.append(line.format(role=s.role, name=s.name, date=format_date(s.signed_on)))
    if record.sent_on is not None:
        lines.append(_("Sent for signing on {date}.").format(date=format_date(record.sent_on)))
    if record.scan_name:
        lines.append(
            _("The scan of the signed pages is kept with it: {name}.").format(name=record.scan_name)
        )
    rule = HRFlowable(width="100%", thickness=0.6, color=INK, spaceBefore=6, spaceAfter=4)
    return [
        KeepTogether(
            [rule, para(_("Signing record"), st.h3), *(para(line, st.body) for line in lines)]
        )
    ]


def render_agreement(data: AgreementData, template_text: str) -> bytes:
    """The agreement as PDF bytes; an unknown placeholder raises ValidationError naming it."""
    text = templates.render(template_text, agreement_values(data))
    width = page_size(data.letterhead.paper_size)[0] - 2 * MARGIN_X
    story = story_from_markup(text, width)
    if data.signing is not None:
        story += signing_record(data.signing)
    return build_pdf(
        story,
        title=f"{data.title} – {data.client_name}" if data.title else data.client_name,
        doc_date=data.agreement_date,
        letterhead=data.letterhead,
        paper_size=data.letterhead.paper_size,
        author=data.coach_name or data.letterhead.coach_name,
        subject=_("Coaching agreement")
        if data.engagement_kind != "mentoring"
        else _("Mentoring agreement"),
    )
