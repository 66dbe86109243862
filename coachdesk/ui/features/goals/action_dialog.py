"""Editing a saved action item: its text, due date and the goal it serves.

The service's field messages come back under each field; nothing typed is lost until the save
succeeds, and a lock waits for typed changes (a ``FormDialog``).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid
from sqlalchemy.orm import Session

from coachdesk.errors import ValidationError
from coachdesk.i18n import _
from coachdesk.services.people.clients import Saved
from coachdesk.services.progress import actions, goals
from coachdesk.services.progress.actions import ActionFields
from coachdesk.services.progress.goals import GoalRow
from coachdesk.ui.kit import practice as kinds
from coachdesk.ui.kit.dates import OptionalDateEdit, error_label, show_message
from coachdesk.ui.kit.errors import show_error
from coachdesk.ui.kit.form_dialog import FormDialog
from coachdesk.ui.kit.practice import Practice

FIELDS = ("text", "due_on", "goal", "general")


def load(db: Session, action_id: int) -> tuple[ActionFields, list[GoalRow]]:
    data = actions.action_fields(db, action_id)
    return data, goals.list_goals(db, data.client_id)


class ActionDialog(FormDialog):
    """Edit action item ``action_id``; it closes once the change is saved."""

    def __init__(self, practice: Practice, action_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.practice = practice
        self.action_id = action_id
        self.original: ActionFields | None = None
        self.setWindowTitle(_("Edit action item"))
        self.setMinimumWidth(480)
        self.errors = {name: error_label(name) for name in FIELDS}
        self.text = QLineEdit()
        self.text.textEdited.connect(self._edited)
        self.due = OptionalDateEdit(_("No due date"))
        self.due.dateChanged.connect(self._edited)
        self.goal = QComboBox()
        self.goal.activated.connect(self._edited)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for label, widget, name in (
            (_("Action item"), self.text, "text"),
            (_("Due"), self.due, "due_on"),
            (_("Goal"), self.goal, "goal"),
        ):
            form.addRow(label, widget)
            form.addRow("", self.errors[name])
        layout = QVBoxLayout(self)
        layout.addWidget(self.errors["general"])
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self._set_busy(True)
        practice.read(lambda db: load(db, action_id), self._loaded, self._load_failed, parent=self)

    def _edited(self, *_args: object) -> None:
        self._dirty = True

    def _loaded(self, loaded: tuple[ActionFields, list[GoalRow]]) -> None:
        if not isValid(self):
            return
        data, goal_rows = loaded
        self.original = data
        self.text.setText(data.text)
        self.due.set_optional_day(data.due_on)
        self.goal.clear()
        self.goal.addItem(_("No goal"), None)
        for row in goal_rows:
            self.goal.addItem(row.title, row.id)
        self.goal.setCurrentIndex(max(self.goal.findData(data.goal_id), 0))
        self._dirty = False
        self._set_busy(False)
        self.text.setFocus()

    def _load_failed(self, exc: BaseException) -> None:
        if isValid(self):
            show_error(self.parentWidget(), exc)
            self.discard()

    def fields(self) -> ActionFields | None:
        if self.original is None:
            return None
        return replace(
            self.original,
            text=self.text.text(),
            due_on=self.due.optional_day(),
            goal_id=self.goal.currentData(),
        )

    def submit(self) -> None:
        data = self.fields()
        if self.saving or data is None:
            return
        action_id = self.action_id
        self.saving = True
        self._set_busy(True)
        self.practice.write(
            lambda db: actions.update_action(db, action_id, data),
            self._done,
            self._failed,
            changes=kinds.ACTIONS,
            parent=self,
        )

    def _done(self, _saved: Saved) -> None:
        if isValid(self):
            self.saving = False
            self._dirty = False
            self.accept()

    def _failed(self, exc: BaseException) -> None:
        if not isValid(self):
            return
        self.saving = False
        self._set_busy(False)
        if not isinstance(exc, ValidationError):
            show_error(self, exc)
            return
        for name, label in self.errors.items():
            show_message(label, exc.fields.get(name, ""))
        stray = [m for n, m in exc.fields.items() if n not in self.errors]
        show_message(self.errors["general"], "\n".join(stray))

    def error_text(self, name: str) -> str:
        return self.errors[name].text() if self.errors[name].isVisibleTo(self) else ""

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.text, self.due, self.goal, self.save_button):
            widget.setEnabled(not busy)

    def wipe(self) -> None:
        self.text.clear()
        self.goal.clear()
        self.original = None
