"""Hebrew and Arabic print in reading order and joined, emoji come from the symbol font: read
back by poppler (pdftotext reorders right-to-left runs into logical order, as a reader reads)."""

from __future__ import annotations

import subprocess
import unicodedata
from pathlib import Path

import pytest

from coachdesk.documents import fonts
from coachdesk.documents.bidi import break_lines, visual
from coachdesk.documents.session_summary import render_session_summary
from tests.documents import samples
from tests.documents.pdfcheck import font_names, text

HEBREW = "דיברנו על הפגישה של יום חמישי והכנו שלוש אפשרויות לשיחה עם המנהלת"
ARABIC = "مرحبا بكم في الجلسة"
MARKS = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u200e\u200f"))


def poppler_lines(pdf: bytes, tmp_path: Path) -> list[str]:
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    lines = (unicodedata.normalize("NFKC", line).translate(MARKS) for line in out.splitlines())
    return [" ".join(line.split()) for line in lines if line.strip()]


@pytest.fixture
def pdf() -> bytes:
    notes = " ".join([HEBREW] * 4) + f"\n\n{ARABIC}\n\nGood call 🙂"
    return render_session_summary(
        samples.session_summary(client_name="שרה כהן", shared_notes=notes)
    )


def test_a_long_hebrew_paragraph_reads_in_order_line_after_line(pdf: bytes, tmp_path) -> None:
    lines = poppler_lines(pdf, tmp_path)
    start = next(i for i, line in enumerate(lines) if line.startswith("דיברנו"))
    paragraph = " ".join(lines[start : start + 3])
    assert paragraph.startswith(" ".join([HEBREW] * 2)), "lines out of order or words reversed"


def test_arabic_is_joined_and_reads_in_order(pdf: bytes, tmp_path) -> None:
    assert "\ufee3" in text(pdf), "the initial form of meem: the letters were joined"
    assert ARABIC in poppler_lines(pdf, tmp_path)


def test_a_symbol_the_text_font_lacks_comes_from_the_symbol_font(pdf: bytes) -> None:
    family = fonts.family()
    if family.symbols is None:
        pytest.skip("no symbol font on this computer (Debian: fonts-symbola)")
    assert any(name.endswith("Symbola") for name in font_names(pdf))


def test_lines_break_in_logical_order_within_the_width() -> None:
    family = fonts.family()
    lines = break_lines(" ".join([HEBREW] * 3), family.regular, 10, 200)
    assert " ".join(lines) == " ".join([HEBREW] * 3)
    assert len(lines) > 1


def test_a_latin_line_with_a_hebrew_name_keeps_its_order() -> None:
    assert visual("Plan with שרה today") == "Plan with הרש today"
