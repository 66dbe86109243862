"""Reading documents back: text with pypdf, embedded fonts, and qpdf's structural check."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject


def reader(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def text(pdf: bytes) -> str:
    """All pages' text with runs of whitespace collapsed to one space."""
    raw = "\n".join(page.extract_text() or "" for page in reader(pdf).pages)
    return re.sub(r"\s+", " ", raw)


def page_count(pdf: bytes) -> int:
    return len(reader(pdf).pages)


def _fonts(resources: DictionaryObject) -> list[DictionaryObject]:
    found = []
    fonts = resources.get("/Font")
    if fonts is not None:
        found += [f.get_object() for f in fonts.get_object().values()]
    xobjects = resources.get("/XObject")
    if xobjects is not None:
        for xobj in xobjects.get_object().values():
            inner = xobj.get_object().get("/Resources")
            if inner is not None:
                found += _fonts(inner.get_object())
    return found


def unembedded_fonts(pdf: bytes) -> list[str]:
    """Names of fonts used on any page without an embedded font program."""
    bad = []
    for page in reader(pdf).pages:
        for font in _fonts(page["/Resources"].get_object()):
            descendants = font.get("/DescendantFonts")
            target = descendants[0].get_object() if descendants else font
            descriptor = target.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            if not any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                bad.append(str(font.get("/BaseFont")))
    return bad


def font_names(pdf: bytes) -> set[str]:
    return {
        str(f.get("/BaseFont"))
        for page in reader(pdf).pages
        for f in _fonts(page["/Resources"].get_object())
    }


def qpdf_check(pdf: bytes, tmp_path: Path) -> None:
    """``qpdf --check`` passes; skipped (with the reason) where qpdf is not installed."""
    qpdf = shutil.which("qpdf")
    if qpdf is None:
        pytest.skip("qpdf is not installed (apt-get install qpdf)")
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    result = subprocess.run(
        [qpdf, "--check", str(path)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def assert_well_formed(pdf: bytes, tmp_path: Path) -> None:
    """Every font embedded, no standard-14 Helvetica, and qpdf finds no error."""
    assert pdf.startswith(b"%PDF-")
    assert unembedded_fonts(pdf) == []
    assert not any("Helvetica" in name for name in font_names(pdf))
    qpdf_check(pdf, tmp_path)
