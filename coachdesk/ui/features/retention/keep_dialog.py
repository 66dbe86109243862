"""Keeping a client's records past the practice's period: until when, and why."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from coachdesk.errors import ValidationError
from coachdesk.i18n import _
from coachdesk.services.engagements.engagements import add_months
from coachdesk.services.rights.retention import keep_client
from coachdesk.ui.kit import practice as kinds
from coachdesk.ui.kit.dates import DateEdit, error_label, show_message
from coachdesk.ui.kit.errors import show_error
from coachdesk.ui.kit.form_dialog import FormDialog
from coachdesk.ui.kit.practice import Practice


class KeepDialog(FormDialog):
    """``kept`` once the client's ``retain_until`` and reason are saved."""

    kept = Signal()

    def __init__(
        self, practice: Practice, client_id: int, name: str, today: date, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.practice, self.client_id, self.today = practice, client_id, today
        self.setWindowTitle(_("Keep {name}'s records").format(name=name))
        self.setMinimumWidth(440)
        self.until = DateEdit(add_months(today, 12))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(_("e.g. a complaint is open"))
        self.reason.textEdited.connect(self._typed)
        self.errors = {name: error_label(name) for name in ("until", "reason")}
        form = QFormLayout()
        form.addRow(_("Keep until"), self.until)
        form.addRow("", self.errors["until"])
        form.addRow(_("Reason"), self.reason)
        form.addRow("", self.errors["reason"])
        note = QLabel(_("The review passes over these records until then."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _typed(self, *_args: object) -> None:
        self._dirty = True

    def save(self) -> None:
        if self.saving:
            return
        self.saving = True
        client_id, until, reason, today = (
            self.client_id,
            self.until.day(),
            self.reason.text(),
            self.today,
        )
        self.practice.write(
            lambda db: keep_client(db, client_id, until, reason, today),
            self._saved,
            self._failed,
            changes=kinds.CLIENTS,
            parent=self,
        )

    def _saved(self, _result: None) -> None:
        self.saving = False
        self._dirty = False
        self.kept.emit()
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.saving = False
        if isinstance(exc, ValidationError) and set(exc.fields) <= set(self.errors):
            for name, label in self.errors.items():
                show_message(label, exc.fields.get(name, ""))
        else:
            show_error(self, exc)

    def wipe(self) -> None:
        self.reason.clear()
