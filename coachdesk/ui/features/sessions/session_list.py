"""The List mode of the Sessions page: a sortable table with filters by client, status and dates.

Only the filtered date range is read (by default the last 90 days and the next 30), newest
first and capped, so a career of 200,000 sessions never loads at once.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QDate, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from coachdesk import words
from coachdesk.formatting import format_number
from coachdesk.i18n import _, ngettext
from coachdesk.model import SessionStatus
from coachdesk.services.people import clients
from coachdesk.services.sessions import sessions
from coachdesk.services.sessions.sessions import SessionRow
from coachdesk.ui.features.sessions.session_list_model import SessionListModel
from coachdesk.ui.kit import look
from coachdesk.ui.kit.empty_note import EmptyNote
from coachdesk.ui.kit.fields import ClientCombo, client_labels
from coachdesk.ui.kit.latest import Latest
from coachdesk.ui.kit.practice import Practice
from coachdesk.ui.kit.roles import ROW_ROLE

DAYS_BACK = 90
DAYS_AHEAD = 30
LIMIT = 5000
FILTER_DELAY_MS = 200


class SessionList(QWidget):
    """Filters above a table of sessions; ``session_activated`` carries the id opened."""

    session_activated = Signal(int)
    selection_changed = Signal()
    loaded = Signal()

    def __init__(self, practice: Practice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.practice = practice
        self._latest = Latest(self)
        self._clients_loaded = False

        self.client = ClientCombo(_("All clients"))
        self.status = QComboBox()
        self.status.addItem(_("Any status"), None)
        for status in SessionStatus:
            self.status.addItem(words.label(status), status)
        self.start = self._date_edit()
        self.end = self._date_edit()
        self.reset_dates()
        self.count = look.note("")

        self.model = SessionListModel(practice.zone, self)
        self._answered = False  # a table still empty before the first answer says nothing
        self.view = self._table()
        self.no_match = EmptyNote(
            self.view, lambda: _("No sessions match these filters.") if self._answered else ""
        )
        self.view.activated.connect(self._activated)
        self.view.selectionModel().currentChanged.connect(lambda *_a: self.selection_changed.emit())

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FILTER_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.client.currentIndexChanged.connect(self._filters_changed)
        self.client.editTextChanged.connect(self._filters_changed)
        self.status.currentIndexChanged.connect(self._filters_changed)
        self.start.dateChanged.connect(self._filters_changed)
        self.end.dateChanged.connect(self._filters_changed)
        self._filter_key = self.filters()

        self._lay_out()

    def _lay_out(self) -> None:
        bar = QHBoxLayout()
        for label, widget in (
            (_("Client"), self.client),
            (_("Status"), self.status),
            (_("From"), self.start),
            (_("To"), self.end),
        ):
            caption = QLabel(label)
            caption.setBuddy(widget)
            bar.addWidget(caption)
            bar.addWidget(widget)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count)

    def _table(self) -> QTableView:
        view = QTableView()
        view.setModel(self.model)
        view.setSortingEnabled(True)
        view.sortByColumn(SessionListModel.DATE, Qt.SortOrder.DescendingOrder)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.setShowGrid(False)
        view.setWordWrap(False)
        view.verticalHeader().hide()
        view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = view.horizontalHeader()
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((110, 110, 200, 80, 200, 120)):
            view.setColumnWidth(column, width)
        return view

    def _date_edit(self) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("d MMM yyyy")
        return edit

    def reset_dates(self) -> None:
        """Back to the default window: the last 90 days and the next 30."""
        today = datetime.now(self.practice.zone).date()
        self.start.setDate(_qdate(today - timedelta(days=DAYS_BACK)))
        self.end.setDate(_qdate(today + timedelta(days=DAYS_AHEAD)))

    def include_day(self, day: date) -> None:
        """Widen the dates to show ``day`` (a session just booked there), keeping the rest."""
        if _qdate(day) < self.start.date():
            self.start.setDate(_qdate(day))
        if _qdate(day) > self.end.date():
            self.end.setDate(_qdate(day))

    def filters(self) -> tuple[int | None, SessionStatus | None, date, date]:
        start, end = self.start.date(), self.end.date()
        return (
            self.client.client_id(),
            self.status.currentData(),
            date(start.year(), start.month(), start.day()),
            date(end.year(), end.month(), end.day()),
        )

    def _filters_changed(self) -> None:
        if self.filters() != self._filter_key:
            self._timer.start()

    def refresh(self) -> None:
        """Read the sessions the filters select, with the client choices when they are not
        loaded yet or stale: one answer, so ``loaded`` means both are shown."""
        self._timer.stop()
        with_clients = not self._clients_loaded
        self._filter_key = self.filters()
        client_id, status, first, last = self._filter_key
        zone = self.practice.zone
        start = datetime.combine(first, time(), zone)
        end = datetime.combine(last + timedelta(days=1), time(), zone)

        def read(db: Session) -> tuple[list[tuple[int, str]] | None, list[SessionRow]]:
            labels = (
                client_labels(clients.list_clients(db, include_archived=True))
                if with_clients
                else None
            )
            rows = sessions.list_sessions(
                db, client_id, start, end, status, newest_first=True, limit=LIMIT
            )
            return labels, rows

        request = self._latest.start()
        self.practice.read(read, lambda answer: self._show(request, *answer), parent=self)

    def mark_clients_stale(self) -> None:
        """The client choices are read again with the next sessions (an answer on its way may
        hold the old ones)."""
        self._latest.drop()
        self._clients_loaded = False

    def clear(self) -> None:
        self._latest.drop()
        self._clients_loaded = False
        self._timer.stop()
        self._answered = False
        self.model.clear()
        self.client.blockSignals(True)
        self.client.set_clients([])
        self.client.blockSignals(False)
        self._filter_key = self.filters()
        self.count.clear()

    def _show(
        self, request: int, labels: list[tuple[int, str]] | None, rows: list[SessionRow]
    ) -> None:
        if not self._latest.holds(request):
            return
        if labels is not None:
            self.client.set_clients(labels)
            self._clients_loaded = True
        previous = self.selected_row()
        self.model.zone = self.practice.zone
        self._answered = True
        self.model.set_rows(rows)
        if len(rows) >= LIMIT:
            text = _("Showing the newest {n} sessions: narrow the dates to see the rest.")
        elif rows:
            text = ngettext("{n} session.", "{n} sessions.", len(rows))
        else:
            text = _("No sessions match these filters.")
        self.count.setText(text.format(n=format_number(len(rows))))
        if previous is None or not self.select_session(previous.id):
            self._select_next_upcoming(rows)
        self.loaded.emit()

    def _select_next_upcoming(self, rows: list[SessionRow]) -> None:
        """Start at the soonest session still to come (or the latest past one), as a coach
        looks from today outwards; rows arrive newest first."""
        now = datetime.now(self.practice.zone)
        upcoming = [r for r in rows if r.starts_at >= now]
        target = upcoming[-1] if upcoming else (rows[0] if rows else None)
        if target is not None and self.select_session(target.id):
            self.view.scrollTo(
                self.view.currentIndex(), QAbstractItemView.ScrollHint.PositionAtCenter
            )

    def selected_row(self) -> SessionRow | None:
        index = self.view.currentIndex()
        row = index.data(ROW_ROLE) if index.isValid() else None
        return row if isinstance(row, SessionRow) else None

    def select_session(self, session_id: int) -> bool:
        source_row = self.model.row_of(session_id)
        if source_row is None:
            return False
        self.view.setCurrentIndex(self.model.index(source_row, 0))
        return True

    def _activated(self, index: QModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if isinstance(row, SessionRow):
            self.session_activated.emit(row.id)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)
