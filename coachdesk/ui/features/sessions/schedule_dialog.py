"""Booking a session: client, engagement, start, length, mode and place, prefilled from the
engagement's cadence so a coach usually only checks and presses Enter.

The service is the judge of what is valid: its per-field messages appear under the fields, and
nothing the coach typed is lost. A start outside the engagement's dates is flagged while typing
(the service allows it, e.g. a wrap-up call) and its warnings come back with the saved id.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from coachdesk import words
from coachdesk.errors import ValidationError
from coachdesk.formatting import format_date_range
from coachdesk.i18n import _
from coachdesk.model import EngagementStatus, SessionMode
from coachdesk.services.engagements import engagements
from coachdesk.services.engagements.engagements import EngagementRow, SessionDefaults
from coachdesk.services.people import clients, profile
from coachdesk.services.people.clients import Saved
from coachdesk.services.sessions import sessions
from coachdesk.services.sessions.sessions import SessionFields
from coachdesk.ui.kit import lockable, look
from coachdesk.ui.kit.errors import show_error
from coachdesk.ui.kit.fields import (
    ClientCombo,
    FieldBox,
    client_labels,
    date_time_edit,
    from_qdatetime,
    next_quarter_hour,
    to_qdatetime,
)
from coachdesk.ui.kit.practice import SESSIONS, Practice

# The service's field names, and the form field that shows each one's message.
_FIELD_OF = {
    "client": "client",
    "engagement": "engagement",
    "starts_at": "starts",
    "duration_minutes": "duration",
    "mode": "mode",
    "location": "location",
}


class ScheduleDialog(QDialog):
    """Schedules one session; ``scheduled(Saved)`` once it is stored (then the dialog closes)."""

    scheduled = Signal(object)

    def __init__(
        self, practice: Practice, client_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        lockable.register(self)
        self.practice = practice
        self.saved: Saved | None = None
        self.start_day: date | None = None
        self.defaults: SessionDefaults | None = None
        self._engagements: dict[int, EngagementRow] = {}
        self._ticket = 0
        self._client_id: int | None = None
        self._default_minutes = 60
        self.setWindowTitle(_("Schedule session"))

        self.client = ClientCombo()
        self.client.setPlaceholderText(_("Type a client's name"))
        self.engagement = QComboBox()
        self.starts = date_time_edit()
        self.duration = QSpinBox()
        self.duration.setRange(5, 480)
        self.duration.setSingleStep(15)
        self.duration.setSuffix(_(" minutes"))
        self.mode = QComboBox()
        for mode in SessionMode:
            self.mode.addItem(words.label(mode), mode)
        self.location = QLineEdit()
        self.location.setPlaceholderText(_("Room, address or video link"))
        self.boxes = {
            "client": FieldBox(self.client),
            "engagement": FieldBox(self.engagement),
            "starts": FieldBox(self.starts),
            "duration": FieldBox(self.duration),
            "mode": FieldBox(self.mode),
            "location": FieldBox(self.location),
        }
        self.warning = QLabel()
        look.tint(self.warning, look.Colour.WARNING)
        self.warning.setWordWrap(True)
        self.general_error = QLabel()
        look.tint(self.general_error, look.Colour.DANGER)
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Schedule"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self._lay_out()

        self.client.currentIndexChanged.connect(self._client_changed)
        self.client.editTextChanged.connect(self._client_changed)
        self.engagement.currentIndexChanged.connect(self._engagement_changed)
        self.starts.dateTimeChanged.connect(self._check_dates)
        self._apply_plain_defaults()
        self._engagement_choices([])
        practice.read(
            lambda db: (
                client_labels(clients.list_clients(db)),
                profile.profile_fields(db).default_session_minutes,
            ),
            lambda result: self._clients_loaded(result, client_id),
            parent=self,
        )

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(_("Client"), self.boxes["client"])
        form.addRow(_("Engagement"), self.boxes["engagement"])
        form.addRow(_("Starts"), self.boxes["starts"])
        form.addRow(_("Length"), self.boxes["duration"])
        form.addRow(_("Mode"), self.boxes["mode"])
        form.addRow(_("Location or link"), self.boxes["location"])
        layout = QVBoxLayout(self)
        layout.addWidget(look.heading(_("Schedule a session"), scale=1.25))
        layout.addLayout(form)
        layout.addWidget(self.warning)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)

    # -- loading and prefilling -------------------------------------------------------------

    def _clients_loaded(
        self, result: tuple[list[tuple[int, str]], int], client_id: int | None
    ) -> None:
        if not isValid(self):  # closed before the answer came
            return
        labels, self._default_minutes = result
        self.client.set_clients(labels)
        self.duration.setValue(self._default_minutes)
        if client_id is not None and self.client.choose(client_id):
            self.starts.setFocus()
        else:
            self.client.setFocus()
        self._client_changed()

    def _client_changed(self) -> None:
        client_id = self.client.client_id()
        if client_id == self._client_id:
            return
        self._client_id = client_id
        self.boxes["client"].set_error("")
        self._ticket += 1
        ticket = self._ticket
        if client_id is None:
            self._engagement_choices([])
            return
        self.practice.read(
            lambda db: engagements.list_engagements(db, client_id, with_groups=True),
            lambda rows: self._engagements_loaded(ticket, rows),
            parent=self,
        )

    def _engagements_loaded(self, ticket: int, rows: list[EngagementRow]) -> None:
        if ticket == self._ticket and isValid(self):
            self._engagement_choices(rows)

    def _engagement_choices(self, rows: list[EngagementRow]) -> None:
        active = [r for r in rows if r.status == EngagementStatus.ACTIVE]
        self._engagements = {r.id: r for r in active}
        self.engagement.blockSignals(True)
        self.engagement.clear()
        self.engagement.addItem(_("No engagement"), None)
        for row in active:
            self.engagement.addItem(row.title, row.id)
        self.engagement.setCurrentIndex(1 if active else 0)
        self.engagement.blockSignals(False)
        self._engagement_changed()

    def _engagement_changed(self) -> None:
        engagement_id = self.engagement.currentData()
        self._ticket += 1
        ticket = self._ticket
        if engagement_id is None:  # keep what is typed: only an engagement brings defaults
            self.defaults = None
            self._check_dates()
            return
        now = datetime.now(self.practice.zone)
        self.practice.read(
            lambda db: engagements.next_session_defaults(db, engagement_id, after=now),
            lambda found: self._apply_defaults(found, now) if ticket == self._ticket else None,
            parent=self,
        )

    def _apply_plain_defaults(self) -> None:
        start = next_quarter_hour(datetime.now(self.practice.zone))
        self.starts.setDateTime(to_qdatetime(start, self.practice.zone))
        self.duration.setValue(self._default_minutes)
        self.mode.setCurrentIndex(self.mode.findData(SessionMode.VIDEO))
        self.location.clear()
        self._check_dates()

    def _apply_defaults(self, found: SessionDefaults, now: datetime) -> None:
        if not isValid(self):
            return
        start = found.starts_at if found.starts_at != now else next_quarter_hour(now)
        self.starts.setDateTime(to_qdatetime(start, self.practice.zone))
        self.duration.setValue(found.duration)
        self.mode.setCurrentIndex(self.mode.findData(found.mode))
        self.location.setText(found.location)
        self.defaults = found
        self._check_dates()

    def _check_dates(self) -> None:
        row = self._engagements.get(self.engagement.currentData() or 0)
        day = from_qdatetime(self.starts.dateTime(), self.practice.zone).date()
        outside = row is not None and not _within(day, row.start_date, row.end_date)
        self.warning.setText(
            _("This date is outside the engagement ({dates}).").format(
                dates=format_date_range(row.start_date, row.end_date)
            )
            if outside and row is not None
            else ""
        )
        self.warning.setVisible(outside)

    # -- saving -------------------------------------------------------------------------------

    def fields(self) -> SessionFields | None:
        """The form as the service's fields; None (with a message) when no client is chosen."""
        client_id = self.client.client_id()
        if client_id is None:
            self.boxes["client"].set_error(_("Choose a client from the list."))
            self.client.setFocus()
            return None
        return SessionFields(
            client_id=client_id,
            starts_at=from_qdatetime(self.starts.dateTime(), self.practice.zone),
            engagement_id=self.engagement.currentData(),
            duration_minutes=self.duration.value(),
            mode=self.mode.currentData(),
            location=self.location.text().strip(),
        )

    def submit(self) -> None:
        self._show_errors({})
        data = self.fields()
        if data is None:
            return
        self.start_day = data.starts_at.date()
        self.buttons.setEnabled(False)
        self.practice.write(
            lambda db: sessions.schedule_session(db, data),
            self._done,
            self._failed,
            changes=SESSIONS,
            parent=self,
        )

    def _done(self, saved: Saved) -> None:
        self.saved = saved
        self.scheduled.emit(saved)
        self.accept()

    # -- locking (a Lockable: a typed location has no draft, so a lock waits for it) ------
    def keep_as_draft(self) -> bool:
        return True

    def why_lock_waits(self) -> str | None:
        if self.isVisible() and self.location.isModified() and self.location.text().strip():
            return _("Not locked: save or cancel the form you are filling in.")
        return None

    def wipe_for_lock(self) -> None:
        self.location.clear()
        self.reject()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(exc, ValidationError):
            self._show_errors(exc.fields)
        else:
            show_error(self, exc)

    def _show_errors(self, errors: dict[str, str]) -> None:
        by_box: dict[str, str] = {}
        rest: list[str] = []
        for name, message in errors.items():
            box = _FIELD_OF.get(name)
            if box is None:
                rest.append(message)
            else:
                by_box[box] = message
        for name, box in self.boxes.items():
            box.set_error(by_box.get(name, ""))
        self.general_error.setText("\n".join(rest))
        self.general_error.setVisible(bool(rest))
        first = next((box for box in self.boxes.values() if box.error.text()), None)
        if first is not None:
            first.field.setFocus()


def _within(day: date, start: date, end: date | None) -> bool:
    return start <= day and (end is None or day <= end)
