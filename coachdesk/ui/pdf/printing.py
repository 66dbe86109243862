"""Printing a PDF: each page rasterised by PDFium and painted on a ``QPrinter``.

Qt cannot print a PDF itself (its PDF module is not in the PySide6 wheels). Our documents carry
their own margins, so every page is painted over the whole sheet (``fullPage``), scaled to fit and
centred: A4 on A4 prints at 100 %, A4 on Letter shrinks a little instead of being clipped. Pages
are rendered one at a time at the printer's resolution, capped at 300 dpi, so memory stays bounded
whatever the page count. ``QPainter`` on a printer must stay on the GUI thread: ``print_pdf``
does all of it there (short documents, tests), ``PrintJob`` renders on a worker and paints on
the GUI thread page by page, with a progress dialog that can cancel.
"""

from __future__ import annotations

from PySide6.QtCore import QMarginsF, QObject, QRectF, QSizeF, Qt, Signal
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QProgressDialog, QWidget

from coachdesk.errors import InvalidInput
from coachdesk.i18n import _
from coachdesk.ui.kit.errors import show_error
from coachdesk.ui.kit.tasks import Tasks
from coachdesk.ui.pdf.render import POINTS_PER_INCH, page_sizes, render_page

MAX_PRINT_DPI = 300.0
Size = tuple[float, float]
_running: set[PrintJob] = set()  # keeps unparented jobs alive until they end


def pages_to_print(printer: QPrinter, count: int) -> list[int]:
    """0-based page indexes in print order: the dialog's range, page order and copies.

    Copies are repeated here only when the printer cannot make them itself (PDF output, some
    drivers); otherwise the printer would multiply ours.
    """
    ranges = printer.pageRanges()
    if not ranges.isEmpty():
        pages = [p - 1 for p in range(1, count + 1) if ranges.contains(p)]
    elif printer.fromPage() > 0:
        last = printer.toPage() or count
        pages = list(range(printer.fromPage() - 1, min(last, count)))
    else:
        pages = list(range(count))
    if printer.pageOrder() == QPrinter.PageOrder.LastPageFirst:
        pages.reverse()
    copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
    if copies == 1:
        return pages
    if printer.collateCopies():
        return pages * copies
    return [p for p in pages for _copy in range(copies)]


def placement(size: Size, area: QSizeF, resolution: int) -> tuple[QRectF, float]:
    """Where a page of ``size`` points lands in ``area`` pixels, and the dpi to render it at."""
    width, height = size
    scale = min(area.width() / width, area.height() / height)  # device pixels per point
    target = QRectF(0, 0, width * scale, height * scale)
    target.moveCenter(QRectF(0, 0, area.width(), area.height()).center())
    dpi = min(scale * POINTS_PER_INCH, float(resolution), MAX_PRINT_DPI)
    return target, dpi


def _begin(printer: QPrinter) -> QPainter:
    printer.setFullPage(True)
    painter = QPainter()
    if not painter.begin(printer):
        raise InvalidInput(_("The printer could not be started. Check that it is available."))
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    return painter


def _area(printer: QPrinter) -> QSizeF:
    return QSizeF(printer.width(), printer.height())


def print_pdf(pdf_bytes: bytes, printer: QPrinter) -> int:
    """Print on ``printer`` now, on the GUI thread; returns the number of sheets painted."""
    sizes = page_sizes(pdf_bytes)
    order = pages_to_print(printer, len(sizes))
    if not order:
        return 0
    painter = _begin(printer)
    try:
        for n, index in enumerate(order):
            target, dpi = placement(sizes[index], _area(printer), printer.resolution())
            image = render_page(pdf_bytes, index, dpi)
            if n:
                printer.newPage()
            painter.drawImage(target, image)
    finally:
        painter.end()
    return len(order)


