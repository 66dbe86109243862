"""Recording a payment against an issued invoice: date, amount, method, reference.

The amount starts at what is still owed. The service checks it (never more than is owed, in
the currency's minor unit); its message shows under the field it names, and nothing is stored.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid
from sqlalchemy.orm import Session

from coachdesk import words
from coachdesk.errors import ValidationError
from coachdesk.formatting import format_money
from coachdesk.i18n import _
from coachdesk.model import PaymentMethod
from coachdesk.services.billing import payments
from coachdesk.services.billing.listing import InvoiceRow
from coachdesk.services.billing.payments import PaymentFields
from coachdesk.services.validation import parse_money
from coachdesk.ui.features.money.invoice_table import number_text
from coachdesk.ui.kit import look
from coachdesk.ui.kit import practice as kinds
from coachdesk.ui.kit.dates import DateEdit
from coachdesk.ui.kit.errors import show_error
from coachdesk.ui.kit.fields import FieldBox
from coachdesk.ui.kit.form_dialog import FormDialog
from coachdesk.ui.kit.practice import Practice


class PaymentDialog(FormDialog):
    """A payment on ``row``'s invoice; ``saved(invoice id)`` once it is stored."""

    saved = Signal(int)

    def __init__(self, practice: Practice, row: InvoiceRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.practice = practice
        self.row = row
        self.setWindowTitle(_("Record payment"))
        self.setMinimumWidth(440)
        self.paid_on = DateEdit()
        self.amount = QLineEdit(f"{row.balance}")
        self.method = QComboBox()
        for method, label in words.labels(PaymentMethod).items():
            self.method.addItem(label, method.value)
        self.reference = QLineEdit()
        self.reference.setPlaceholderText(_("e.g. the bank's transaction reference"))
        for edit in (self.amount, self.reference):
            edit.textEdited.connect(self._edited)
        self.boxes = {
            "paid_on": FieldBox(self.paid_on),
            "amount": FieldBox(self.amount),
            "method": FieldBox(self.method),
            "reference": FieldBox(self.reference),
        }
        self.general = QLabel()
        look.tint(self.general, look.Colour.DANGER)
        self.general.setWordWrap(True)
        self.general.hide()
        form = QFormLayout()
        owed = format_money(row.balance, row.currency)
        form.addRow(
            _("Invoice"),
            QLabel(_("{number}, {owed} owed").format(number=number_text(row), owed=owed)),
        )
        form.addRow(_("Date"), self.boxes["paid_on"])
        form.addRow(_("Amount ({currency})").format(currency=row.currency), self.boxes["amount"])
        form.addRow(_("Method"), self.boxes["method"])
        form.addRow(_("Reference"), self.boxes["reference"])
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(_("Record payment"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.general)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def _edited(self, *_args: object) -> None:
        self._dirty = True

    def error_text(self, name: str) -> str:
        return self.boxes[name].error.text()

    def show_errors(self, problems: dict[str, str]) -> None:
        for name, box in self.boxes.items():
            box.set_error(problems.get(name, ""))
        stray = [message for name, message in problems.items() if name not in self.boxes]
        self.general.setText("\n".join(stray))
        self.general.setVisible(bool(stray))

    def submit(self) -> None:
        if self.saving:
            return
        invoice_id, amount = self.row.id, self.amount.text()
        paid_on, method = self.paid_on.day(), PaymentMethod(self.method.currentData())
        reference = self.reference.text()

        def work(db: Session) -> int:
            data = PaymentFields(
                invoice_id, parse_money("amount", amount), paid_on, method, reference
            )
            return payments.add_payment(db, data)

        self.saving = True
        self.ok_button.setEnabled(False)
        self.practice.write(work, self._done, self._failed, changes=kinds.INVOICES, parent=self)

    def _done(self, _payment_id: int) -> None:
        if not isValid(self):
            return
        self.saving = False
        self._dirty = False
        self.saved.emit(self.row.id)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        if not isValid(self):
            return
        self.saving = False
        self.ok_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            self.show_errors(exc.fields)
        else:
            show_error(self, exc)
