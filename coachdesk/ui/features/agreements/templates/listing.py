"""The list of the coach's agreement templates, marking the builtin ones and the default."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from coachdesk import words
from coachdesk.i18n import _
from coachdesk.services.agreements.agreements import TemplateRow
from coachdesk.ui.kit.roles import ID_ROLE


def row_text(row: TemplateRow, default_id: int | None) -> str:
    marks = [words.label(row.kind)]
    if row.builtin:
        marks.append(_("came with CoachDesk"))
    if row.id == default_id:
        marks.append(_("default for new agreements"))
    return f"{row.name}\n{' · '.join(marks)}"


class TemplateList(QListWidget):
    """``picked(id)`` when the coach selects a template (not when the list is refilled)."""

    picked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("templateList")
        self.setAlternatingRowColors(True)
        self.setSpacing(2)
        self.rows: dict[int, TemplateRow] = {}
        self.currentItemChanged.connect(self._changed)

    def show_rows(
        self, rows: list[TemplateRow], default_id: int | None, select: int | None
    ) -> None:
        self.blockSignals(True)
        try:
            self.clear()
            self.rows = {row.id: row for row in rows}
            for row in rows:
                item = QListWidgetItem(row_text(row, default_id))
                item.setData(ID_ROLE, row.id)
                item.setToolTip(row.name)
                self.addItem(item)
                if row.id == select:
                    self.setCurrentItem(item)
        finally:
            self.blockSignals(False)

    def current_id(self) -> int | None:
        item = self.currentItem()
        return int(item.data(ID_ROLE)) if item is not None else None

    def select_id(self, template_id: int | None, *, quietly: bool = True) -> None:
        self.blockSignals(quietly)
        try:
            for i in range(self.count()):
                if self.item(i).data(ID_ROLE) == template_id:
                    self.setCurrentRow(i)
        finally:
            self.blockSignals(False)

    def _changed(self, item: QListWidgetItem | None, _old: QListWidgetItem | None) -> None:
        if item is not None:
            self.picked.emit(int(item.data(ID_ROLE)))
