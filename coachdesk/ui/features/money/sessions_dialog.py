""" "Sessions to invoice": the held sessions of a period on no invoice yet (late cancellations and
no-shows as the engagement charges them), for one client or everyone, made into drafts.

One draft per client (and currency); the drafts then open from the Money view to be checked
and issued. The list is read again whenever the period or the client changes.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid
from sqlalchemy.orm import Session

from coachdesk import words
from coachdesk.errors import ValidationError
from coachdesk.formatting import format_date, format_money
from coachdesk.i18n import _, ngettext
from coachdesk.services.billing import sources
from coachdesk.services.people.clients import list_clients
from coachdesk.services.people.profile import coach_today, coach_zone, profile_fields
from coachdesk.ui.kit import look
from coachdesk.ui.kit import practice as kinds
from coachdesk.ui.kit.dates import DateEdit
from coachdesk.ui.kit.errors import show_error
from coachdesk.ui.kit.fields import ClientCombo, client_labels
from coachdesk.ui.kit.latest import Latest
from coachdesk.ui.kit.practice import Practice

Waiting = list[tuple[str, str, str, str]]  # day, client, status, price


def last_month(today: date) -> tuple[date, date]:
    end = today.replace(day=1) - timedelta(days=1)
    return end.replace(day=1), end


def waiting(db: Session, start: date, end: date, client_id: int | None) -> Waiting:
    """What would be invoiced, as the table shows it."""
    names = {row.id: row.name for row in list_clients(db)}
    currency, zone = profile_fields(db).default_currency, coach_zone(db)
    rows = []
    for s in sources.sessions_to_invoice(db, start, end, client_id):
        rows.append(
            (
                format_date(s.starts_at.astimezone(zone)),
                names.get(s.client_id, ""),
                words.label(s.status),
                format_money(s.price, currency),
            )
        )
    return rows


class SessionsToInvoiceDialog(QDialog):
    """``saved(id)`` with the first draft made; ``made`` holds every one."""

    saved = Signal(int)
    listed = Signal()  # the sessions of the chosen period and client are shown

    def __init__(self, practice: Practice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.practice = practice
        self.made: list[int] = []
        self._latest = Latest(self)
        self.setWindowTitle(_("Sessions to invoice"))
        self.setWindowIcon(look.app_icon())
        start, end = last_month(date.today())
        self.start = DateEdit(start)
        self.end = DateEdit(end)
        self.client = ClientCombo(_("All clients"))
        for edit in (self.start, self.end):
            edit.dateChanged.connect(self.list_sessions)
        self.client.currentIndexChanged.connect(self.list_sessions)
        row = QHBoxLayout()
        row.addWidget(QLabel(_("Held from")))
        row.addWidget(self.start)
        row.addWidget(QLabel(_("to")))
        row.addWidget(self.end)
        row.addWidget(self.client, 1)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([_("Day"), _("Client"), _("Held as"), _("Fee")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.summary = look.note("")
        self.error = QLabel()
        self.error.setObjectName("sessions_error")
        look.tint(self.error, look.Colour.DANGER)
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.create_button = self.buttons.addButton(
            _("Create drafts"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.create_drafts)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(760, 520)
        self.practice.read(self._gather, self._gathered, parent=self)

    def _gather(self, db: Session) -> tuple[date, list[tuple[int, str]]]:
        return coach_today(db), client_labels(list_clients(db))

    def _gathered(self, found: tuple[date, list[tuple[int, str]]]) -> None:
        if not isValid(self):
            return
        today, people = found
        self.client.blockSignals(True)
        self.client.set_clients(people)
        self.client.blockSignals(False)
        start, end = last_month(today)
        for edit, day in ((self.start, start), (self.end, end)):
            edit.blockSignals(True)
            edit.set_day(day)
            edit.blockSignals(False)
        self.list_sessions()

    def period(self) -> tuple[date, date]:
        return self.start.day(), self.end.day()

    def list_sessions(self, *_args: object) -> None:
        (start, end), client_id = self.period(), self.client.client_id()
        request = self._latest.start()

        def show(rows: Waiting) -> None:
            if isValid(self) and self._latest.holds(request):
                self._show(rows)
                self.listed.emit()

        self.practice.read(lambda db: waiting(db, start, end, client_id), show, parent=self)

    def _show(self, rows: Waiting) -> None:
        self.table.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for c, text in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.summary.setText(
            ngettext(
                "{n} session held and not invoiced yet.",
                "{n} sessions held and not invoiced yet.",
                len(rows),
            ).format(n=len(rows))
        )
        self.create_button.setEnabled(bool(rows))
        self.error.hide()

    def create_drafts(self) -> None:
        (start, end), client_id = self.period(), self.client.client_id()

        def work(db: Session) -> list[int]:
            if client_id is None:
                return sources.invoice_held_sessions_for_everyone(db, start, end)
            return [sources.invoice_held_sessions(db, client_id, start, end)]

        self.create_button.setEnabled(False)
        self.practice.write(work, self._done, self._failed, changes=kinds.INVOICES, parent=self)

    def _done(self, made: list[int]) -> None:
        if not isValid(self):
            return
        self.made = made
        if made:
            self.saved.emit(made[0])
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        if not isValid(self):
            return
        self.create_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            self.error.setText("\n".join(exc.fields.values()))
            self.error.show()
        else:
            show_error(self, exc)
