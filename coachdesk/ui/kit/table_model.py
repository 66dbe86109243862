"""The one table model under every list of records: rows are plain records, columns are
declared once (header, and how a row reads in each role), and the Qt plumbing lives here.

Sorting and filtering run in Python over the records, never through ``QSortFilterProxyModel``:
a proxy asks ``data()`` for every comparison (seconds at 10,000 rows), a key per row takes
milliseconds. A model narrows what is shown by overriding ``filtered`` and calls ``refilter``
when its filter changes.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QIcon

from coachdesk.ui.kit.roles import ID_ROLE, ROW_ROLE, SORT_ROLE

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex
Role = Qt.ItemDataRole


@dataclass(frozen=True)
class Column(Generic[R]):
    """One column: its header, its text, and what else a cell of it says.

    ``sort`` gives the raw value the column sorts by (and ``SORT_ROLE`` returns); without it
    the text sorts. A ``None`` value sorts last either way.
    """

    header: str
    display: Callable[[R], str]
    sort: Callable[[R], Any] | None = None
    tooltip: Callable[[R], str | None] | None = None
    colour: Callable[[R], QColor | None] | None = None
    icon: Callable[[R], QIcon | None] | None = None
    alignment: Qt.AlignmentFlag | None = None

    def sort_value(self, row: R) -> Any:
        return self.sort(row) if self.sort is not None else self.display(row)


class TableModel(QAbstractTableModel, Generic[R]):
    """Records under ``columns``; ``identity`` names a record (``ID_ROLE``, ``row_of``).

    ``loaded`` holds every record given, in the current sort order; ``rows`` the ones shown.
    ``ROW_ROLE`` gives a row's record, so a view reads any of these models alike.
    """

    def __init__(
        self,
        columns: Sequence[Column[R]],
        identity: Callable[[R], Hashable],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.columns: tuple[Column[R], ...] = tuple(columns)
        self.identity = identity
        self.loaded: list[R] = []
        self.rows: list[R] = []
        self._given: list[R] = []
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # -- rows -----------------------------------------------------------------------------
    def set_rows(self, rows: Iterable[R]) -> None:
        """Show ``rows``, in the current sort order and through the current filter."""
        self.beginResetModel()
        self._given = list(rows)
        self.loaded = self._sorted(self._given)
        self.rows = self.filtered(self.loaded)
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([])

    def filtered(self, rows: list[R]) -> list[R]:
        """The rows to show out of ``rows`` (sorted); a model with a filter narrows them."""
        return rows

    def refilter(self) -> None:
        """Show the loaded rows again through the filter, after it changed."""
        self.beginResetModel()
        self.rows = self.filtered(self.loaded)
        self.endResetModel()

    def row_at(self, row: int) -> R | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def row_of(self, identity: Hashable) -> int | None:
        """The shown row of the record named ``identity``, if it is shown."""
        return next((i for i, r in enumerate(self.rows) if self.identity(r) == identity), None)

    # -- sorting --------------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by ``column``'s values; selected and current rows stay on their records."""
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        held = [self.rows[index.row()] for index in old]
        self.loaded = self._sorted(self._given)
        self.rows = self.filtered(self.loaded)
        where = {id(row): i for i, row in enumerate(self.rows)}
        new = [self.index(where[id(row)], i.column()) for row, i in zip(held, old, strict=True)]
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    def _sorted(self, rows: list[R]) -> list[R]:
        """Stable: ties keep the order the rows were given in. A column outside the table
        (Qt's -1) means unsorted, as with Qt's own models."""
        if self._sort is None or not 0 <= self._sort[0] < len(self.columns):
            return list(rows)
        column, order = self.columns[self._sort[0]], self._sort[1]
        keys = [column.sort_value(row) for row in rows]
        present = [i for i, key in enumerate(keys) if key is not None]
        missing = [i for i, key in enumerate(keys) if key is None]
        present.sort(key=keys.__getitem__, reverse=order == Qt.SortOrder.DescendingOrder)
        return [rows[i] for i in present + missing]

    # -- the Qt model ---------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.columns)

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Role.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Role.DisplayRole:
            return self.columns[section].header
        return None

    def data(self, index: Index, role: int = Role.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], self.columns[index.column()]
        if role == Role.DisplayRole:
            return column.display(row)
        if role == ID_ROLE:
            return self.identity(row)
        if role == ROW_ROLE:
            return row
        if role == SORT_ROLE:
            return column.sort_value(row)
        if role == Role.ToolTipRole:
            return column.tooltip(row) if column.tooltip is not None else None
        if role == Role.ForegroundRole:
            return column.colour(row) if column.colour is not None else None
        if role == Role.DecorationRole:
            return column.icon(row) if column.icon is not None else None
        if role == Role.TextAlignmentRole and column.alignment is not None:
            return int(column.alignment)
        return None
