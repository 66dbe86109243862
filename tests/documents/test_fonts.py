"""The document font covers the scripts of the clients' names, and is registered once."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from reportlab.pdfbase import pdfmetrics

from coachdesk.documents import fonts

ROOT = Path(__file__).resolve().parent.parent.parent


def test_family_is_cached_and_registered() -> None:
    first = fonts.family()
    assert fonts.family() is first
    for name in (first.regular, first.bold, first.italic, first.bold_italic, first.mono):
        assert pdfmetrics.getFont(name) is not None


def test_found_family_covers_latin_extended_greek_and_cyrillic() -> None:
    fam = fonts.family()
    if not fam.full_coverage:  # only the Vera fallback: nothing more to check
        return
    face = pdfmetrics.getFont(fam.regular).face
    for ch in "ŁŻżęőŘ" + "ΑΩαωΣ" + "ДЖЯдж" + "€–→✓○☐":
        assert ord(ch) in face.charToGlyph, ch


def test_without_system_fonts_vera_is_embedded_instead() -> None:
    code = (
        "from coachdesk.documents import fonts\n"
        "fonts._CANDIDATES = ()\n"
        "fonts._MONO_CANDIDATES = ()\n"
        "from coachdesk.documents.session_summary import render_session_summary\n"
        "from tests.documents import samples\n"
        "from tests.documents.pdfcheck import font_names, unembedded_fonts\n"
        "pdf = render_session_summary(samples.session_summary(client_name='Zoe'))\n"
        "assert fonts.family().source == 'Bitstream Vera', fonts.family()\n"
        "assert unembedded_fonts(pdf) == [], unembedded_fonts(pdf)\n"
        "print(sorted(font_names(pdf)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "Vera" in result.stdout
