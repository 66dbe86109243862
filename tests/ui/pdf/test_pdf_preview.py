"""PDF preview, printing and saving, with real PDFs from the documents layer.

Printing goes through a real ``QPrinter`` writing a PDF file, read back with pypdf: the printed
pages are images of ours (no text layer), so page counts and sizes are what is checked.
"""

from __future__ import annotations

import io
import os
import stat
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QImage
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog

from coachdesk.documents.data import (
    Letterhead,
    RecoverySheetData,
    SessionAction,
    SessionSummaryData,
)
from coachdesk.documents.recovery_sheet import render_recovery_sheet
from coachdesk.documents.session_summary import render_session_summary
from coachdesk.errors import InvalidInput
from coachdesk.ui.pdf import files as pdf_files
from coachdesk.ui.pdf import printing
from coachdesk.ui.pdf.preview import PdfPreview, PdfPreviewDialog
from coachdesk.ui.pdf.printing import PrintJob, pages_to_print, print_pdf
from coachdesk.ui.pdf.render import page_sizes, render_page

WAIT_MS = 10_000
A4_RATIO = 841.89 / 595.28


@pytest.fixture(scope="module")
def long_pdf() -> bytes:
    """A session summary long enough to run over several pages."""
    notes = "\n\n".join(
        f"Part {i}: we looked at delegation, energy and priorities for the quarter. " * 3
        for i in range(45)
    )
    data = SessionSummaryData(
        letterhead=Letterhead(coach_name="Zoë Łukasz", business_name="Bright Path"),
        client_name="Дмитрий Example",
        session_date=date(2026, 3, 3),
        focus="Delegation",
        shared_notes=notes,
        actions=tuple(SessionAction(f"Action {i}", date(2026, 3, 10)) for i in range(8)),
        next_session="Tuesday 17 March",
    )
    pdf = render_session_summary(data)
    assert len(PdfReader(io.BytesIO(pdf)).pages) >= 3
    return pdf


@pytest.fixture(scope="module")
def sheet_pdf() -> bytes:
    return render_recovery_sheet(
        RecoverySheetData("Practice", "vault-id", "ABCD-EFGH-JKLM", date(2026, 1, 5))
    )


