"""One embedded TrueType family for every document, so that Zoë, Łukasz and Дмитрий all print.

ReportLab's standard-14 fonts (Helvetica...) are not embedded and cover Latin-1 only, so every
style, table, chart label and canvas call uses the family registered here. The search prefers
families that cover Latin Extended, Greek and Cyrillic (DejaVu Sans, Noto Sans, Liberation Sans,
Arial, Segoe UI). The last resort is ReportLab's bundled Bitstream Vera, which is always present
but lacks most of Latin Extended-A (e.g. Ł, Ż) and all of Greek and Cyrillic.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

# Each candidate: (label, regular, bold, italic, bold italic); italics may be missing.
_WINDOWS_FONTS = Path(os.environ.get("WINDIR", "C:/Windows")) / "Fonts"
_CANDIDATES: tuple[tuple[str, Path, Path, Path | None, Path | None], ...] = tuple(
    (label, Path(base) / r, Path(base) / b, Path(base) / i, Path(base) / bi)
    for label, base, r, b, i, bi in (
        (
            "DejaVu Sans",
            "/usr/share/fonts/truetype/dejavu",
            "DejaVuSans.ttf",
            "DejaVuSans-Bold.ttf",
            "DejaVuSans-Oblique.ttf",
            "DejaVuSans-BoldOblique.ttf",
        ),
        (
            "DejaVu Sans",
            "/usr/share/fonts/dejavu",
            "DejaVuSans.ttf",
            "DejaVuSans-Bold.ttf",
            "DejaVuSans-Oblique.ttf",
            "DejaVuSans-BoldOblique.ttf",
        ),
        (
            "DejaVu Sans",
            "/usr/share/fonts/TTF",
            "DejaVuSans.ttf",
            "DejaVuSans-Bold.ttf",
            "DejaVuSans-Oblique.ttf",
            "DejaVuSans-BoldOblique.ttf",
        ),
        *(
            (
                "Noto Sans",
                base,
                "NotoSans-Regular.ttf",
                "NotoSans-Bold.ttf",
                "NotoSans-Italic.ttf",
                "NotoSans-BoldItalic.ttf",
            )
            for base in (
                "/usr/share/fonts/truetype/noto",
                "/usr/share/fonts/noto",
                "/usr/share/fonts/google-noto",
                "/usr/share/fonts/google-noto-vf",
            )
        ),
        (
            "Liberation Sans",
            "/usr/share/fonts/truetype/liberation",
            "LiberationSans-Regular.ttf",
            "LiberationSans-Bold.ttf",
            "LiberationSans-Italic.ttf",
            "LiberationSans-BoldItalic.ttf",
        ),
        (
            "Arial",
            "/System/Library/Fonts/Supplemental",
            "Arial.ttf",
            "Arial Bold.ttf",
            "Arial Italic.ttf",
            "Arial Bold Italic.ttf",
        ),
        (
            "Arial",
            "/Library/Fonts",
            "Arial.ttf",
            "Arial Bold.ttf",
            "Arial Italic.ttf",
            "Arial Bold Italic.ttf",
        ),
        ("Arial", str(_WINDOWS_FONTS), "arial.ttf", "arialbd.ttf", "ariali.ttf", "arialbi.ttf"),
        (
            "Segoe UI",
            str(_WINDOWS_FONTS),
            "segoeui.ttf",
            "segoeuib.ttf",
            "segoeuii.ttf",
            "segoeuiz.ttf",
        ),
    )
)
_MONO_CANDIDATES: tuple[tuple[Path, Path], ...] = tuple(
    (Path(base) / r, Path(base) / b)
    for base, r, b in (
        ("/usr/share/fonts/truetype/dejavu", "DejaVuSansMono.ttf", "DejaVuSansMono-Bold.ttf"),
        ("/usr/share/fonts/dejavu", "DejaVuSansMono.ttf", "DejaVuSansMono-Bold.ttf"),
        ("/usr/share/fonts/TTF", "DejaVuSansMono.ttf", "DejaVuSansMono-Bold.ttf"),
        ("/usr/share/fonts/truetype/noto", "NotoSansMono-Regular.ttf", "NotoSansMono-Bold.ttf"),
        (
            "/usr/share/fonts/truetype/liberation",
            "LiberationMono-Regular.ttf",
            "LiberationMono-Bold.ttf",
        ),
        ("/System/Library/Fonts/Supplemental", "Courier New.ttf", "Courier New Bold.ttf"),
        (str(_WINDOWS_FONTS), "consola.ttf", "consolab.ttf"),
    )
)


_DEJAVU = (
    "DejaVuSans.ttf",
    "DejaVuSans-Bold.ttf",
    "DejaVuSans-Oblique.ttf",
    "DejaVuSans-BoldOblique.ttf",
)
_DEJAVU_MONO = ("DejaVuSansMono.ttf", "DejaVuSansMono-Bold.ttf")
_SYMBOLA = "Symbola_hint.ttf"

# Where a font with the symbols and emoji DejaVu lacks may be (monochrome outlines: a PDF
# cannot embed colour emoji bitmaps). The packaged app brings Symbola along.
_SYMBOL_CANDIDATES = (
    Path("/usr/share/fonts/truetype/ancient-scripts") / _SYMBOLA,
    Path("/usr/share/fonts/TTF/Symbola.ttf"),
    Path("/usr/share/fonts/gdouros-symbola/Symbola.ttf"),
    Path("/usr/share/fonts/truetype/noto/NotoSansSymbols2-Regular.ttf"),
    Path("/System/Library/Fonts/Apple Symbols.ttf"),
    _WINDOWS_FONTS / "seguisym.ttf",
)


def bundled_fonts_dir() -> Path | None:
    """The packaged app's own DejaVu copy (``packaging/coachdesk.spec``), not present from source.

    It comes first so that a coach's PDFs look the same whatever fonts their computer has.
    """
    base = getattr(sys, "_MEIPASS", None)
    if not getattr(sys, "frozen", False) or base is None:
        return None
    return Path(base) / "fonts"


def candidates() -> tuple[tuple[str, Path, Path, Path | None, Path | None], ...]:
    """Text families to try, in order of preference."""
    bundled = bundled_fonts_dir()
    if bundled is None:
        return _CANDIDATES
    r, b, i, bi = (bundled / name for name in _DEJAVU)
    return (("DejaVu Sans", r, b, i, bi), *_CANDIDATES)


def mono_candidates() -> tuple[tuple[Path, Path], ...]:
    """Monospaced pairs (regular, bold) to try, in order of preference."""
    bundled = bundled_fonts_dir()
    if bundled is None:
        return _MONO_CANDIDATES
    r, b = (bundled / name for name in _DEJAVU_MONO)
    return ((r, b), *_MONO_CANDIDATES)


def symbol_candidates() -> tuple[Path, ...]:
    """Fallback fonts for symbols, in order of preference."""
    bundled = bundled_fonts_dir()
    return _SYMBOL_CANDIDATES if bundled is None else (bundled / _SYMBOLA, *_SYMBOL_CANDIDATES)


@dataclass(frozen=True)
class FontFamily:
    """Registered ReportLab font names; ``source`` says which family was found (for the log)."""

    regular: str
    bold: str
    italic: str
    bold_italic: str
    mono: str
    mono_bold: str
    source: str
    full_coverage: bool
    # The fallback for characters the text font lacks (emoji, rare symbols); None when the
    # computer has none, and such characters print as the text font's empty box.
    symbols: str | None = None


def _vera() -> tuple[str, Path, Path, Path, Path]:
    import reportlab

    base = Path(reportlab.__file__).resolve().parent / "fonts"
    return (
        "Bitstream Vera",
        base / "Vera.ttf",
        base / "VeraBd.ttf",
        base / "VeraIt.ttf",
        base / "VeraBI.ttf",
    )


@cache
def family() -> FontFamily:
    """Find, register (once per process) and return the document font family."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    found = next((c for c in candidates() if c[1].is_file() and c[2].is_file()), None)
    full = found is not None
    label, regular, bold, italic, bold_italic = found or _vera()
    italic = italic if italic and italic.is_file() else regular
    bold_italic = bold_italic if bold_italic and bold_italic.is_file() else bold
    names = ("CoachDesk", "CoachDesk-Bold", "CoachDesk-Italic", "CoachDesk-BoldItalic")
    for name, path in zip(names, (regular, bold, italic, bold_italic), strict=True):
        pdfmetrics.registerFont(TTFont(name, str(path)))
    pdfmetrics.registerFontFamily(
        names[0], normal=names[0], bold=names[1], italic=names[2], boldItalic=names[3]
    )
    for is_bold, is_italic, name in (
        (0, 0, names[0]),
        (1, 0, names[1]),
        (0, 1, names[2]),
        (1, 1, names[3]),
    ):
        addMapping(names[0], is_bold, is_italic, name)

    mono = next((m for m in mono_candidates() if m[0].is_file() and m[1].is_file()), None)
    if mono is not None:
        pdfmetrics.registerFont(TTFont("CoachDeskMono", str(mono[0])))
        pdfmetrics.registerFont(TTFont("CoachDeskMono-Bold", str(mono[1])))
        mono_names = ("CoachDeskMono", "CoachDeskMono-Bold")
    else:
        mono_names = (names[0], names[1])
    symbol_font = next((path for path in symbol_candidates() if path.is_file()), None)
    symbols = None
    if symbol_font is not None:
        pdfmetrics.registerFont(TTFont("CoachDeskSymbols", str(symbol_font)))
        symbols = "CoachDeskSymbols"
    return FontFamily(*names, *mono_names, source=label, full_coverage=full, symbols=symbols)
