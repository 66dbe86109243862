"""The Week mode of the Sessions page: one week, day by day, with time, client, "3 of 8" and a
status chip. Only that week is read from the vault, so it is instant at any practice size.

Day headings are disabled rows (painted in the normal text colour) so the arrow keys step from
session to session across days; Enter (``activated``) asks for the session's notes.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QLocale, QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QAction, QBrush, QFont, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from coachdesk import words
from coachdesk.formatting import format_date, format_date_range
from coachdesk.i18n import _, ngettext
from coachdesk.model import SessionStatus
from coachdesk.services.sessions import sessions
from coachdesk.services.sessions.sessions import SessionRow
from coachdesk.ui.features.sessions.session_list_model import (
    sequence_label,
    status_chip,
    time_range,
)
from coachdesk.ui.kit import look
from coachdesk.ui.kit.latest import Latest
from coachdesk.ui.kit.practice import Practice
from coachdesk.ui.kit.roles import ROW_ROLE


def week_start(day: date) -> date:
    """The first day of ``day``'s week, as the coach's locale counts weeks (Monday by default)."""
    first = QLocale().firstDayOfWeek().value  # Qt: Monday = 1 ... Sunday = 7
    return day - timedelta(days=(day.isoweekday() - first) % 7)


class WeekAgenda(QWidget):
    """The sessions of one week; ``session_activated`` carries the id of the session opened."""

    session_activated = Signal(int)
    selection_changed = Signal()
    loaded = Signal()

    def __init__(self, practice: Practice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.practice = practice
        self.first_day = week_start(self._today())
        self._latest = Latest(self)
        self._rows: list[SessionRow] = []

        self.previous_button = QPushButton(_("‹ Previous"))
        self.previous_button.setToolTip(_("Previous week (Page Up)"))
        self.this_week_button = QPushButton(_("This week"))
        self.next_button = QPushButton(_("Next ›"))
        self.next_button.setToolTip(_("Next week (Page Down)"))
        self.previous_button.clicked.connect(lambda: self.show_week(self.first_day - _WEEK))
        self.next_button.clicked.connect(lambda: self.show_week(self.first_day + _WEEK))
        self.this_week_button.clicked.connect(lambda: self.show_week(self._today()))
        self.title = look.heading("", scale=1.15)
        self.title.setWordWrap(False)
        self.summary = look.note("")

        self.model = QStandardItemModel(self)
        self.view = QTreeView()
        self.view.setModel(self.model)
        self.view.setRootIsDecorated(False)
        self.view.setItemsExpandable(False)
        self.view.setAllColumnsShowFocus(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.activated.connect(self._activated)
        self._set_headers()
        self.view.selectionModel().currentChanged.connect(lambda *_a: self.selection_changed.emit())

        for key, step in ((QKeySequence.StandardKey.MoveToPreviousPage, -1),
                          (QKeySequence.StandardKey.MoveToNextPage, 1)):  # fmt: skip
            action = QAction(self)
            action.setShortcut(key)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(
                lambda _c=False, s=step: self.show_week(self.first_day + s * _WEEK)
            )
            self.addAction(action)

        bar = QHBoxLayout()
        bar.addWidget(self.title)
        bar.addStretch(1)
        for button in (self.previous_button, self.this_week_button, self.next_button):
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)

    def _today(self) -> date:
        return datetime.now(self.practice.zone).date()

    def show_week(self, day: date) -> None:
        """Show the week holding ``day`` and read its sessions."""
        self.first_day = week_start(day)
        self.refresh()

    def refresh(self) -> None:
        zone = self.practice.zone
        start = datetime.combine(self.first_day, time(), zone)
        end = datetime.combine(self.first_day + _WEEK, time(), zone)
        self.title.setText(format_date_range(self.first_day, self.first_day + _WEEK - _DAY))
        self.this_week_button.setEnabled(self.first_day != week_start(self._today()))
        request = self._latest.start()
        self.practice.read(
            lambda db: sessions.list_sessions(db, start=start, end=end),
            lambda rows: self._show(request, rows),
            parent=self,
        )

    def clear(self) -> None:
        self._latest.drop()  # results still on their way are dropped
        self._rows = []
        self.model.removeRows(0, self.model.rowCount())
        self.summary.clear()

    def selected_row(self) -> SessionRow | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        row = index.siblingAtColumn(0).data(ROW_ROLE)
        return row if isinstance(row, SessionRow) else None

    def select_session(self, session_id: int) -> bool:
        for day in range(self.model.rowCount()):
            parent = self.model.item(day)
            for i in range(parent.rowCount()):
                row = parent.child(i).data(ROW_ROLE)
                if isinstance(row, SessionRow) and row.id == session_id:
                    self.view.setCurrentIndex(parent.child(i).index())
                    return True
        return False

    def _show(self, request: int, rows: list[SessionRow]) -> None:
        if not self._latest.holds(request):
            return
        previous = self.selected_row()
        self._rows = rows
        self.model.removeRows(0, self.model.rowCount())
        zone = self.practice.zone
        by_day: dict[date, list[SessionRow]] = {}
        for row in rows:
            by_day.setdefault(row.starts_at.astimezone(zone).date(), []).append(row)
        today = self._today()
        for offset in range(7):
            day = self.first_day + timedelta(days=offset)
            self.model.appendRow(self._day_item(day, today, by_day.get(day, [])))
        self._set_headers()
        self.view.expandAll()
        for day in range(self.model.rowCount()):
            self.view.setFirstColumnSpanned(day, QModelIndex(), True)
        self.summary.setText(_week_summary(rows))
        if not (previous and self.select_session(previous.id)):
            upcoming = [r for r in rows if r.starts_at.astimezone(zone).date() >= today]
            first = upcoming[0] if upcoming else (rows[0] if rows else None)
            if first is not None:
                self.select_session(first.id)
        self.loaded.emit()

    def _day_item(self, day: date, today: date, rows: list[SessionRow]) -> QStandardItem:
        name = QLocale().dayName(day.isoweekday(), QLocale.FormatType.LongFormat)
        text = f"{name} {format_date(day)}"
        if day == today:
            text = _("Today · {day}").format(day=text)
        heading = _inert(text)
        line = self.fontMetrics().height()
        heading.setSizeHint(QSize(0, line + 16))
        font = heading.font()
        font.setWeight(QFont.Weight.DemiBold)
        heading.setFont(font)
        heading.setForeground(QBrush(self.palette().color(self.palette().ColorRole.Text)))
        if not rows:
            quiet = _inert("    " + _("No sessions"))
            quiet.setSizeHint(QSize(0, line + 8))
            quiet.setForeground(
                QBrush(self.palette().color(self.palette().ColorRole.PlaceholderText))
            )
            heading.appendRow(quiet)
        for row in rows:
            heading.appendRow(self._session_items(row))
        return heading

    def _session_items(self, row: SessionRow) -> list[QStandardItem]:
        cells = [
            "    " + time_range(row, self.practice.zone),
            row.client_name,
            sequence_label(row),
            words.label(row.status),
            row.engagement_title,
        ]
        items = [QStandardItem(text) for text in cells]
        height = self.fontMetrics().height() + 10
        for item in items:
            item.setEditable(False)
            item.setSizeHint(QSize(0, height))
        items[0].setData(row, ROW_ROLE)
        items[3].setIcon(status_chip(row.status))
        items[4].setToolTip(row.engagement_title)
        return items

    def _set_headers(self) -> None:
        self.model.setHorizontalHeaderLabels(
            [_("Time"), _("Client"), _("Session"), _("Status"), _("Engagement")]
        )
        header = self.view.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((130, 220, 80, 120)):
            self.view.setColumnWidth(column, width)

    def _activated(self, index: QModelIndex) -> None:
        row = index.siblingAtColumn(0).data(ROW_ROLE)
        if isinstance(row, SessionRow):
            self.session_activated.emit(row.id)


_DAY = timedelta(days=1)
_WEEK = timedelta(days=7)


def _week_summary(rows: list[SessionRow]) -> str:
    if not rows:
        return _("No sessions in this week.")
    booked = sum(1 for r in rows if r.status == SessionStatus.SCHEDULED)
    held = sum(1 for r in rows if r.status == SessionStatus.COMPLETED)
    total = ngettext("{n} session", "{n} sessions", len(rows)).format(n=len(rows))
    return _("{total}: {held} held, {booked} scheduled.").format(
        total=total, held=held, booked=booked
    )


def _inert(text: str) -> QStandardItem:
    """A heading or filler row: shown, but skipped by the keyboard and never selected."""
    item = QStandardItem(text)
    item.setFlags(Qt.ItemFlag.NoItemFlags)
    return item
