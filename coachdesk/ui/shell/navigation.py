"""The window's left-hand list of views and the stack that shows the chosen one."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QStackedWidget, QWidget

NAV_STYLE = (
    "QListWidget { background: palette(window); padding: 12px 8px; outline: 0;"
    " border-right: 1px solid palette(mid); }"
    "QListWidget::item { padding: 7px 10px; border-radius: 6px; }"
    "QListWidget::item:selected { background: palette(highlight);"
    " color: palette(highlighted-text); }"
)


class Navigation(QWidget):
    """``shown(page)`` whenever another view comes to the front."""

    shown = Signal(QWidget)

    def __init__(self, views: list[tuple[str, QWidget]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.nav = QListWidget()
        self.nav.setFrameShape(QListWidget.Shape.NoFrame)
        self.nav.setFixedWidth(190)
        self.nav.setSpacing(2)
        self.nav.setStyleSheet(NAV_STYLE)
        self.pages = QStackedWidget()
        for title, page in views:
            QListWidgetItem(title, self.nav)
            self.pages.addWidget(page)
        self.nav.currentRowChanged.connect(self._row_changed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.pages, 1)

    def titles(self) -> list[str]:
        return [self.nav.item(row).text() for row in range(self.nav.count())]

    def show_index(self, index: int) -> None:
        self.nav.setCurrentRow(index)

    def show_page(self, page: QWidget) -> None:
        """Bring ``page`` to the front; nothing happens for a widget that is not a view."""
        index = self.pages.indexOf(page)
        if index >= 0:
            self.show_index(index)

    def current(self) -> QWidget:
        return self.pages.currentWidget()

    def _row_changed(self, row: int) -> None:
        if 0 <= row < self.pages.count():
            self.pages.setCurrentIndex(row)
            self.shown.emit(self.pages.currentWidget())
