"""Action items in the notes editor: last time's open ones to tick off (Space), those already
agreed at this session, and new ones typed one per line (Enter starts the next).

These lists are a client's handful of open items, so a ``QListWidget`` is the right size.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from coachdesk.formatting import format_short_date
from coachdesk.i18n import _
from coachdesk.services.progress.actions import ActionRow
from coachdesk.ui.kit import look
from coachdesk.ui.kit.roles import ID_ROLE

MAX_VISIBLE_ROWS = 6


def action_line(action: ActionRow, today: date | None = None) -> str:
    """``"Read chapter 3 — due 3 Mar 2026 (overdue)"``; undated items are just their text."""
    if action.due_on is None:
        return action.text
    due = _("due {date}").format(date=format_short_date(action.due_on))
    if today is not None and action.due_on < today:
        due = _("{due} (overdue)").format(due=due)
    return f"{action.text} — {due}"


def subheading(text: str, buddy: QWidget | None = None) -> QLabel:
    """A section title inside the editor; with a buddy its mnemonic (Alt+letter) jumps there."""
    label = look.heading(text, scale=1.08)
    if buddy is not None:
        label.setBuddy(buddy)
    return label


def _visible_ticks(view: QListWidget) -> None:
    """Fusion outlines tick boxes with a darker shade of the window colour, which vanishes on
    dark palettes; half-way between window and text is visible on light and dark alike."""
    palette = view.parentWidget().palette() if view.parentWidget() else view.palette()
    window, text = palette.color(QPalette.ColorRole.Window), palette.color(QPalette.ColorRole.Text)
    mixed = QColor(
        (window.red() + text.red()) // 2,
        (window.green() + text.green()) // 2,
        (window.blue() + text.blue()) // 2,
    )
    own = view.palette()
    own.setColor(QPalette.ColorRole.Window, mixed)
    view.setPalette(own)


class ActionsBox(QWidget):
    """The action-item part of the editor; ``changed`` fires on every tick or keystroke."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.carried = QListWidget()
        self.carried.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.carried.setAccessibleName(_("Carried forward action items"))
        self.carried.setToolTip(_("Space marks the selected item done"))
        self.carried.setWordWrap(True)
        self.carried.setSpacing(1)
        self.carried.itemChanged.connect(self._ticked)
        self.carried_empty = look.note(_("No open action items from earlier sessions."))
        self.agreed = look.note("")
        self.agreed.setTextFormat(Qt.TextFormat.PlainText)
        self.new_actions = QPlainTextEdit()
        self.new_actions.setTabChangesFocus(True)
        self.new_actions.setAccessibleName(_("New action items"))
        self.new_actions.setPlaceholderText(_("One per line — Enter starts the next"))
        self.new_actions.setMinimumHeight(64)
        self.new_actions.setMaximumHeight(150)
        self.new_actions.textChanged.connect(self.changed.emit)
        self.due_hint = look.note("")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(subheading(_("&Carried forward"), self.carried))
        layout.addWidget(self.carried)
        layout.addWidget(self.carried_empty)
        layout.addSpacing(look.SPACING // 2)
        layout.addWidget(subheading(_("&New action items"), self.new_actions))
        layout.addWidget(self.agreed)
        layout.addWidget(self.new_actions)
        layout.addWidget(self.due_hint)

    def show_actions(
        self, carried: Iterable[ActionRow], agreed: Iterable[ActionRow], today: date
    ) -> None:
        """Fill the lists; ticks are cleared (``set_done`` restores them from a draft)."""
        self.carried.blockSignals(True)
        self.carried.clear()
        for action in carried:
            item = QListWidgetItem(action_line(action, today), self.carried)
            item.setData(ID_ROLE, action.id)
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable
            )
            item.setCheckState(Qt.CheckState.Unchecked)
            if action.goal_title:
                item.setToolTip(_("Goal: {title}").format(title=action.goal_title))
        self.carried.blockSignals(False)
        _visible_ticks(self.carried)
        count = self.carried.count()
        self.carried.setVisible(count > 0)
        self.carried_empty.setVisible(count == 0)
        if count:
            # Current (for Space) but not selected: a quiet list until the coach goes there.
            self.carried.setCurrentRow(0, QItemSelectionModel.SelectionFlag.NoUpdate)
            line = self.carried.fontMetrics().lineSpacing()
            rows = min(count, MAX_VISIBLE_ROWS)
            self.carried.setFixedHeight(rows * (2 * line + 6) + 2 * self.carried.frameWidth())
        agreed_texts = [f"• {action_line(a)}" for a in agreed]
        self.agreed.setText(
            _("Already agreed at this session:") + "\n" + "\n".join(agreed_texts)
            if agreed_texts
            else ""
        )
        self.agreed.setVisible(bool(agreed_texts))

    def _ticked(self, item: QListWidgetItem) -> None:
        font = item.font()
        font.setStrikeOut(item.checkState() == Qt.CheckState.Checked)
        item.setFont(font)
        self.changed.emit()

    def show_due(self, due_on: date, is_next_session: bool) -> None:
        self.due_hint.setText(
            _("Due {date}, the next session.").format(date=format_short_date(due_on))
            if is_next_session
            else _("Due {date}, a week after this session.").format(date=format_short_date(due_on))
        )

    def done_ids(self) -> list[int]:
        return sorted(
            int(self.carried.item(i).data(ID_ROLE))
            for i in range(self.carried.count())
            if self.carried.item(i).checkState() == Qt.CheckState.Checked
        )

    def set_done(self, ids: Iterable[int]) -> None:
        wanted = set(ids)
        for i in range(self.carried.count()):
            item = self.carried.item(i)
            checked = int(item.data(ID_ROLE)) in wanted
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def actions_text(self) -> str:
        return self.new_actions.toPlainText()

    def set_actions_text(self, text: str) -> None:
        if text != self.new_actions.toPlainText():
            self.new_actions.setPlainText(text)

    def remove_saved(self, saved: list[str]) -> None:
        """After a save, drop the lines that became action items, keeping anything typed since."""
        remaining = list(saved)
        kept = []
        for line in self.new_actions.toPlainText().splitlines():
            if line.strip() and line.strip() in remaining:
                remaining.remove(line.strip())
            else:
                kept.append(line)
        self.set_actions_text("\n".join(kept).strip("\n"))

    def clear(self) -> None:
        self.carried.clear()
        self.new_actions.clear()
        self.agreed.clear()
        self.due_hint.clear()
