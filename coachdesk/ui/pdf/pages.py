"""The pages of a PDF in a scroll area: grey desk, white sheets, zoom, rendering on demand.

Pages are ``QLabel``s sized from the PDF's page sizes at once (cheap), then filled lazily: only
pages in or near the view are rendered, one at a time on a worker, so a 20-page report opens
instantly and scrolls without freezing. Pages far from the view drop their pixmaps to bound
memory. After a zoom the old pixmap is shown scaled until the sharp one arrives. A view at the
top of the first page stays there through resizes and zooms, so a preview opens on the letterhead.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from coachdesk.i18n import _
from coachdesk.ui.kit import look
from coachdesk.ui.kit.errors import show_error
from coachdesk.ui.kit.latest import Latest
from coachdesk.ui.kit.tasks import Tasks
from coachdesk.ui.pdf.render import POINTS_PER_INCH, render_page

GAP = 16  # grey space around and between pages
EDGE = 1  # the page's border, in pixels
ZOOM_STEP = 1.25
MIN_ZOOM, MAX_ZOOM = 0.25, 4.0
KEEP_SCREENS = 3  # pages further than this many view heights away drop their pixmaps


class PdfPages(QScrollArea):
    """Shows pages of one PDF; zoom is fit-to-width until the user zooms."""

    zoom_changed = Signal()
    page_rendered = Signal(int)  # the page's sharp image is on screen

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = Tasks(self)
        self._pdf = b""
        self._sizes: list[tuple[float, float]] = []
        self._pages: list[QLabel] = []
        self._rendered: dict[int, int] = {}  # page index -> pixel width of its pixmap
        self._latest = Latest(self)  # each set_pages: late pages of an old PDF are dropped
        self._shown = self._latest.start()  # the PDF whose pages are asked for now
        self._rendering = False
        self._zoom = 1.0
        self._fit = True
        self._render_timer = QTimer(self, singleShot=True, interval=30)
        self._render_timer.timeout.connect(self._render_more)
        self.desk = QWidget()
        self.desk.setObjectName("pdfDesk")
        self.desk.setStyleSheet(
            f"QWidget#pdfDesk {{ background: {self._desk_colour()}; }}"
            # A hairline edge, darker below: reads as paper without a per-page graphics effect,
            # which would blur every visible page on every scroll step (20x slower painting).
            f"QLabel#pdfPage {{ background: white; border: {EDGE}px solid rgba(0, 0, 0, 45);"
            " border-bottom-color: rgba(0, 0, 0, 95); border-right-color: rgba(0, 0, 0, 70); }"
        )
        self._column = QVBoxLayout(self.desk)
        self._column.setContentsMargins(GAP, GAP, GAP, GAP)
        self._column.setSpacing(GAP)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)
        self.setWidget(self.desk)
        self.verticalScrollBar().valueChanged.connect(self._schedule_render)

    def _desk_colour(self) -> str:
        """A grey that frames white pages in light and dark palettes alike."""
        return look.colour(look.Colour.DESK, self.palette()).name()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._relayout()  # fit width follows the window

    def set_pages(self, pdf_bytes: bytes, sizes: list[tuple[float, float]]) -> None:
        """Show a PDF whose page sizes (points) are known; images follow on a worker."""
        self._shown = self._latest.start()
        self._pdf, self._sizes = pdf_bytes, sizes
        self._rendered.clear()
        for label in self._pages:
            label.deleteLater()
        self._pages = []
        for index in range(len(sizes)):
            label = QLabel()
            label.setObjectName("pdfPage")
            label.setScaledContents(True)
            label.setAccessibleName(_("Page {n}").format(n=index + 1))
            self._column.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
            self._pages.append(label)
        self._relayout()
        self.verticalScrollBar().setValue(0)

    def page_widgets(self) -> list[QLabel]:
        return list(self._pages)

    # -- zoom -------------------------------------------------------------------------------
    def zoom(self) -> float:
        """1.0 shows pages at their printed size on this screen."""
        return self._zoom

    def fitting(self) -> bool:
        return self._fit

    def set_zoom(self, zoom: float) -> None:
        self._fit = False
        self._zoom = min(MAX_ZOOM, max(MIN_ZOOM, zoom))
        self._relayout()

    def zoom_in(self) -> None:
        self.set_zoom(self._zoom * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self._zoom / ZOOM_STEP)

    def fit_width(self) -> None:
        self._fit = True
        self._relayout()

    def _pixels_per_point(self) -> float:
        return self.logicalDpiX() / POINTS_PER_INCH

    def _fit_zoom(self) -> float:
        if not self._sizes:
            return 1.0
        bar = self.verticalScrollBar().sizeHint().width()
        room = self.width() - 2 * self.frameWidth() - bar - 2 * (GAP + EDGE)
        widest = max(w for w, _h in self._sizes) * self._pixels_per_point()
        return min(MAX_ZOOM, max(MIN_ZOOM, room / widest))

    def _resize_pages(self) -> None:
        """Size every page for the zoom; pixmaps stay (scaled) until re-rendered."""
        if self._fit:
            self._zoom = self._fit_zoom()
        scale = self._zoom * self._pixels_per_point()
        for label, (width, height) in zip(self._pages, self._sizes, strict=True):
            label.setFixedSize(round(width * scale) + 2 * EDGE, round(height * scale) + 2 * EDGE)
        self.zoom_changed.emit()
        self._render_timer.start()

    def _relayout(self) -> None:
        """Resize the pages, keeping the point in the middle of the view where it was, or the
        top of the first page if the view was there (a dialog's first show resizes it)."""
        view = self.viewport()
        bars = (self.horizontalScrollBar(), self.verticalScrollBar())
        at_top = bars[1].value() == bars[1].minimum()
        old = (max(1, self.desk.width()), max(1, self.desk.height()))
        spans = (view.width(), view.height())
        anchors = [
            (bar.value() + span / 2) / size
            for bar, span, size in zip(bars, spans, old, strict=True)
        ]
        self._resize_pages()
        self._column.activate()
        hint = self.desk.minimumSizeHint()  # apply now rather than on the next layout pass
        self.desk.resize(max(hint.width(), view.width()), hint.height())
        new = (self.desk.width(), self.desk.height())
        for bar, anchor, span, size in zip(bars, anchors, spans, new, strict=True):
            bar.setValue(round(anchor * size - span / 2))
        if at_top:
            bars[1].setValue(bars[1].minimum())

    # -- lazy rendering ---------------------------------------------------------------------
    def _wanted(self) -> list[int]:
        """Pages needing a (sharper) image, visible ones first; far ones are emptied."""
        top = self.verticalScrollBar().value()
        height = max(1, self.viewport().height())
        ratio = self.devicePixelRatioF()
        visible: list[int] = []
        near: list[int] = []
        for index, label in enumerate(self._pages):
            geometry = label.geometry()
            distance = max(0, geometry.top() - (top + height), top - geometry.bottom())
            if distance > KEEP_SCREENS * height:
                if self._rendered.pop(index, None) is not None:
                    label.clear()
                continue
            if self._rendered.get(index) != round(label.contentsRect().width() * ratio):
                (visible if distance == 0 else near if distance < height else []).append(index)
        return visible + near

    def _schedule_render(self) -> None:
        """Coalesce scroll and zoom steps (not ``timer.start``: ``valueChanged`` would set msec)."""
        self._render_timer.start()

    def _render_more(self) -> None:
        if self._rendering or not self._pages:
            return
        wanted = self._wanted()
        if not wanted:
            return
        index = wanted[0]
        ratio = self.devicePixelRatioF()
        pixels = round(self._pages[index].contentsRect().width() * ratio)
        dpi = pixels * POINTS_PER_INCH / self._sizes[index][0]
        pdf, shown = self._pdf, self._shown
        self._rendering = True
        self.tasks.run(
            lambda: render_page(pdf, index, dpi),
            lambda image: self._rendered_page(shown, index, pixels, ratio, image),
            self._render_failed,
        )

    def _rendered_page(
        self, shown: int, index: int, pixels: int, ratio: float, image: QImage
    ) -> None:
        self._rendering = False
        if self._latest.holds(shown):
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(ratio)
            self._pages[index].setPixmap(pixmap)
            self._rendered[index] = pixels
            self.page_rendered.emit(index)
        self._render_more()

    def _render_failed(self, exc: BaseException) -> None:
        self._rendering = False
        show_error(self, exc)
