"""The goal page's pieces: how scores, milestones and linked action items read, score tiles,
tick lists, and the row that adds an action item to the goal."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coachdesk import words
from coachdesk.formatting import format_short_date
from coachdesk.i18n import _
from coachdesk.model import ActionStatus
from coachdesk.services.progress.actions import ActionRow
from coachdesk.services.progress.goals import MilestoneRow
from coachdesk.ui.kit import entries as parts
from coachdesk.ui.kit import look
from coachdesk.ui.kit.dates import OptionalDateEdit
from coachdesk.ui.kit.look import CHECKBOX_STYLE
from coachdesk.ui.kit.roles import ID_ROLE


def score_text(score: int | None) -> str:
    return "–" if score is None else str(score)


def milestone_text(row: MilestoneRow) -> str:
    parts_ = [row.title]
    if row.done_on is not None:
        parts_.append(_("reached {date}").format(date=format_short_date(row.done_on)))
    elif row.due_on is not None:
        parts_.append(_("due {date}").format(date=format_short_date(row.due_on)))
    return parts.SEP.join(parts_)


def linked_action_text(row: ActionRow, today: date) -> str:
    if row.status is ActionStatus.DONE:
        when = _("done {date}").format(date=format_short_date(row.done_on)) if row.done_on else ""
        return parts.SEP.join(
            p for p in (row.text, when or words.in_sentence(ActionStatus.DONE)) if p
        )
    if row.status is ActionStatus.DROPPED:
        return parts.SEP.join((row.text, words.in_sentence(ActionStatus.DROPPED)))
    return parts.SEP.join(p for p in (row.text, parts.due_text(row.due_on, today)) if p)


class ScoreTile(QFrame):
    """A big number over a small label: baseline, latest, target."""

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.value = look.heading("–", scale=1.8)
        self.value.setAlignment(Qt.AlignmentFlag.AlignCenter)
        caption = look.note(label)
        caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column = QVBoxLayout(self)
        column.setContentsMargins(18, 8, 18, 8)
        column.setSpacing(0)
        column.addWidget(self.value)
        column.addWidget(caption)


class TickList(parts.CompactList):
    """Rows with a check box each (milestones, action items); ``ticked(id, done)`` on a click."""

    ticked = Signal(int, bool)

    def __init__(self, tip: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(CHECKBOX_STYLE)
        self.setToolTip(tip)
        self.itemChanged.connect(self._changed)

    def fill(self, rows: list[tuple[int, str, bool]]) -> None:
        """``(id, text, done)`` rows; filling announces nothing."""
        with QSignalBlocker(self):
            self.clear()
            for row_id, text, done in rows:
                item = QListWidgetItem(text)
                item.setData(ID_ROLE, row_id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if done else Qt.CheckState.Unchecked)
                self.addItem(item)
        self.setVisible(bool(rows))

    def wipe(self) -> None:
        with QSignalBlocker(self):
            self.clear()

    def _changed(self, item: QListWidgetItem) -> None:
        self.ticked.emit(int(item.data(ID_ROLE)), item.checkState() == Qt.CheckState.Checked)


class NewActionRow(QWidget):
    """Text, optional due date and Add: ``submitted(text, due)`` when there is text."""

    submitted = Signal(str, object)  # the text, and a date or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QLineEdit()
        self.text.setPlaceholderText(_("A new action item for this goal…"))
        self.text.returnPressed.connect(self._submit)
        self.due = OptionalDateEdit(_("No due date"))
        self.add_button = QPushButton(_("Add"))
        self.add_button.setToolTip(_("Add the action item, linked to this goal (Enter)"))
        self.add_button.clicked.connect(self._submit)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.text, 1)
        row.addWidget(self.due)
        row.addWidget(self.add_button)

    def _submit(self) -> None:
        if self.text.text().strip() and self.add_button.isEnabled():
            self.add_button.setEnabled(False)
            self.submitted.emit(self.text.text().strip(), self.due.optional_day())

    def saved(self) -> None:
        self.text.clear()
        self.due.set_optional_day(None)
        self.add_button.setEnabled(True)

    def failed(self) -> None:
        """The save failed: what was typed stays, to try again."""
        self.add_button.setEnabled(True)
