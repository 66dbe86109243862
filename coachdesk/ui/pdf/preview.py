"""A PDF preview: the pages (``PdfPages``) under a toolbar with Print, Save as PDF, Open in viewer
and zoom, each with a shortcut; and ``PdfPreviewDialog``, the same in a window of its own.

Other views use it for every document they produce (agreements, summaries, reports): the bytes
come from the documents layer, and leave the app only through the three explicit actions.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QToolBar, QVBoxLayout, QWidget

from coachdesk.i18n import _, ngettext
from coachdesk.ui.kit import look
from coachdesk.ui.kit.errors import show_error
from coachdesk.ui.pdf import files as pdf_files
from coachdesk.ui.pdf.pages import GAP, MAX_ZOOM, MIN_ZOOM, PdfPages
from coachdesk.ui.pdf.printing import print_with_dialog
from coachdesk.ui.pdf.render import POINTS_PER_INCH, page_sizes


class PdfPreview(QWidget):
    """Shows one PDF (``set_pdf``) with its actions; zoom is fit-to-width until changed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pdf_bytes = b""
        self.title = ""
        self.scroll = PdfPages()
        self.scroll.zoom_changed.connect(self._update_controls)
        self._build_actions()
        self._build_toolbar()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.scroll, 1)
        self._update_controls()

    def _action(
        self, text: str, icon: QIcon.ThemeIcon | None, keys: list[str], slot: Callable[[], None]
    ) -> QAction:
        action = QAction(QIcon.fromTheme(icon) if icon else QIcon(), text, self)
        action.setShortcuts([QKeySequence(k) for k in keys])
        if keys:
            action.setToolTip(f"{text.replace('&', '')} ({QKeySequence(keys[0]).toString()})")
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        theme = QIcon.ThemeIcon
        pages = self.scroll
        self.print_action = self._action(
            _("&Print…"), theme.DocumentPrint, ["Ctrl+P"], self.print_document
        )
        self.save_action = self._action(
            _("&Save as PDF…"), theme.DocumentSaveAs, ["Ctrl+Shift+S"], self.save_as
        )
        self.open_action = self._action(_("&Open in viewer"), None, [], self.open_in_viewer)
        self.zoom_out_action = self._action(
            _("Zoom out"), theme.ZoomOut, ["Ctrl+-"], pages.zoom_out
        )
        self.zoom_in_action = self._action(
            _("Zoom in"), theme.ZoomIn, ["Ctrl+=", "Ctrl++"], pages.zoom_in
        )
        self.fit_action = self._action(
            _("Fit width"), theme.ZoomFitBest, ["Ctrl+0"], pages.fit_width
        )
        self.fit_action.setCheckable(True)

    def _build_toolbar(self) -> None:
        self.zoom_label = QLabel()
        self.zoom_label.setMinimumWidth(48)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.count_label = look.note("")
        self.count_label.setWordWrap(False)
        self.count_label.setContentsMargins(8, 0, 8, 0)
        self.toolbar = QToolBar(self)
        self.toolbar.setIconSize(QSize(18, 18))
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (self.print_action, self.save_action, self.open_action):
            self.toolbar.addAction(action)
        spacer = QWidget()
        spacer.setSizePolicy(spacer.sizePolicy().Policy.Expanding, spacer.sizePolicy().Policy.Fixed)
        self.toolbar.addWidget(spacer)
        self.toolbar.addWidget(self.count_label)
        self.toolbar.addAction(self.zoom_out_action)
        self.toolbar.addWidget(self.zoom_label)
        self.toolbar.addAction(self.zoom_in_action)
        self.toolbar.addAction(self.fit_action)
        for action, symbol in ((self.zoom_out_action, "−"), (self.zoom_in_action, "+")):
            button = self.toolbar.widgetForAction(action)
            if action.icon().isNull():  # no icon theme (Windows, offscreen): a plain sign
                action.setIconText(symbol)
                button.setMinimumWidth(28)
            else:
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)

    # -- content ----------------------------------------------------------------------------
    def set_pdf(self, pdf_bytes: bytes, title: str = "") -> None:
        """Show ``pdf_bytes``; page images follow on a worker. Unreadable PDFs raise here."""
        sizes = page_sizes(pdf_bytes)
        self.pdf_bytes, self.title = pdf_bytes, title
        self.count_label.setText(ngettext("{n} page", "{n} pages", len(sizes)).format(n=len(sizes)))
        self.scroll.set_pages(pdf_bytes, sizes)
        self._update_controls()

    def page_count(self) -> int:
        return len(self.scroll.page_widgets())

    def page_widgets(self) -> list[QLabel]:
        return self.scroll.page_widgets()

    def zoom(self) -> float:
        return self.scroll.zoom()

    def _update_controls(self) -> None:
        zoom = self.scroll.zoom()
        self.zoom_label.setText(f"{round(zoom * 100)} %")
        self.fit_action.setChecked(self.scroll.fitting())
        self.zoom_in_action.setEnabled(zoom < MAX_ZOOM)
        self.zoom_out_action.setEnabled(zoom > MIN_ZOOM)
        for action in (self.print_action, self.save_action, self.open_action):
            action.setEnabled(bool(self.pdf_bytes))

    # -- actions ----------------------------------------------------------------------------
    def print_document(self) -> None:
        if self.pdf_bytes:
            print_with_dialog(self, self.pdf_bytes, self.title)

    def save_as(self) -> None:
        if not self.pdf_bytes:
            return
        try:
            pdf_files.save_pdf_as(self, self.pdf_bytes, self.title)
        except Exception as exc:
            show_error(self, exc)

    def open_in_viewer(self) -> None:
        if not self.pdf_bytes:
            return
        try:
            pdf_files.open_in_viewer(self.pdf_bytes)
        except Exception as exc:
            show_error(self, exc)


class PdfPreviewDialog(QDialog):
    """A window previewing one document, e.g. before it is printed or sent."""

    def __init__(self, parent: QWidget | None, pdf_bytes: bytes, title: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title or _("Preview"))
        self.setWindowIcon(look.app_icon())
        self.preview = PdfPreview(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.setContentsMargins(look.SPACING, 0, look.SPACING, look.SPACING)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(look.SPACING)
        layout.addWidget(self.preview, 1)
        layout.addWidget(buttons)
        self.resize(self._nice_size())
        self.preview.set_pdf(pdf_bytes, title)
        self.preview.scroll.setFocus()

    def _nice_size(self) -> QSize:
        """About an A4 page wide at 100 %, most of the screen tall."""
        screen = (self.parentWidget() or self).screen().availableGeometry()
        width = round(595 * self.logicalDpiX() / POINTS_PER_INCH) + 2 * GAP + 40
        return QSize(min(width, int(screen.width() * 0.9)), int(screen.height() * 0.88))
