"""PDF pages as images, with pypdfium2: the one rasteriser behind the preview and printing.

Qt's own PDF module is not in the PySide6 wheels, so pages are rendered by PDFium and handed to Qt
as ``QImage`` (safe to build on a worker thread; only ``QPixmap`` is GUI-thread bound). PDFium is
not thread-safe, even across documents, so every call into it holds one process-wide lock.
pypdfium2 is imported on first use, keeping it out of start-up.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QImage

from coachdesk.errors import InvalidInput
from coachdesk.i18n import _

if TYPE_CHECKING:
    import pypdfium2

POINTS_PER_INCH = 72.0
MAX_PIXELS = 60_000_000  # one page image stays below ~240 MB whatever the zoom or dpi asked

_pdfium_lock = threading.Lock()


@contextmanager
def _opened(pdf_bytes: bytes) -> Iterator[pypdfium2.PdfDocument]:
    """The document, open only while the lock is held, closed (not left to the GC) after."""
    import pypdfium2

    with _pdfium_lock:
        try:
            document = pypdfium2.PdfDocument(pdf_bytes)
        except pypdfium2.PdfiumError as exc:
            raise InvalidInput(_("This document could not be read as a PDF.")) from exc
        try:
            yield document
        finally:
            document.close()


def page_sizes(pdf_bytes: bytes) -> list[tuple[float, float]]:
    """(width, height) of every page in points (1/72 inch): fast, no rendering."""
    with _opened(pdf_bytes) as document:
        return [_size(document[i]) for i in range(len(document))]


def page_count(pdf_bytes: bytes) -> int:
    with _opened(pdf_bytes) as document:
        return len(document)


def render_page(pdf_bytes: bytes, index: int, dpi: float) -> QImage:
    """Page ``index`` (0-based) at ``dpi`` on white, as an image owning its memory."""
    with _opened(pdf_bytes) as document:
        if not 0 <= index < len(document):
            raise IndexError(index)
        page = document[index]
        width, height = _size(page)
        scale = dpi / POINTS_PER_INCH
        pixels = width * height * scale * scale
        if pixels > MAX_PIXELS:
            scale *= (MAX_PIXELS / pixels) ** 0.5
        bitmap = page.render(scale=scale, rev_byteorder=True, prefer_bgrx=True)
        try:
            return _to_qimage(bitmap)
        finally:
            bitmap.close()
            page.close()


def _size(page: Any) -> tuple[float, float]:
    width, height = page.get_size()
    return float(width), float(height)


def _to_qimage(bitmap: Any) -> QImage:
    """Wrap PDFium's RGBX buffer, then copy it, since the buffer dies with the bitmap."""
    formats = {"RGBX": QImage.Format.Format_RGBX8888, "RGBA": QImage.Format.Format_RGBA8888}
    fmt = formats.get(bitmap.mode)
    if fmt is None:  # grey or 3-byte output is never asked for above
        raise ValueError(f"unexpected bitmap mode {bitmap.mode}")
    view = memoryview(bitmap.buffer).cast("B")
    image = QImage(view, bitmap.width, bitmap.height, bitmap.stride, fmt)
    return image.copy()
