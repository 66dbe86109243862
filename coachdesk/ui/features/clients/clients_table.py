"""The client table's view: calm row layout, and header sort and widths kept per computer."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from coachdesk.ui.features.clients.table_model import NAME, TAGS, ClientsTableModel
from coachdesk.ui.kit import look

SORT_COLUMN_KEY = "clients/sort_column"
SORT_ORDER_KEY = "clients/sort_order"
WIDTHS_KEY = "clients/column_widths"
DEFAULT_WIDTHS = (220, 110, 160, 120, 100)  # the last column (tags) stretches
SAVE_DELAY_MS = 400  # a drag resizes a column many times; save once it settles


class ClientsTable(QTableView):
    """A read-only row table; Enter or a double click emits ``activated``."""

    def __init__(self, model: ClientsTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)
        self.setCornerButtonEnabled(False)
        rows = self.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self._restore()
        self._save_timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self._save_widths)
        header.sectionResized.connect(self._section_resized)
        header.sortIndicatorChanged.connect(self._save_sort)

    def _restore(self) -> None:
        store = look.settings()
        widths = store.value(WIDTHS_KEY)
        saved = [int(w) for w in widths] if isinstance(widths, list) else []
        header = self.horizontalHeader()
        for column, width in enumerate(saved if len(saved) == TAGS else DEFAULT_WIDTHS):
            header.resizeSection(column, max(width, 40))
        column = int(store.value(SORT_COLUMN_KEY, NAME))
        order = Qt.SortOrder(int(store.value(SORT_ORDER_KEY, 0)))
        header.setSortIndicator(column if NAME <= column <= TAGS else NAME, order)
        self.setSortingEnabled(True)

    def _section_resized(self, _column: int, _old: int, _new: int) -> None:
        self._save_timer.start()

    def _save_widths(self) -> None:
        header = self.horizontalHeader()
        look.settings().setValue(WIDTHS_KEY, [header.sectionSize(c) for c in range(TAGS)])

    def _save_sort(self, column: int, order: Qt.SortOrder) -> None:
        store = look.settings()
        store.setValue(SORT_COLUMN_KEY, column)
        store.setValue(SORT_ORDER_KEY, order.value)

    def select_row(self, row: int) -> None:
        self.selectRow(row)
        self.scrollTo(self.model().index(row, 0))