def pages_of(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def dark_fraction(image: QImage) -> float:
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    data = bytes(grey.constBits())
    return sum(1 for b in data[::7] if b < 110) / len(data[::7])


def pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def make_preview(qtbot, pdf: bytes, title: str = "Summary") -> PdfPreview:
    preview = PdfPreview()
    qtbot.addWidget(preview)
    preview.resize(700, 900)
    preview.show()
    preview.set_pdf(pdf, title)
    return preview


def test_render_page_is_a_real_image(sheet_pdf: bytes) -> None:
    (width, height), *_rest = page_sizes(sheet_pdf)
    image = render_page(sheet_pdf, 0, 72)
    assert (image.width(), image.height()) == pytest.approx((width, height), abs=1)
    assert image.pixelColor(2, 2).name() == "#ffffff"  # white paper, not uninitialised memory
    assert dark_fraction(image) > 0.005
    with pytest.raises(IndexError):
        render_page(sheet_pdf, 1, 72)


def test_unreadable_pdf_is_a_clear_error(qtbot) -> None:
    preview = PdfPreview()
    qtbot.addWidget(preview)
    with pytest.raises(InvalidInput):
        preview.set_pdf(b"not a pdf", "x")


def test_preview_shows_every_page(qtbot, long_pdf: bytes) -> None:
    preview = make_preview(qtbot, long_pdf)
    assert preview.page_count() == pages_of(long_pdf)
    assert preview.count_label.text() == f"{pages_of(long_pdf)} pages"
    first = preview.page_widgets()[0]
    qtbot.waitUntil(lambda: not first.pixmap().isNull(), timeout=WAIT_MS)
    assert first.height() / first.width() == pytest.approx(A4_RATIO, rel=0.01)
    image = first.pixmap().toImage()
    assert image.height() / image.width() == pytest.approx(A4_RATIO, rel=0.01)
    assert dark_fraction(image) > 0.005
    # Lazy: pages far below the view wait until scrolled to.
    last = preview.page_widgets()[-1]
    assert last.pixmap().isNull()
    preview.scroll.verticalScrollBar().setValue(preview.scroll.verticalScrollBar().maximum())
    qtbot.waitUntil(lambda: not last.pixmap().isNull(), timeout=WAIT_MS)


def test_zoom_changes_page_width(qtbot, long_pdf: bytes) -> None:
    preview = make_preview(qtbot, long_pdf)
    page = preview.page_widgets()[0]
    fitted = page.width()
    assert preview.fit_action.isChecked()
    assert fitted < preview.scroll.viewport().width()  # fit width leaves the grey margins
    preview.zoom_in_action.trigger()
    assert page.width() > fitted
    assert not preview.fit_action.isChecked()
    preview.zoom_out_action.trigger()
    preview.zoom_out_action.trigger()
    assert page.width() < fitted
    preview.fit_action.trigger()
    assert page.width() == fitted
    preview.resize(500, 900)
    qtbot.waitUntil(lambda: page.width() < fitted)  # fit width follows the window
    assert preview.zoom_in_action.shortcuts()[0].toString() == "Ctrl+="
    assert preview.zoom_out_action.shortcut().toString() == "Ctrl+-"
    assert preview.fit_action.shortcut().toString() == "Ctrl+0"
    assert preview.print_action.shortcut().toString() == "Ctrl+P"
    assert preview.save_action.shortcut().toString() == "Ctrl+Shift+S"


def test_print_to_pdf_file(qtbot, tmp_path: Path, long_pdf: bytes) -> None:
    out = tmp_path / "printed.pdf"
    printer = pdf_printer(out)
    assert print_pdf(long_pdf, printer) == pages_of(long_pdf)
    reader = PdfReader(out)
    assert len(reader.pages) == pages_of(long_pdf)
    box = reader.pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx((595.3, 841.9), abs=1.5)


def test_page_range_and_copies(tmp_path: Path, long_pdf: bytes) -> None:
    printer = pdf_printer(tmp_path / "range.pdf")
    printer.setFromTo(2, 2)
    assert print_pdf(long_pdf, printer) == 1
    assert len(PdfReader(tmp_path / "range.pdf").pages) == 1

    printer = pdf_printer(tmp_path / "copies.pdf")
    printer.setCopyCount(2)
    printer.setFromTo(1, 2)
    assert pages_to_print(printer, 5) == [0, 1, 0, 1]  # PDF output: we make the copies
    printer.setCollateCopies(False)
    assert pages_to_print(printer, 5) == [0, 0, 1, 1]
    printer.setCopyCount(1)
    printer.setPageOrder(QPrinter.PageOrder.LastPageFirst)
    assert pages_to_print(printer, 5) == [1, 0]


def test_print_job_renders_off_the_gui_thread(qtbot, tmp_path: Path, long_pdf: bytes) -> None:
    out = tmp_path / "job.pdf"
    job = PrintJob(long_pdf, pdf_printer(out))
    with qtbot.waitSignal(job.finished, timeout=WAIT_MS) as blocker:
        job.start(show_progress=False)
    assert blocker.args == [True]
    assert len(PdfReader(out).pages) == pages_of(long_pdf)


def test_print_with_dialog(qtbot, tmp_path: Path, sheet_pdf: bytes, monkeypatch) -> None:
    out = tmp_path / "dialog.pdf"
    seen: list[tuple[int, int]] = []

    def accept(dialog: QPrintDialog) -> int:
        seen.append((dialog.minPage(), dialog.maxPage()))
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(out))
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    job = printing.print_with_dialog(None, sheet_pdf, "Recovery sheet")
    assert job is not None
    qtbot.waitSignal(job.finished, timeout=WAIT_MS).wait()
    assert seen == [(1, 1)]
    assert len(PdfReader(out).pages) == 1

    monkeypatch.setattr(QPrintDialog, "exec", lambda _d: QDialog.DialogCode.Rejected.value)
    assert printing.print_with_dialog(None, sheet_pdf, "Recovery sheet") is None


