"""The import preview's rows: one per row or card of the file, with a tick to import it.

A table model over the plan's rows (no widget per row), so a 10,000-row file scrolls at once.
Invalid rows cannot be ticked; likely duplicates start unticked, new rows ticked.
"""

from __future__ import annotations

from operator import attrgetter
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor

from coachdesk.i18n import _
from coachdesk.services.exchange.contacts_import import ImportPlan, PlannedRow, RowStatus
from coachdesk.ui.kit import look
from coachdesk.ui.kit.table_model import Column, Index, TableModel

ROW, NAME, EMAIL, PHONE, ORGANISATION, STATUS, REASON = range(7)


def status_text(status: RowStatus) -> str:
    labels = {
        RowStatus.NEW: _("New"),
        RowStatus.DUPLICATE: _("Likely duplicate"),
        RowStatus.INVALID: _("Invalid"),
    }
    return labels[status]


def invalid_colour(row: PlannedRow) -> QColor | None:
    return look.colour(look.Colour.DANGER) if row.status == RowStatus.INVALID else None


def columns() -> tuple[Column[PlannedRow], ...]:
    return (
        Column(_("Row"), lambda r: str(r.number)),
        Column(_("Name"), attrgetter("name")),
        Column(_("Email"), attrgetter("email")),
        Column(_("Phone"), attrgetter("phone")),
        Column(_("Organisation"), attrgetter("organisation")),
        Column(_("Status"), lambda r: status_text(r.status), colour=invalid_colour),
        Column(
            _("Reason"),
            attrgetter("reason"),
            tooltip=lambda r: r.reason or None,
            colour=invalid_colour,
        ),
    )


class PlanModel(TableModel[PlannedRow]):
    """``ticked_changed(n)`` whenever the number of rows to import changes."""

    ticked_changed = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(columns(), attrgetter("number"), parent)
        self.ticked: set[int] = set()  # row numbers, so a tick stays with its row in any order

    def set_plan(self, plan: ImportPlan) -> None:
        self.ticked = {row.number for row in plan.rows if row.status == RowStatus.NEW}
        self.set_rows(plan.rows)
        self.ticked_changed.emit(self.ticked_count())

    def clear(self) -> None:
        self.set_plan(ImportPlan([]))

    def ticked_count(self) -> int:
        return len(self.ticked)

    def chosen_rows(self) -> list[PlannedRow]:
        return [row for row in self.rows if row.number in self.ticked]

    def set_ticked(self, row: int, ticked: bool) -> bool:
        planned = self.rows[row]
        if planned.status == RowStatus.INVALID or (planned.number in self.ticked) == ticked:
            return False
        if ticked:
            self.ticked.add(planned.number)
        else:
            self.ticked.discard(planned.number)
        changed = self.index(row, ROW)
        self.dataChanged.emit(changed, changed, [Qt.ItemDataRole.CheckStateRole])
        self.ticked_changed.emit(self.ticked_count())
        return True

    # -- the tick box ---------------------------------------------------------------------
    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == ROW and self.rows[index.row()].status != RowStatus.INVALID:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.CheckStateRole and index.isValid() and index.column() == ROW:
            planned = self.rows[index.row()]
            if planned.status == RowStatus.INVALID:
                return None
            ticked = planned.number in self.ticked
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        return super().data(index, role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != ROW:
            return False
        state = value if isinstance(value, Qt.CheckState) else Qt.CheckState(value)
        return self.set_ticked(index.row(), state == Qt.CheckState.Checked)
