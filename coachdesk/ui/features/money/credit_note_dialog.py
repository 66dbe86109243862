"""Cancelling an issued invoice with a credit note, and saying why (printed on the note)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget
from shiboken6 import isValid

from coachdesk.errors import ValidationError
from coachdesk.i18n import _
from coachdesk.services.billing import invoices
from coachdesk.services.billing.listing import InvoiceRow
from coachdesk.services.people.profile import coach_today
from coachdesk.ui.features.money.invoice_table import number_text
from coachdesk.ui.kit import look
from coachdesk.ui.kit import practice as kinds
from coachdesk.ui.kit.errors import show_error
from coachdesk.ui.kit.form_dialog import FormDialog
from coachdesk.ui.kit.practice import Practice


class CreditNoteDialog(FormDialog):
    """``saved(credit note id)`` once the note is issued and the invoice cancelled."""

    saved = Signal(int)

    def __init__(self, practice: Practice, row: InvoiceRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.practice = practice
        self.row = row
        self.setWindowTitle(_("Credit note"))
        self.setMinimumWidth(460)
        intro = look.note(
            _(
                "The credit note cancels invoice {number} with the same lines at negative "
                "amounts. It is issued at once, with its own number."
            ).format(number=number_text(row))
        )
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText(_("Why it is cancelled, e.g. “wrong billing address”"))
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(self.reason.fontMetrics().lineSpacing() * 3 + 16)
        self.reason.textChanged.connect(self._edited)
        self.error = QLabel()
        self.error.setObjectName("credit_error")
        look.tint(self.error, look.Colour.DANGER)
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(_("Issue credit note"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(QLabel(_("Reason")))
        layout.addWidget(self.reason)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def _edited(self) -> None:
        self._dirty = bool(self.reason.toPlainText().strip())

    def submit(self) -> None:
        if self.saving:
            return
        invoice_id, reason = self.row.id, self.reason.toPlainText()
        self.saving = True
        self.ok_button.setEnabled(False)
        self.practice.write(
            lambda db: invoices.credit_invoice(db, invoice_id, coach_today(db), reason=reason),
            self._done,
            self._failed,
            changes=kinds.INVOICES,
            parent=self,
        )

    def _done(self, note_id: int) -> None:
        if not isValid(self):
            return
        self.saving = False
        self._dirty = False
        self.saved.emit(note_id)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        if not isValid(self):
            return
        self.saving = False
        self.ok_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            self.error.setText("\n".join(exc.fields.values()))
            self.error.show()
        else:
            show_error(self, exc)

    def wipe(self) -> None:
        self.reason.clear()
