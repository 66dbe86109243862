"""In the packaged app the documents use the DejaVu copy shipped with it, whatever the computer has.

PyInstaller marks a bundle with ``sys.frozen`` and ``sys._MEIPASS``; the spec puts DejaVu in
``_MEIPASS/fonts``. ``packaging/smoke_test.sh`` checks the real bundle's PDFs.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import reportlab

from coachdesk.documents import fonts

ROOT = Path(__file__).resolve().parent.parent.parent
DEJAVU = (
    "DejaVuSans.ttf",
    "DejaVuSans-Bold.ttf",
    "DejaVuSans-Oblique.ttf",
    "DejaVuSans-BoldOblique.ttf",
    "DejaVuSansMono.ttf",
    "DejaVuSansMono-Bold.ttf",
)


VERA = ("Vera.ttf", "VeraBd.ttf", "VeraIt.ttf", "VeraBI.ttf", "Vera.ttf", "VeraBd.ttf")


def _fake_bundle(folder: Path) -> Path:
    """A bundle's fonts folder; ReportLab's Vera stands in for DejaVu so any computer can run it."""
    vera = Path(reportlab.__file__).resolve().parent / "fonts"
    (folder / "fonts").mkdir()
    for name, stand_in in zip(DEJAVU, VERA, strict=True):
        shutil.copyfile(vera / stand_in, folder / "fonts" / name)
    return folder / "fonts"


def test_frozen_app_prefers_its_bundled_dejavu(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundled = _fake_bundle(tmp_path)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    found = next(c for c in fonts.candidates() if c[1].is_file() and c[2].is_file())
    assert found == ("DejaVu Sans", *(bundled / name for name in DEJAVU[:4]))
    mono = next(m for m in fonts.mono_candidates() if m[0].is_file() and m[1].is_file())
    assert mono == tuple(bundled / name for name in DEJAVU[4:])


def test_from_source_a_stray_meipass_is_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundled = _fake_bundle(tmp_path)
    monkeypatch.delattr(sys, "frozen", raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert fonts.bundled_fonts_dir() is None
    searched = {path.parent for c in fonts.candidates() for path in c[1:] if path is not None}
    assert bundled not in searched
    assert bundled not in {m[0].parent for m in fonts.mono_candidates()}


def test_frozen_documents_embed_the_bundled_files(tmp_path: Path) -> None:
    bundled = _fake_bundle(tmp_path)
    code = (
        "import sys\n"
        f"sys.frozen, sys._MEIPASS = True, {str(tmp_path)!r}\n"
        "from reportlab.pdfbase import pdfmetrics\n"
        "from coachdesk.documents import fonts\n"
        "f = fonts.family()\n"
        "for name in (f.regular, f.bold, f.italic, f.bold_italic):\n"
        "    print(pdfmetrics.getFont(name).face.filename)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == [str(bundled / name) for name in DEJAVU[:4]]
