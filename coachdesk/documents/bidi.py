"""Hebrew, Arabic and symbols in the PDFs: right-to-left text in reading order, Arabic letters
joined, and characters the text font lacks taken from a symbol font.

ReportLab lays text out left to right, one code point after another; its own right-to-left
support needs ``rlbidi``, which is not on PyPI. So a paragraph holding right-to-left text is
broken into lines here, in logical order, with the real widths; each line is then shaped
(``arabic-reshaper``: the joined forms DejaVu Sans carries) and put in display order (the
Unicode bidirectional algorithm, ``python-bidi``), and the lines are handed to an ordinary
Paragraph, which no longer needs to wrap them. Reordering after ReportLab's own wrapping would
print a long Hebrew paragraph's last line first.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable, Paragraph

from coachdesk.documents.fonts import family

# Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation forms.
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
_STRONG = re.compile(r"[^\W\d_]")
# Arabic-script letters: only these need joining forms.
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")


def has_rtl(text: str) -> bool:
    return _RTL.search(text) is not None


def starts_rtl(text: str) -> bool:
    """Whether the first letter is right-to-left: the paragraph's own direction (Unicode's
    rule P2, as a reader sees it)."""
    first = _STRONG.search(text)
    return first is not None and _RTL.match(first.group()) is not None


def drawn(line: str) -> str:
    """A single line for the canvas (letterheads, running heads): in display order when it
    holds right-to-left text, else as it is."""
    return visual(line) if has_rtl(line) else line


def visual(line: str) -> str:
    """One line as it is drawn from left to right: Arabic joined, runs in display order."""
    from bidi import get_display

    if _ARABIC.search(line):
        line = _reshaper().reshape(line)
    return str(get_display(line, base_dir="R" if starts_rtl(line) else "L"))


@cache
def _reshaper() -> Any:
    import arabic_reshaper

    # Keep the harakat (vowel marks): DejaVu Sans draws them over the joined letters.
    return arabic_reshaper.ArabicReshaper({"delete_harakat": False})


def with_symbols(markup: str, font_name: str) -> str:
    """Platypus ``markup`` with every run of characters ``font_name`` lacks set in the symbol
    font, where the computer has one that holds them."""
    symbols = family().symbols
    if symbols is None or markup.isascii():
        return markup
    held = _charmap(font_name)
    fallback = _charmap(symbols)
    out: list[str] = []
    run: list[str] = []
    for ch in markup:
        if ord(ch) not in held and ord(ch) in fallback and not ch.isspace():
            run.append(ch)
            continue
        if run:
            out.append(f'<font name="{symbols}">{"".join(run)}</font>')
            run = []
        out.append(ch)
    if run:
        out.append(f'<font name="{symbols}">{"".join(run)}</font>')
    return "".join(out)


@cache
def _charmap(font_name: str) -> frozenset[int]:
    font = pdfmetrics.getFont(font_name)
    face = getattr(font, "face", None)
    return frozenset(getattr(face, "charToGlyph", {}))


def break_lines(text: str, font_name: str, size: float, width: float) -> list[str]:
    """``text`` in lines no wider than ``width``, broken between words in logical order (a
    word wider than the line stands alone), its own line breaks kept."""
    lines: list[str] = []
    for source in text.split("\n"):
        current = ""
        for word in source.split(" "):
            trial = f"{current} {word}" if current else word
            if current and _width(trial, font_name, size) > width:
                lines.append(current)
                current = word
            else:
                current = trial
        lines.append(current)
    return lines


def _width(text: str, font_name: str, size: float) -> float:
    shaped = _reshaper().reshape(text) if _ARABIC.search(text) else text
    return float(pdfmetrics.stringWidth(shaped, font_name, size))


class BidiParagraph(Flowable):
    """Plain text with right-to-left runs, laid out as a Paragraph of display-order lines.

    A right-to-left paragraph is set flush right (unless centred); a left-to-right one with a
    Hebrew or Arabic name in it keeps its alignment and shows the name the right way round.
    """

    def __init__(self, text: str, style: ParagraphStyle, bullet: str | None = None) -> None:
        super().__init__()
        self.text, self.style, self.bullet = text, style, bullet
        self._inner: Paragraph | None = None
        self._laid_for: float | None = None

    def _lay_out(self, width: float) -> Paragraph:
        if self._inner is None or self._laid_for != width:
            style = self.style
            room = width - style.leftIndent - style.rightIndent - 0.5
            lines = break_lines(self.text, style.fontName, style.fontSize, room)
            markup = "<br/>".join(
                with_symbols(escape(visual(line)), style.fontName) for line in lines
            )
            alignment = style.alignment
            if starts_rtl(self.text) and alignment in (TA_LEFT, TA_RIGHT):
                alignment = TA_RIGHT
            elif alignment == TA_CENTER:
                alignment = TA_CENTER
            own = ParagraphStyle(f"{style.name}-bidi", parent=style, alignment=alignment)
            self._inner = Paragraph(markup, own, bulletText=self.bullet)
            self._laid_for = width
        return self._inner

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return self._lay_out(availWidth).wrap(availWidth, availHeight)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        return self._lay_out(availWidth).split(availWidth, availHeight)

    def draw(self) -> None:
        assert self._inner is not None, "drawn before it was wrapped"
        self._inner.drawOn(self.canv, 0, 0)

    def getSpaceBefore(self) -> float:  # noqa: N802 - ReportLab's name
        return float(self.style.spaceBefore)

    def getSpaceAfter(self) -> float:  # noqa: N802 - ReportLab's name
        return float(self.style.spaceAfter)
