"""Marking an agreement as sent: on which day (today unless the coach recalls another), and,
when the clause check misses sections the ICF recommends, a warning with Cancel as the default.

The day is the coach's, so "awaiting signature for 5 days" counts from when the client really
had the text; it cannot be after today.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coachdesk.i18n import _
from coachdesk.ui.kit import look
from coachdesk.ui.kit.dates import DateEdit, qdate


class SentDialog(QDialog):
    """Ask for the day ``agreement_id`` was sent; ``chosen(id, day)`` when the coach confirms."""

    chosen = Signal(int, object)  # agreement id, datetime.date

    def __init__(
        self, agreement_id: int, today: date, missing: list[str], parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.agreement_id = agreement_id
        self.setWindowTitle(_("Send with sections missing?") if missing else _("Mark as sent"))
        self.sent_on = DateEdit(today)
        self.sent_on.setMaximumDate(qdate(today))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.send_button: QPushButton = self.buttons.addButton(
            _("Mark as sent"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        (cancel if missing else self.send_button).setDefault(True)
        self.buttons.accepted.connect(self._confirm)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(look.SPACING)
        if missing:
            self.warning = look.note(
                _("Send without: {sections}?").format(sections=", ".join(missing))
                + " "
                + _("The clause check does not find these sections the ICF recommends.")
            )
            look.tint(self.warning, look.Colour.WARNING)
            layout.addWidget(self.warning)
        form = QFormLayout()
        form.addRow(_("Sent on"), self.sent_on)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def day(self) -> date:
        return self.sent_on.day()

    def _confirm(self) -> None:
        self.chosen.emit(self.agreement_id, self.day())
        self.accept()