def test_save_as_writes_the_same_bytes(qtbot, tmp_path: Path, long_pdf: bytes, monkeypatch):
    target = tmp_path / "out" / "chosen.pdf"
    target.parent.mkdir()
    target.write_bytes(b"old content")
    asked: list[str] = []

    def choose(_parent, _caption, suggested, _filter):
        asked.append(suggested)
        return str(target), "PDF documents (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    preview = make_preview(qtbot, long_pdf, "Session summary: Zoë / 3 March")
    preview.save_action.trigger()
    assert target.read_bytes() == long_pdf
    assert Path(asked[0]).name == "Session summary Zoë 3 March.pdf"
    assert sorted(p.name for p in target.parent.iterdir()) == ["chosen.pdf"]  # no temp left

    bare = tmp_path / "out" / "no suffix"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: (str(bare), ""))
    assert pdf_files.save_pdf_as(None, long_pdf, "x") == bare.with_suffix(".pdf")
    assert Path(asked[0]).parent.is_dir()

    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: ("", ""))
    assert pdf_files.save_pdf_as(None, long_pdf, "x") is None


def test_open_in_viewer_uses_a_private_copy(qtbot, tmp_path: Path, sheet_pdf: bytes, monkeypatch):
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    preview = make_preview(qtbot, sheet_pdf, "Recovery sheet")
    preview.open_action.trigger()
    preview.open_action.trigger()
    assert len(opened) == 2
    first, second = (Path(url.toLocalFile()) for url in opened)
    assert first.name == "document-1.pdf"  # neutral: never a client's name
    assert second.name == "document-2.pdf"
    assert first.read_bytes() == sheet_pdf
    folder = first.parent
    assert folder.parent == tmp_path
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(first.stat().st_mode) == 0o600
    pdf_files.remove_viewer_files()
    assert not folder.exists()


def test_viewer_copies_go_to_memory_without_a_runtime_dir(qtbot, sheet_pdf: bytes, monkeypatch):
    if not pdf_files.MEMORY_TEMP.is_dir():
        pytest.skip("this system has no /dev/shm")
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda _url: True)
    path = pdf_files.open_in_viewer(sheet_pdf)
    try:
        assert path.parent.parent == pdf_files.MEMORY_TEMP
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    finally:
        pdf_files.remove_viewer_files()


def test_every_start_sweeps_the_viewer_folders_of_ended_runs(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    ended = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    crashed = tmp_path / f"{pdf_files.VIEWER_PREFIX}{ended.stdout.strip()}-abc"
    crashed.mkdir(mode=0o700)
    (crashed / "document-1.pdf").write_bytes(b"%PDF-1.4 a client's notes")
    running = tmp_path / f"{pdf_files.VIEWER_PREFIX}{os.getppid()}-def"
    running.mkdir(mode=0o700)
    unrelated = tmp_path / "someone-else"
    unrelated.mkdir()
    pdf_files.sweep_stale_viewer_folders()
    assert not crashed.exists()
    assert running.is_dir()  # another CoachDesk still running keeps its copies
    assert unrelated.is_dir()


def test_viewer_failure_leaves_no_copy(qtbot, tmp_path: Path, sheet_pdf: bytes, monkeypatch):
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda _url: False)
    with pytest.raises(InvalidInput):
        pdf_files.open_in_viewer(sheet_pdf)
    assert list(pdf_files.viewer_dir().iterdir()) == []
    pdf_files.remove_viewer_files()


def test_preview_dialog(qtbot, long_pdf: bytes) -> None:
    dialog = PdfPreviewDialog(None, long_pdf, "Session summary")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "Session summary"
    assert dialog.preview.page_count() == pages_of(long_pdf)
    assert dialog.height() > dialog.width() * 0.5
    qtbot.waitUntil(lambda: not dialog.preview.page_widgets()[0].pixmap().isNull(), timeout=WAIT_MS)
    with qtbot.waitSignal(dialog.rejected):
        dialog.reject()


def test_preview_dialog_opens_at_the_top_of_page_one(qtbot, long_pdf: bytes) -> None:
    dialog = PdfPreviewDialog(None, long_pdf, "Session summary")
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.preview.scroll.page_rendered, check_params_cb=lambda i: i == 0):
        dialog.open()
    bar = dialog.preview.scroll.verticalScrollBar()
    assert bar.maximum() > bar.minimum()  # the pages run past the window
    assert bar.value() == bar.minimum()


def test_a_scrolled_preview_keeps_its_place_when_the_window_widens(qtbot, long_pdf) -> None:
    preview = make_preview(qtbot, long_pdf)
    bar = preview.scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=WAIT_MS)
    bar.setValue(bar.maximum() // 2)
    with qtbot.waitSignal(preview.scroll.zoom_changed):
        preview.resize(900, 900)
    assert bar.value() > bar.minimum()
