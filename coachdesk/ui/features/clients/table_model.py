"""The client list's model: all rows in memory, filtered and sorted in Python.

Why no ``QSortFilterProxyModel``: a proxy sorting 10,000 rows asks our Python ``data()`` for
every comparison (4 s measured); filtering in its Python ``filterAcceptsRow`` costs ~12 ms.
Keeping an index list and sorting or filtering it with plain Python costs ~1 ms for each, so the
model does both itself and resets. Matching runs over a folded haystack built once per row, so
"lukasz" finds "Łukasz"; every word typed must appear (in any order).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from coachdesk import words
from coachdesk.i18n import _
from coachdesk.model import ClientStatus
from coachdesk.services.people.clients import ClientRow
from coachdesk.services.people.folding import fold
from coachdesk.ui.kit.entries import when_text
from coachdesk.ui.kit.roles import ID_ROLE, SORT_ROLE

NAME, STATUS, NEXT, LAST, ACTIONS, TAGS = range(6)
STATUS_ORDER = {status: n for n, status in enumerate(ClientStatus)}

# Status filter choices besides a single status.
NOT_ARCHIVED = "not-archived"
ALL_STATUSES = "all"

Index = QModelIndex | QPersistentModelIndex


def column_titles() -> tuple[str, ...]:
    return (
        _("Name"),
        _("Status"),
        _("Next session"),
        _("Last session"),
        _("Open actions"),
        _("Tags"),
    )


class ClientsTableModel(QAbstractTableModel):
    """Client rows with a text, status and tag filter; ``sort`` is the view's header sort."""

    def __init__(self, zone: ZoneInfo, parent: Any = None) -> None:
        super().__init__(parent)
        self.zone = zone
        self._rows: list[ClientRow] = []
        self._haystacks: list[str] = []
        self._folded: dict[tuple[str, str, str], str] = {}  # kept across reloads (~50 ms saved)
        self._sorted: list[int] = []  # indexes into _rows, in the current sort order
        self._visible: list[int] = []  # _sorted, filtered
        self._words: list[str] = []
        self._status = NOT_ARCHIVED
        self._tag = ""
        self._sort_column = NAME
        self._sort_order = Qt.SortOrder.AscendingOrder

    # -- loading and filters --------------------------------------------------------------
    def set_rows(self, rows: Sequence[ClientRow]) -> None:
        """Replace every row (in the service's name order), keeping filters and sort."""
        self.beginResetModel()
        self._rows = list(rows)
        known, folded = self._folded, {}
        for r in self._rows:
            key = (r.name, r.email, r.organisation)
            folded[key] = known.get(key) or fold("\n".join(key))
        self._folded = folded
        self._haystacks = [folded[(r.name, r.email, r.organisation)] for r in self._rows]
        self._sorted = self._sort_indexes()
        self._visible = self._filtered()
        self.endResetModel()

    def clear(self) -> None:
        """Forget every row and the typed filter (the app is locking)."""
        self.beginResetModel()
        self._rows, self._haystacks, self._sorted, self._visible = [], [], [], []
        self._folded = {}
        self._words = []
        self._tag = ""
        self.endResetModel()

    def set_filter_text(self, text: str) -> None:
        self._words = fold(text).split()
        self._refilter()

    def set_status_filter(self, choice: str) -> None:
        """``NOT_ARCHIVED``, ``ALL_STATUSES`` or a ``ClientStatus`` value."""
        self._status = choice
        self._refilter()

    def set_tag_filter(self, tag: str) -> None:
        """Only rows carrying ``tag``; "" for every tag."""
        self._tag = tag
        self._refilter()

    def _refilter(self) -> None:
        self.beginResetModel()
        self._visible = self._filtered()
        self.endResetModel()

    def _filtered(self) -> list[int]:
        rows, haystacks, words, tag = self._rows, self._haystacks, self._words, self._tag
        keep: list[int] = self._sorted
        if self._status == NOT_ARCHIVED:
            keep = [i for i in keep if rows[i].status is not ClientStatus.ARCHIVED]
        elif self._status != ALL_STATUSES:
            keep = [i for i in keep if rows[i].status == self._status]
        if tag:
            keep = [i for i in keep if tag in rows[i].tags]
        for word in words:
            keep = [i for i in keep if word in haystacks[i]]
        return list(keep)

    # -- questions the page asks ----------------------------------------------------------
    @property
    def total(self) -> int:
        """Every loaded row, filtered or not (archived included)."""
        return len(self._rows)

    def tags(self) -> list[str]:
        return sorted({tag for row in self._rows for tag in row.tags})

    def client_id(self, row: int) -> int:
        return self._rows[self._visible[row]].id

    def row_of(self, client_id: int) -> int | None:
        """The visible row showing ``client_id``, if it passes the filters."""
        for row, index in enumerate(self._visible):
            if self._rows[index].id == client_id:
                return row
        return None

    # -- sorting --------------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._sort_column, self._sort_order = column, order
        self._sorted = self._sort_indexes()
        self._visible = self._filtered()
        self.layoutChanged.emit()

    def _sort_indexes(self) -> list[int]:
        """Stable sort by the column's raw value, ties in name order; empty values last."""
        column = self._sort_column
        keys = [sort_value(row, column, i) for i, row in enumerate(self._rows)]
        present = [i for i, key in enumerate(keys) if key is not None]
        missing = [i for i, key in enumerate(keys) if key is None]
        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        present.sort(key=keys.__getitem__, reverse=descending)
        return present + missing

    # -- Qt model -------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else 6

    def headerData(  # noqa: N802 - Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return column_titles()[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        position = self._visible[index.row()]
        row, column = self._rows[position], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == SORT_ROLE:
            return sort_value(row, column, position)
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.ToolTipRole and column == TAGS and row.tags:
            return ", ".join(row.tags)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == ACTIONS:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ForegroundRole and row.status is ClientStatus.ARCHIVED:
            return QApplication.palette().brush(QPalette.ColorRole.PlaceholderText)
        return None

    def _display(self, row: ClientRow, column: int) -> str:
        if column == NAME:
            return row.name
        if column == STATUS:
            return words.label(row.status)
        if column == NEXT:
            return when_text(row.next_session, self.zone, with_time=True)
        if column == LAST:
            return when_text(row.last_session, self.zone, with_time=False)
        if column == ACTIONS:
            return str(row.open_actions) if row.open_actions else ""
        return ", ".join(row.tags)


def sort_value(row: ClientRow, column: int, position: int) -> Any:
    """The raw value a column sorts by. Names sort in the service's address-book order
    (family name first), which ``position`` (the row's place in that order) carries."""
    if column == NAME:
        return position
    if column == STATUS:
        return STATUS_ORDER[row.status]
    if column == NEXT:
        return row.next_session
    if column == LAST:
        return row.last_session
    if column == ACTIONS:
        return row.open_actions
    return fold(", ".join(row.tags)) or None
