"""The shared look of every document: colours, type scale and the small builders of content.

Every style names the embedded family (``fonts.family``), bullets included, so no standard-14
font reaches a PDF. Text from the user always goes through ``esc``: it prints literally.
Page furniture (letterhead, running header, footer) lives in ``pages``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Paragraph,
    TableStyle,
)

from coachdesk.documents.fonts import family

INK = colors.HexColor("#1E2B31")
ACCENT = colors.HexColor("#0F5C63")
ACCENT_SOFT = colors.HexColor("#E3EFEF")
MUTED = colors.HexColor("#5E6B72")
RULE = colors.HexColor("#C8D1D4")
PANEL = colors.HexColor("#F3F6F7")
MARGIN_X = 20 * mm
MARGIN_TOP = 16 * mm
MARGIN_BOTTOM = 20 * mm


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    h2: ParagraphStyle
    h2_free: ParagraphStyle
    h3: ParagraphStyle
    body: ParagraphStyle
    lead_in: ParagraphStyle
    bullet: ParagraphStyle
    bullet_last: ParagraphStyle
    subtitle_tight: ParagraphStyle
    milestone_done: ParagraphStyle
    milestone_open: ParagraphStyle
    label_right: ParagraphStyle
    small: ParagraphStyle
    label: ParagraphStyle
    cell: ParagraphStyle
    cell_right: ParagraphStyle
    figure: ParagraphStyle
    next_session: ParagraphStyle
    cell_check: ParagraphStyle
    key: ParagraphStyle


@cache
def styles() -> Styles:
    """The type scale: 9.5/14 body, 12.5 section headings, 20 title, 7.5 labels."""
    f = family()

    def s(name: str, **kw: Any) -> ParagraphStyle:
        base = {
            "fontName": f.regular,
            "bulletFontName": f.regular,
            "fontSize": 9.5,
            "leading": 14,
            "textColor": INK,
            "allowWidows": 0,
            "allowOrphans": 0,
        }
        return ParagraphStyle(name, **{**base, **kw})

    return Styles(
        title=s("title", fontName=f.bold, fontSize=19, leading=24, textColor=ACCENT, spaceAfter=2),
        subtitle=s("subtitle", fontSize=10.5, leading=15, textColor=MUTED, spaceAfter=10),
        h2=s(
            "h2",
            fontName=f.bold,
            fontSize=12,
            leading=16,
            textColor=ACCENT,
            spaceBefore=14,
            spaceAfter=5,
            keepWithNext=1,
        ),
        h2_free=s(
            "h2_free",
            fontName=f.bold,
            fontSize=12,
            leading=16,
            textColor=ACCENT,
            spaceBefore=14,
            spaceAfter=5,
        ),
        h3=s(
            "h3",
            fontName=f.bold,
            fontSize=10,
            leading=14,
            spaceBefore=6,
            spaceAfter=2,
            keepWithNext=1,
        ),
        body=s("body", spaceAfter=6),
        lead_in=s("lead_in", spaceAfter=3, keepWithNext=1),
        bullet=s("bullet", leftIndent=14, bulletIndent=3, spaceAfter=2),
        bullet_last=s("bullet_last", leftIndent=14, bulletIndent=3, spaceAfter=7),
        subtitle_tight=s(
            "subtitle_tight", fontSize=10.5, leading=15, textColor=MUTED, spaceAfter=1
        ),
        milestone_done=s(
            "milestone_done", fontSize=8.5, leading=12, leftIndent=15, bulletColor=ACCENT
        ),
        milestone_open=s(
            "milestone_open", fontSize=8.5, leading=12, leftIndent=15, textColor=MUTED
        ),
        label_right=s("label_right", fontSize=7.5, leading=10, textColor=MUTED, alignment=TA_RIGHT),
        small=s("small", fontSize=8, leading=11, textColor=MUTED),
        label=s("label", fontSize=7.5, leading=10, textColor=MUTED),
        cell=s("cell", fontSize=8.5, leading=12),
        cell_right=s("cell_right", fontSize=8.5, leading=12, alignment=TA_RIGHT),
        next_session=s("next_session", fontName=f.bold, fontSize=10.5, leading=15),
        cell_check=s("cell_check", fontSize=9, leading=13, leftIndent=15, bulletFontSize=10),
        key=s("key", fontName=f.mono_bold, fontSize=19, leading=30, alignment=TA_CENTER),
        figure=s("figure", fontName=f.bold, fontSize=15, leading=18, textColor=ACCENT),
    )


def esc(text: str) -> str:
    """Text as Platypus markup that prints literally: ``<b>&amp;`` stays ``<b>&amp;``."""
    return escape(text).replace("\n", "<br/>")


def para(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(esc(text), style)


def paragraphs(text: str, style: ParagraphStyle | None = None) -> list[Flowable]:
    """Free text split into paragraphs at blank lines; single newlines are kept as line breaks."""
    style = style or styles().body
    blocks = [b.strip("\n") for b in text.replace("\r\n", "\n").split("\n\n")]
    return [para(b, style) for b in blocks if b.strip()]


def section(
    title: str, flowables: Sequence[Flowable], *, long_table: bool = False
) -> list[Flowable]:
    """A heading and its content, or nothing at all: empty sections are omitted, never blank.

    ``long_table``: the content is a table that may run for pages; ReportLab's keep-with-next
    would push it whole onto a new page, so the heading only asks for room for a few rows.
    """
    if not flowables:
        return []
    if long_table:
        return [CondPageBreak(45 * mm), para(title, styles().h2_free), *flowables]
    return [para(title, styles().h2), *flowables]


def table_style(*commands: tuple[Any, ...]) -> TableStyle:
    """A TableStyle whose cells name the embedded font: Table sets a cell's font even when the
    cell holds flowables, and its default is Helvetica."""
    f = family()
    base: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), f.regular),
        ("FONTSIZE", (0, 0), (-1, -1), 8.5),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
    ]
    return TableStyle([*base, *commands])
