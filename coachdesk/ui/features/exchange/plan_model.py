"""The import preview's rows: one per row or card of the file, with a tick to import it.

A plain ``QAbstractTableModel`` over the plan's rows, so a 10,000-row file scrolls at once.
Invalid rows cannot be ticked; likely duplicates start unticked, new rows ticked.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from coachdesk.i18n import _
from coachdesk.services.exchange.contacts_import import ImportPlan, PlannedRow, RowStatus
from coachdesk.ui.kit import look

ROW, NAME, EMAIL, PHONE, ORGANISATION, STATUS, REASON = range(7)
Index = QModelIndex | QPersistentModelIndex


def status_text(status: RowStatus) -> str:
    labels = {
        RowStatus.NEW: _("New"),
        RowStatus.DUPLICATE: _("Likely duplicate"),
        RowStatus.INVALID: _("Invalid"),
    }
    return labels[status]


class PlanModel(QAbstractTableModel):
    """``ticked_changed(n)`` whenever the number of rows to import changes."""

    ticked_changed = Signal(int)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[PlannedRow] = []
        self.ticked: list[bool] = []
        self.titles = (
            _("Row"),
            _("Name"),
            _("Email"),
            _("Phone"),
            _("Organisation"),
            _("Status"),
            _("Reason"),
        )

    def set_plan(self, plan: ImportPlan) -> None:
        self.beginResetModel()
        self.rows = plan.rows
        self.ticked = [row.status == RowStatus.NEW for row in plan.rows]
        self.endResetModel()
        self.ticked_changed.emit(self.ticked_count())

    def clear(self) -> None:
        self.set_plan(ImportPlan([]))

    def ticked_count(self) -> int:
        return sum(self.ticked)

    def chosen_rows(self) -> list[PlannedRow]:
        return [row for row, tick in zip(self.rows, self.ticked, strict=True) if tick]

    def set_ticked(self, row: int, ticked: bool) -> bool:
        if self.rows[row].status == RowStatus.INVALID or self.ticked[row] == ticked:
            return False
        self.ticked[row] = ticked
        changed = self.index(row, ROW)
        self.dataChanged.emit(changed, changed, [Qt.ItemDataRole.CheckStateRole])
        self.ticked_changed.emit(self.ticked_count())
        return True

    # -- Qt model interface ---------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.titles)

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.titles[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == ROW and self.rows[index.row()].status != RowStatus.INVALID:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            values = (
                str(row.number),
                row.name,
                row.email,
                row.phone,
                row.organisation,
                status_text(row.status),
                row.reason,
            )
            return values[column]
        if role == Qt.ItemDataRole.CheckStateRole and column == ROW:
            if row.status == RowStatus.INVALID:
                return None
            ticked = self.ticked[index.row()]
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ForegroundRole and column in (STATUS, REASON):
            return look.colour(look.Colour.DANGER) if row.status == RowStatus.INVALID else None
        if role == Qt.ItemDataRole.ToolTipRole and column == REASON:
            return row.reason or None
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != ROW:
            return False
        state = value if isinstance(value, Qt.CheckState) else Qt.CheckState(value)
        return self.set_ticked(index.row(), state == Qt.CheckState.Checked)
