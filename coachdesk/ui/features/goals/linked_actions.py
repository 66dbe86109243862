"""The goal page's action items: tick, add, edit, delete (with Undo) and link existing ones.

Deleting an action item is cheap to undo (its few fields are kept until the next delete or
the lock), so it asks nothing and offers Undo in the line that says it is gone.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget
from shiboken6 import isValid

from coachdesk.i18n import _
from coachdesk.model import ActionStatus
from coachdesk.services.progress import actions
from coachdesk.services.progress.actions import ActionFields, DeletedAction
from coachdesk.services.progress.goal_forms import GoalDetail
from coachdesk.ui.features.goals.action_dialog import ActionDialog
from coachdesk.ui.features.goals.goal_parts import NewActionRow, TickList, linked_action_text
from coachdesk.ui.kit import look
from coachdesk.ui.kit import practice as kinds
from coachdesk.ui.kit.errors import show_error
from coachdesk.ui.kit.practice import Practice, Work
from coachdesk.ui.kit.roles import ID_ROLE


class LinkedActions(QWidget):
    """``fill(detail, today)`` shows a goal's action items; every change is written through
    the practice, and ``write_failed`` asks the page to read again (a tick may be undone)."""

    write_failed = Signal()

    def __init__(self, practice: Practice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.practice = practice
        self.detail: GoalDetail | None = None
        self.deleted: DeletedAction | None = None
        self.dialog: ActionDialog | None = None
        self.action_items = TickList(_("Tick an action item (Space) to mark it done"))
        self.action_items.ticked.connect(self.set_done)
        self.action_items.itemSelectionChanged.connect(self._selection_changed)
        self.no_actions = look.note(_("No action items are linked to this goal yet."))
        self.edit_button = QPushButton(_("Edit…"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button = QPushButton(_("Delete"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.notice = QLabel()
        self.undo_button = look.link_button(_("Undo"))
        self.undo_button.clicked.connect(self.undo)
        self.linkable = QComboBox()
        self.linkable.setAccessibleName(_("An open action item of this client"))
        self.link_button = QPushButton(_("Link"))
        self.link_button.setToolTip(_("Link the chosen action item to this goal"))
        self.link_button.clicked.connect(self.link_chosen)
        self.new_action = NewActionRow()
        self.new_action.submitted.connect(self.add)
        self._layout()
        self._show_notice("")
        self._selection_changed()

    def _layout(self) -> None:
        tools = QHBoxLayout()
        tools.setContentsMargins(0, 0, 0, 0)
        for widget in (self.edit_button, self.delete_button, self.notice, self.undo_button):
            tools.addWidget(widget)
        tools.addStretch(1)
        link = QHBoxLayout()
        link.setContentsMargins(0, 0, 0, 0)
        link.addWidget(self.linkable, 1)
        link.addWidget(self.link_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.no_actions)
        column.addWidget(self.action_items)
        column.addLayout(tools)
        column.addLayout(link)
        column.addWidget(self.new_action)

    # -- showing --------------------------------------------------------------------------
    def fill(self, detail: GoalDetail, today: date) -> None:
        self.detail = detail
        open_first = sorted(detail.actions, key=lambda a: a.status is not ActionStatus.OPEN)
        self.action_items.fill(
            [
                (a.id, linked_action_text(a, today), a.status is ActionStatus.DONE)
                for a in open_first
            ]
        )
        self.no_actions.setVisible(not detail.actions)
        self.linkable.clear()
        for row in detail.linkable:
            self.linkable.addItem(linked_action_text(row, today), row.id)
        self.linkable.setVisible(bool(detail.linkable))
        self.link_button.setVisible(bool(detail.linkable))
        self._selection_changed()

    def wipe(self) -> None:
        """Forget every action item's text, the one kept for Undo too (the app locks)."""
        self.detail, self.deleted = None, None
        self.action_items.wipe()
        self.linkable.clear()
        self.new_action.text.clear()
        self._show_notice("")
        if self.dialog is not None:
            self.dialog.discard()

    def _selection_changed(self) -> None:
        chosen = self.selected() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def _show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))
        self.undo_button.setVisible(self.deleted is not None and bool(text))

    def selected(self) -> int | None:
        item = self.action_items.currentItem()
        return int(item.data(ID_ROLE)) if item is not None and item.isSelected() else None

    # -- what the coach can do ------------------------------------------------------------
    def set_done(self, action_id: int, done: bool) -> None:
        work = actions.mark_done if done else actions.mark_open
        self._write(lambda db: work(db, action_id))

    def add(self, text: str, due_on: date | None) -> None:
        """A new action item linked to this goal; the typed text stays if the save fails."""
        if self.detail is None:
            self.new_action.failed()
            return
        data = ActionFields(self.detail.fields.client_id, text, due_on, goal_id=self.detail.id)
        self.practice.write(
            lambda db: actions.add_action(db, data),
            self._added,
            self._add_failed,
            changes=kinds.ACTIONS,
            parent=self,
        )

    def _added(self, _saved: object) -> None:
        if isValid(self):
            self.new_action.saved()

    def _add_failed(self, exc: BaseException) -> None:
        if isValid(self):
            self.new_action.failed()
            show_error(self, exc)

    def edit_selected(self) -> ActionDialog | None:
        action_id = self.selected()
        if action_id is None:
            return None
        if self.dialog is None:
            self.dialog = ActionDialog(self.practice, action_id, self)
            self.dialog.finished.connect(self._dialog_finished)
            self.dialog.open()
        return self.dialog

    def _dialog_finished(self, _result: int) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.deleteLater()

    def delete_selected(self) -> None:
        action_id = self.selected()
        if action_id is not None:
            self.practice.write(
                lambda db: actions.delete_action(db, action_id),
                self._deleted,
                self._failed,
                changes=kinds.ACTIONS,
                parent=self,
            )

    def _deleted(self, deleted: DeletedAction) -> None:
        if isValid(self):
            self.deleted = deleted
            self._show_notice(_("Action item deleted."))

    def undo(self) -> None:
        deleted, self.deleted = self.deleted, None
        self._show_notice("")
        if deleted is not None:
            self._write(lambda db: actions.restore_action(db, deleted))

    def link_chosen(self) -> None:
        action_id, detail = self.linkable.currentData(), self.detail
        if action_id is not None and detail is not None:
            self._write(lambda db: actions.link_action(db, action_id, detail.id))

    def _write(self, work: Work[object]) -> None:
        self.practice.write(work, lambda _result: None, self._failed, changes=kinds.ACTIONS)

    def _failed(self, exc: BaseException) -> None:
        if isValid(self):
            show_error(self, exc)
            self.write_failed.emit()
