"""Correcting a booked session: its engagement, start, length, mode, place and status.

A session booked before its engagement existed is attached to it here; the service numbers the
engagement's sessions again, so "session 1 of 8" and the held count come out right. Only the
status changes the service allows are offered. The service judges the rest: its messages
appear under the fields named, and nothing typed is lost.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid
from sqlalchemy.orm import Session

from coachdesk import words
from coachdesk.errors import ValidationError
from coachdesk.i18n import _
from coachdesk.model import EngagementStatus, SessionMode, SessionStatus
from coachdesk.services.engagements import engagements
from coachdesk.services.engagements.engagements import EngagementRow
from coachdesk.services.people.clients import Saved
from coachdesk.services.sessions import sessions
from coachdesk.services.sessions.sessions import SessionFields, SessionRow
from coachdesk.ui.kit import look
from coachdesk.ui.kit.errors import show_error
from coachdesk.ui.kit.fields import FieldBox, date_time_edit, from_qdatetime, to_qdatetime
from coachdesk.ui.kit.form_dialog import FormDialog
from coachdesk.ui.kit.practice import SESSIONS, Practice

# The service's field names, and the form field that shows each one's message.
FIELD_OF = {
    "engagement": "engagement",
    "starts_at": "starts",
    "duration_minutes": "duration",
    "mode": "mode",
    "location": "location",
    "status": "status",
}


@dataclass(frozen=True, slots=True)
class Loaded:
    fields: SessionFields
    engagements: list[EngagementRow]


def load(db: Session, session_id: int) -> Loaded:
    data = sessions.session_fields(db, session_id)
    return Loaded(data, engagements.list_engagements(db, data.client_id))


class EditSessionDialog(FormDialog):
    """Corrects the session of ``row``; ``edited(Saved)`` once stored (then it closes)."""

    edited = Signal(object)

    def __init__(self, practice: Practice, row: SessionRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.practice = practice
        self.row = row
        self.original: SessionFields | None = None
        self.saved: Saved | None = None
        self.setWindowTitle(_("Edit session"))

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
        self.status = QComboBox()
        self.boxes = {
            "engagement": FieldBox(self.engagement),
            "starts": FieldBox(self.starts),
            "duration": FieldBox(self.duration),
            "mode": FieldBox(self.mode),
            "location": FieldBox(self.location),
            "status": FieldBox(self.status),
        }
        self.general_error = QLabel()
        look.tint(self.general_error, look.Colour.DANGER)
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setEnabled(False)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self._lay_out()
        session_id = row.id
        practice.read(lambda db: load(db, session_id), self._loaded, self._load_failed, parent=self)

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(_("Engagement"), self.boxes["engagement"])
        form.addRow(_("Starts"), self.boxes["starts"])
        form.addRow(_("Length"), self.boxes["duration"])
        form.addRow(_("Mode"), self.boxes["mode"])
        form.addRow(_("Location or link"), self.boxes["location"])
        form.addRow(_("Status"), self.boxes["status"])
        layout = QVBoxLayout(self)
        layout.addWidget(look.heading(self.row.client_name, scale=1.2))
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)

    # -- loading ----------------------------------------------------------------------------
    def _loaded(self, loaded: Loaded) -> None:
        if not isValid(self):
            return
        data = loaded.fields
        self.original = data
        self.engagement.addItem(_("No engagement"), None)
        for row in loaded.engagements:
            title = row.title
            if row.status != EngagementStatus.ACTIVE:
                title = f"{row.title} ({words.label(row.status)})"
            self.engagement.addItem(title, row.id)
        self.engagement.setCurrentIndex(max(0, self.engagement.findData(data.engagement_id)))
        self.starts.setDateTime(to_qdatetime(data.starts_at, self.practice.zone))
        self.duration.setValue(data.duration_minutes or self.duration.minimum())
        self.mode.setCurrentIndex(self.mode.findData(data.mode))
        self.location.setText(data.location or "")
        allowed = sorted(sessions.allowed_transitions(data.status), key=list(SessionStatus).index)
        for status in (data.status, *allowed):
            self.status.addItem(words.label(status), status)
        for signal in (
            self.engagement.currentIndexChanged,
            self.starts.dateTimeChanged,
            self.duration.valueChanged,
            self.mode.currentIndexChanged,
            self.location.textEdited,
            self.status.currentIndexChanged,
        ):
            signal.connect(self._edited)
        self.save_button.setEnabled(True)
        self.starts.setFocus()

    def _load_failed(self, exc: BaseException) -> None:
        if isValid(self):
            show_error(self.parentWidget(), exc)
            self.discard()

    def _edited(self, *_args: object) -> None:
        self._dirty = True

    # -- saving -----------------------------------------------------------------------------
    def fields(self) -> SessionFields | None:
        """The form as the service's fields (None until the session is read)."""
        if self.original is None:
            return None
        return replace(
            self.original,
            engagement_id=self.engagement.currentData(),
            starts_at=from_qdatetime(self.starts.dateTime(), self.practice.zone),
            duration_minutes=self.duration.value(),
            mode=self.mode.currentData(),
            location=self.location.text().strip(),
            status=self.status.currentData(),
        )

    def submit(self) -> None:
        data = self.fields()
        if data is None or self.saving:
            return
        self._show_errors({})
        session_id = self.row.id
        self.saving = True
        self.save_button.setEnabled(False)
        self.practice.write(
            lambda db: sessions.update_session(db, session_id, data),
            self._done,
            self._failed,
            changes=SESSIONS,
            parent=self,
        )

    def _done(self, saved: Saved) -> None:
        self.saving = False
        self._dirty = False
        self.saved = saved
        self.edited.emit(saved)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.saving = False
        self.save_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            self._show_errors(exc.fields)
        else:
            show_error(self, exc)

    def _show_errors(self, errors: dict[str, str]) -> None:
        by_box = {FIELD_OF[name]: text for name, text in errors.items() if name in FIELD_OF}
        rest = [text for name, text in errors.items() if name not in FIELD_OF]
        for name, box in self.boxes.items():
            box.set_error(by_box.get(name, ""))
        self.general_error.setText("\n".join(rest))
        self.general_error.setVisible(bool(rest))
        first = next((box for box in self.boxes.values() if box.error.text()), None)
        if first is not None:
            first.field.setFocus()

    def wipe(self) -> None:
        self.location.clear()
