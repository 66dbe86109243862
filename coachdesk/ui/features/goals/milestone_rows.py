"""The milestones of the goal form: one row each (done, title, due date, remove), plus Add.

Rows are plain widgets: a goal has a handful of milestones, and a row of real inputs is what a
coach expects to type into. Removed rows that were saved before are remembered, so the save
can delete them in the same transaction.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coachdesk.i18n import _
from coachdesk.services.progress.goal_forms import MilestoneEdit
from coachdesk.services.progress.goals import MilestoneRow
from coachdesk.ui.kit import look
from coachdesk.ui.kit.dates import OptionalDateEdit


class MilestoneRowWidget(QWidget):
    """One milestone's inputs; ``changed`` on every edit, ``remove_requested`` from its button."""

    changed = Signal()
    remove_requested = Signal(QWidget)

    def __init__(self, row: MilestoneRow | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.milestone_id = row.id if row else None
        self.done = QCheckBox()
        self.done.setToolTip(_("Reached"))
        self.done.setAccessibleName(_("Milestone reached"))
        self.title = QLineEdit()
        self.title.setPlaceholderText(_("e.g. Lead one team meeting without notes"))
        self.title.setAccessibleName(_("Milestone"))
        self.due = OptionalDateEdit(_("No due date"))
        self.due.setToolTip(_("Due date (optional)"))
        self.remove = look.link_button(_("Remove"))
        self.remove.setToolTip(_("Remove this milestone when the goal is saved"))
        if row is not None:
            self.done.setChecked(row.done_on is not None)
            self.title.setText(row.title)
            self.due.set_optional_day(row.due_on)
        self.done.toggled.connect(self._changed)
        self.title.textEdited.connect(self._changed)
        self.due.dateChanged.connect(self._changed)
        self.remove.clicked.connect(self._remove_clicked)
        line = QHBoxLayout(self)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.done)
        line.addWidget(self.title, 1)
        line.addWidget(self.due)
        line.addWidget(self.remove)

    def _changed(self, *_args: object) -> None:
        self.changed.emit()

    def _remove_clicked(self) -> None:
        self.remove_requested.emit(self)

    def edit(self) -> MilestoneEdit:
        return MilestoneEdit(
            self.milestone_id, self.title.text(), self.due.optional_day(), self.done.isChecked()
        )


class MilestoneRows(QWidget):
    """Every milestone row of one goal; ``edits()`` and ``removed`` go to ``save_goal``."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[MilestoneRowWidget] = []
        self.removed: list[int] = []
        self.add_button = QPushButton(_("Add milestone"))
        self.add_button.setToolTip(_("Add a checkpoint on the way to the goal (Ctrl+M)"))
        self.add_button.setShortcut("Ctrl+M")
        self.add_button.clicked.connect(self._add_clicked)
        self.empty = look.note(_("No milestones yet: add checkpoints on the way to the goal."))
        self.column = QVBoxLayout()
        self.column.setSpacing(6)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.empty)
        outer.addLayout(self.column)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        outer.addLayout(buttons)

    def set_rows(self, rows: list[MilestoneRow]) -> None:
        self.wipe()
        for row in rows:
            self._append(MilestoneRowWidget(row))
        self._update_empty()

    def add_row(self, title: str = "", due_on: date | None = None) -> MilestoneRowWidget:
        widget = MilestoneRowWidget()
        widget.title.setText(title)
        widget.due.set_optional_day(due_on)
        self._append(widget)
        self._update_empty()
        widget.title.setFocus()
        self.changed.emit()
        return widget

    def _add_clicked(self) -> None:
        self.add_row()

    def edits(self) -> list[MilestoneEdit]:
        return [row.edit() for row in self.rows]

    def wipe(self) -> None:
        """Drop every row and what it held (the dialog closes or the app locks)."""
        for row in self.rows:
            row.title.clear()
            row.setParent(None)
            row.deleteLater()
        self.rows, self.removed = [], []
        self._update_empty()

    def _append(self, widget: MilestoneRowWidget) -> None:
        widget.changed.connect(self.changed.emit)
        widget.remove_requested.connect(self._remove)
        self.rows.append(widget)
        self.column.addWidget(widget)

    def _remove(self, widget: QWidget) -> None:
        row = next((r for r in self.rows if r is widget), None)
        if row is None:
            return
        if row.milestone_id is not None:
            self.removed.append(row.milestone_id)
        self.rows.remove(row)
        row.setParent(None)
        row.deleteLater()
        self._update_empty()
        self.changed.emit()

    def _update_empty(self) -> None:
        self.empty.setVisible(not self.rows)
