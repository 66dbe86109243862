"""One section of the Today page: a heading with a count, then a compact table of its lines
that keeps the current record across refreshes, or one calm line when there are none.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from coachdesk.ui.features.today.lines_model import Line, LinesModel
from coachdesk.ui.kit import look

MAX_ROWS = 8


class Section(QWidget):
    """A heading with a count, then the rows, or one calm line when there are none."""

    def __init__(self, title: str, empty: str, *, opens_notes: bool) -> None:
        super().__init__()
        self.title, self.opens_notes = title, opens_notes
        self.button: QPushButton | None = None
        self.heading = look.heading(title, scale=1.1)
        self.empty = look.note(empty)
        self.model = LinesModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setAccessibleName(title)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        self.view.setTabKeyNavigation(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.view.fontMetrics().height() + 10)
        self.view.horizontalHeader().hide()
        self.head = QHBoxLayout()
        self.head.addWidget(self.heading, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, look.SPACING)
        layout.setSpacing(4)
        layout.addLayout(self.head)
        layout.addWidget(self.view)
        layout.addWidget(self.empty)
        self.show_lines([])

    def show_lines(self, lines: Sequence[Line]) -> None:
        """Show ``lines``, keeping the current row on the same record across a refresh."""
        current = self.current()
        self.model.set_lines(lines)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        if lines:
            header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # the name or text
        self.heading.setText(f"{self.title} · {len(lines)}" if lines else self.title)
        self.view.setVisible(bool(lines))
        self.empty.setVisible(not lines)
        row_height = self.view.verticalHeader().defaultSectionSize()
        rows = min(len(lines), MAX_ROWS)
        self.view.setFixedHeight(rows * row_height + 2 * self.view.frameWidth())
        for i, line in enumerate(lines):
            if current is not None and (line.id, line.client_id) == (current.id, current.client_id):
                self.view.setCurrentIndex(self.model.index(i, 0))
        self._enable_button()

    def add_button(self, button: QPushButton) -> None:
        """A button acting on the current row: enabled only while there is one."""
        self.button = button
        self.head.addWidget(button)
        self.view.selectionModel().currentChanged.connect(lambda *_a: self._enable_button())
        self._enable_button()

    def _enable_button(self) -> None:
        if self.button is not None:
            self.button.setEnabled(self.current() is not None)

    def current(self) -> Line | None:
        index = self.view.currentIndex()
        return self.model.lines[index.row()] if index.isValid() else None