def match_page_size(printer: QPrinter, size: Size) -> None:
    """Offer the document's own paper (A4 or Letter) and orientation in the print dialog."""
    width, height = size
    orientation = (
        QPageLayout.Orientation.Landscape if width > height else QPageLayout.Orientation.Portrait
    )
    page = QPageSize(
        QSizeF(min(width, height), max(width, height)),
        QPageSize.Unit.Point,
        "",
        QPageSize.SizeMatchPolicy.FuzzyMatch,
    )
    printer.setPageLayout(QPageLayout(page, orientation, QMarginsF()))


class PrintJob(QObject):
    """One print run: PDFium renders page *n + 1* on a worker while the GUI paints page *n*."""

    finished = Signal(bool)  # True when every page was sent, False when cancelled or failed

    def __init__(self, pdf_bytes: bytes, printer: QPrinter, parent: QWidget | None = None):
        super().__init__(parent)
        self._pdf = pdf_bytes
        self._printer = printer
        self._parent = parent
        self._tasks = Tasks(self)
        self._painter: QPainter | None = None
        self._sizes: list[Size] = []
        self._order: list[int] = []
        self._done = 0
        self._progress: QProgressDialog | None = None

    def start(self, *, show_progress: bool = True) -> None:
        """Begin printing; returns at once. ``finished`` tells how it ended."""
        _running.add(self)
        try:
            self._sizes = page_sizes(self._pdf)
            self._order = pages_to_print(self._printer, len(self._sizes))
            if not self._order:
                self._end(True)
                return
            self._painter = _begin(self._printer)
        except Exception as exc:
            self._fail(exc)
            return
        if show_progress:
            progress = QProgressDialog(
                _("Printing…"), _("Cancel"), 0, len(self._order), self._parent
            )
            progress.setWindowTitle(_("Printing"))
            progress.setWindowModality(Qt.WindowModality.WindowModal)
            progress.setMinimumDuration(400)
            progress.canceled.connect(self.cancel)
            self._progress = progress
        self._render_next()

    def cancel(self) -> None:
        if self._painter is not None:
            self._printer.abort()
            self._end(False)

    def _render_next(self) -> None:
        index = self._order[self._done]
        target, dpi = placement(
            self._sizes[index], _area(self._printer), self._printer.resolution()
        )
        pdf = self._pdf
        self._tasks.run(
            lambda: render_page(pdf, index, dpi),
            lambda image: self._paint(image, target),
            self._fail,
        )

    def _paint(self, image: QImage, target: QRectF) -> None:
        if self._painter is None:  # cancelled while the page was rendering
            return
        if self._done:
            self._printer.newPage()
        self._painter.drawImage(target, image)
        self._done += 1
        if self._progress is not None:
            self._progress.setValue(self._done)
        if self._done == len(self._order):
            self._end(True)
        else:
            self._render_next()

    def _fail(self, exc: BaseException) -> None:
        if self._painter is not None:
            self._printer.abort()
        self._end(False)
        show_error(self._parent, exc)

    def _end(self, ok: bool) -> None:
        if self._painter is not None:
            self._painter.end()
            self._painter = None
        if self._progress is not None:
            self._progress.canceled.disconnect(self.cancel)
            self._progress.close()
            self._progress.deleteLater()
            self._progress = None
        _running.discard(self)
        self.finished.emit(ok)


def print_with_dialog(parent: QWidget | None, pdf_bytes: bytes, title: str) -> PrintJob | None:
    """Ask for printer, pages and copies with ``QPrintDialog``, then print in the background."""
    try:
        sizes = page_sizes(pdf_bytes)
    except Exception as exc:
        show_error(parent, exc)
        return None
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName("CoachDesk")  # print queues are visible to others: no client name
    if sizes:
        match_page_size(printer, sizes[0])
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(_("Print {title}").format(title=title) if title else _("Print"))
    dialog.setMinMax(1, max(1, len(sizes)))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    job = PrintJob(pdf_bytes, printer, parent)
    job.start()
    return job
