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

from coachdesk.documents.bidi import BidiParagraph, has_rtl, with_symbols
from coachdesk.documents.fonts import family

INK = colors.HexColor("#1E2B31")
ACCENT = colors.HexColor("#0F5C63")
ACCENT_SOFT = colors.HexColor("#E3EFEF")
MUTED = colors.HexColor("#5E6B72")
RULE = colors.HexColor("#C8D1D4")
PANEL = colors.HexColor("#F3F6F7")
MARGIN_X = 20 * mm
PARAGRAPH_CHARS = 2000  # what ReportLab lays out in one piece before the cost is felt
MARGIN_TOP = 16 * mm
MARGIN_BOTTOM = 20 * mm
GRID_FONT_SIZE = 8.5  # what a table draws its plain-string cells in


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
    """Text as Platypus markup that prints literally: ``<b>&amp;`` stays ``<b>&amp;``; emoji and
    symbols the text font lacks come from the symbol font."""
    return with_symbols(escape(text).replace("\n", "<br/>"), family().regular)


def para(text: str, style: ParagraphStyle, bullet: str | None = None) -> Flowable:
    """Text as a paragraph; Hebrew or Arabic in it is shaped and set in reading order."""
    if has_rtl(text):
        return BidiParagraph(text, style, bullet)
    return Paragraph(esc(text), style, bulletText=bullet)


def paragraphs(text: str, style: ParagraphStyle | None = None) -> list[Flowable]:
    """Free text split into paragraphs at blank lines; single newlines are kept as line breaks.

    ReportLab re-wraps a paragraph from its start each time it splits one across a page, so a
    long one costs the square of its length (1 MB of notes took six minutes to print). A
    paragraph longer than ``PARAGRAPH_CHARS`` is laid out as pieces cut at its line breaks,
    or at a space when a line alone is too long, set without space between them, so the page
    reads as before.
    """
    style = style or styles().body
    blocks = [b.strip("\n") for b in text.replace("\r\n", "\n").split("\n\n")]
    found: list[Flowable] = []
    for block in blocks:
        if not block.strip():
            continue
        pieces = pieces_of(block)
        if len(pieces) == 1:
            found.append(para(block, style))
            continue
        first, middle, last = _piece_styles(style)
        found.append(para(pieces[0], first))
        found += [para(piece, middle) for piece in pieces[1:-1]]
        found.append(para(pieces[-1], last))
    return found


def pieces_of(block: str, limit: int = PARAGRAPH_CHARS) -> list[str]:
    """``block`` in pieces of at most about ``limit`` characters, cut between lines, or
    between words within a line longer than that (mid-word only if a word is)."""
    pieces: list[str] = []
    current: list[str] = []
    size = 0
    for line in _short_lines(block.split("\n"), limit):
        if current and size + len(line) > limit:
            pieces.append("\n".join(current))
            current, size = [], 0
        current.append(line)
        size += len(line) + 1
    pieces.append("\n".join(current))
    return pieces


def _short_lines(lines: list[str], limit: int) -> list[str]:
    short = []
    for line in lines:
        rest = line
        while len(rest) > limit:
            cut = rest.rfind(" ", 0, limit)
            cut = cut if cut > 0 else limit
            short.append(rest[:cut])
            rest = rest[cut:].lstrip(" ")
        short.append(rest)
    return short


def _piece_styles(style: ParagraphStyle) -> tuple[ParagraphStyle, ...]:
    """The styles of a long paragraph's first, middle and last pieces: the paragraph's space
    before and after, and none between the pieces."""
    return (
        ParagraphStyle(f"{style.name}-first", parent=style, spaceAfter=0),
        ParagraphStyle(f"{style.name}-middle", parent=style, spaceBefore=0, spaceAfter=0),
        ParagraphStyle(f"{style.name}-last", parent=style, spaceBefore=0),
    )


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
        ("FONTSIZE", (0, 0), (-1, -1), GRID_FONT_SIZE),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
    ]
    return TableStyle([*base, *commands])
