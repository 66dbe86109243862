"""Recording that an agreement was signed: a date for each party, how it was signed, the scan.

The scan (PDF, PNG or JPEG) is read here and kept in the vault with the agreement; its type is
told from its bytes. Saving goes through the service, which freezes the agreement's PDF; its
messages land under the fields and nothing typed is lost on a refusal.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from coachdesk import words
from coachdesk.errors import ValidationError
from coachdesk.i18n import _
from coachdesk.model import SigningMethod
from coachdesk.services.agreements import documents as agreement_documents
from coachdesk.services.agreements.listing import AgreementView
from coachdesk.services.people.clients import Saved
from coachdesk.ui.features.agreements.scan_files import choose_scan_file, read_scan
from coachdesk.ui.kit import look
from coachdesk.ui.kit import practice as kinds
from coachdesk.ui.kit.errors import show_error
from coachdesk.ui.kit.fields import FieldBox
from coachdesk.ui.kit.practice import Practice


def _date_edit(day: date) -> QDateEdit:
    edit = QDateEdit(QDate(day.year, day.month, day.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("d MMM yyyy")
    return edit


class SigningDialog(QDialog):
    """Record the signing of ``agreement``; ``signed(id)`` once the vault holds it."""

    signed = Signal(int)

    def __init__(
        self, practice: Practice, agreement: AgreementView, today: date, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.practice = practice
        self.agreement = agreement
        self.today = today
        self.saving = False
        self.scan: bytes | None = None
        self.scan_name = ""
        self.scan_type = ""
        self.setWindowTitle(_("Record signing"))
        self.client_date = _date_edit(today)
        self.coach_date = _date_edit(today)
        self.sponsor_date = _date_edit(today)
        self.method = QComboBox()
        for method, label in words.labels(SigningMethod).items():
            self.method.addItem(label, method.value)
        self.method.setCurrentIndex(self.method.findData(SigningMethod.SCAN.value))
        self.scan_label = look.note(_("No file chosen"))
        self.scan_label.setWordWrap(False)
        self.choose_button = QPushButton(_("Choose file…"))
        self.choose_button.clicked.connect(self.choose_scan)
        scan_row = QWidget()
        row = QHBoxLayout(scan_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.choose_button)
        row.addWidget(self.scan_label, 1)
        self.boxes = {
            "client_signed_on": FieldBox(self.client_date),
            "coach_signed_on": FieldBox(self.coach_date),
            "sponsor_signed_on": FieldBox(self.sponsor_date),
            "method": FieldBox(self.method),
            "scan": FieldBox(scan_row),
        }
        self.general = QLabel()
        look.tint(self.general, look.Colour.DANGER)
        self.general.setWordWrap(True)
        self.general.hide()
        form = QFormLayout()
        form.addRow(_("Client signed on"), self.boxes["client_signed_on"])
        form.addRow(_("You signed on"), self.boxes["coach_signed_on"])
        if agreement.sponsored:
            form.addRow(_("Sponsor signed on"), self.boxes["sponsor_signed_on"])
        form.addRow(_("Signed how"), self.boxes["method"])
        form.addRow(_("Signed copy"), self.boxes["scan"])
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(_("Record signing"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(look.heading(agreement.title, scale=1.15))
        layout.addWidget(
            look.note(
                _(
                    "Once recorded, the agreement is frozen: its text and PDF never change "
                    "again. To change anything later, make a new version."
                )
            )
        )
        layout.addWidget(self.general)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

    # -- the scan -------------------------------------------------------------------------
    def choose_scan(self) -> None:
        path = choose_scan_file(self)
        if path is not None:
            self.set_scan_file(path)

    def set_scan_file(self, path: Path) -> bool:
        """Read and check ``path``; its problem shows under the field, the old choice stays."""
        try:
            self.scan, self.scan_name, self.scan_type = read_scan(path)
        except ValidationError as exc:
            self.boxes["scan"].set_error(exc.fields["scan"])
            return False
        self.scan_label.setText(self.scan_name)
        self.boxes["scan"].set_error("")
        return True

    # -- saving ---------------------------------------------------------------------------
    def submit(self) -> None:
        if self.saving:
            return
        agreement_id, on = self.agreement.id, self.today
        method = SigningMethod(self.method.currentData())
        values: dict[str, Any] = {
            "client_signed_on": self.client_date.date().toPython(),
            "coach_signed_on": self.coach_date.date().toPython(),
            "sponsor_signed_on": (
                self.sponsor_date.date().toPython() if self.agreement.sponsored else None
            ),
            "method": method,
            "scan": self.scan,
            "scan_name": self.scan_name,
            "scan_mime": self.scan_type,
        }
        self.saving = True
        self.ok_button.setEnabled(False)

        def work(db: Any) -> Saved:
            return agreement_documents.sign_agreement(db, agreement_id, on=on, **values)

        self.practice.write(work, self._done, self._failed, changes=kinds.AGREEMENTS, parent=self)

    def _done(self, saved: Saved) -> None:
        if isValid(self):
            self.saving = False
            self.signed.emit(saved.id)
            self.accept()

    def _failed(self, exc: BaseException) -> None:
        if not isValid(self):
            return
        self.saving = False
        self.ok_button.setEnabled(True)
        if not isinstance(exc, ValidationError):
            show_error(self, exc)
            return
        for name, box in self.boxes.items():
            box.set_error(exc.fields.get(name, ""))
        stray = [m for name, m in exc.fields.items() if name not in self.boxes]
        self.general.setText("\n".join(stray))
        self.general.setVisible(bool(stray))

    def error_text(self, name: str) -> str:
        return self.boxes[name].error.text()
