"""Moving a session to a new start (which also books a cancelled one again).

Kept small and separate from booking: only the start changes; the service says whether the
move is allowed (a held session cannot move) and warns when it leaves the engagement's dates.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from coachdesk.errors import ValidationError
from coachdesk.formatting import format_date, format_time
from coachdesk.i18n import _
from coachdesk.services.people.clients import Saved
from coachdesk.services.sessions import sessions
from coachdesk.services.sessions.sessions import SessionRow
from coachdesk.ui.kit import look
from coachdesk.ui.kit.errors import show_error
from coachdesk.ui.kit.fields import FieldBox, date_time_edit, from_qdatetime, to_qdatetime
from coachdesk.ui.kit.practice import SESSIONS, Practice


class RescheduleDialog(QDialog):
    """Asks for a new start of ``row``; ``rescheduled(Saved)`` once moved."""

    rescheduled = Signal(object)

    def __init__(self, practice: Practice, row: SessionRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.practice = practice
        self.row = row
        self.saved: Saved | None = None
        self.start_day: date | None = None
        self.setWindowTitle(_("Reschedule session"))
        local = row.starts_at.astimezone(practice.zone)
        now_text = _("Now: {date} at {time}").format(
            date=format_date(local), time=format_time(local)
        )
        self.starts = date_time_edit()
        self.starts.setDateTime(to_qdatetime(row.starts_at, practice.zone))
        self.box = FieldBox(self.starts)
        self.general_error = QLabel()
        look.tint(self.general_error, look.Colour.DANGER)
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Reschedule"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(_("New start"), self.box)
        layout = QVBoxLayout(self)
        layout.addWidget(look.heading(row.client_name, scale=1.2))
        layout.addWidget(look.note(now_text))
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(380)
        self.starts.setFocus()

    def submit(self) -> None:
        self.box.set_error("")
        self.general_error.hide()
        new_start = from_qdatetime(self.starts.dateTime(), self.practice.zone)
        session_id = self.row.id
        self.start_day = new_start.date()
        self.buttons.setEnabled(False)
        self.practice.write(
            lambda db: sessions.reschedule(db, session_id, new_start),
            self._done,
            self._failed,
            changes=SESSIONS,
            parent=self,
        )

    def _done(self, saved: Saved) -> None:
        self.saved = saved
        self.rescheduled.emit(saved)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        if not isinstance(exc, ValidationError):
            show_error(self, exc)
            return
        self.box.set_error(exc.fields.pop("starts_at", ""))
        self.general_error.setText("\n".join(exc.fields.values()))
        self.general_error.setVisible(bool(exc.fields))
