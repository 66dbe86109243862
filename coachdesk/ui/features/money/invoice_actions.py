"""What the coach does to an invoice from the Money view: open it in the editor, issue it, record
a payment, credit it, save or print its PDF, write its e-invoice, remind the buyer, delete a draft.

Each one is a service call through the practice (``read`` or ``write`` on a worker); a write
announces ``INVOICES`` so the list reads again. Which buttons make sense follows the invoice's
status (``enabled``); the services still refuse what they must, with their own message.
The dialogs opened are remembered, so a lock closes every one.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget
from shiboken6 import isValid
from sqlalchemy.orm import Session

from coachdesk.i18n import _
from coachdesk.model import InvoiceKind
from coachdesk.services.billing import invoices
from coachdesk.services.billing.invoice_document import invoice_facturx, invoice_pdf
from coachdesk.services.billing.listing import InvoiceRow, ShownStatus
from coachdesk.services.people.profile import coach_today
from coachdesk.ui.features.money.credit_note_dialog import CreditNoteDialog
from coachdesk.ui.features.money.engagement_invoice_dialog import EngagementInvoiceDialog
from coachdesk.ui.features.money.invoice_editor import InvoiceEditor
from coachdesk.ui.features.money.invoice_table import UNPAID, number_text
from coachdesk.ui.features.money.payment_dialog import PaymentDialog
from coachdesk.ui.features.money.reminder_dialog import ReminderDialog
from coachdesk.ui.features.money.sessions_dialog import SessionsToInvoiceDialog
from coachdesk.ui.kit import practice as kinds
from coachdesk.ui.kit.errors import show_error
from coachdesk.ui.kit.practice import Practice
from coachdesk.ui.pdf import files as pdf_files
from coachdesk.ui.pdf.printing import print_with_dialog


def document_title(row: InvoiceRow) -> str:
    kind = _("Credit note") if row.kind is InvoiceKind.CREDIT_NOTE else _("Invoice")
    return f"{kind} {number_text(row)} – {row.client}"


class InvoiceActions(QObject):
    """``chosen(id)`` names the invoice to select once the list has read again."""

    chosen = Signal(int)

    def __init__(self, practice: Practice, parent: QWidget) -> None:
        super().__init__(parent)
        self.practice = practice
        self.widget = parent
        self.dialogs: list[QDialog] = []
        self.question: QMessageBox | None = None

    @staticmethod
    def enabled(row: InvoiceRow | None) -> set[str]:
        """The actions that apply to ``row``'s status."""
        if row is None:
            return set()
        can = {"open", "pdf", "print"}
        if row.status is ShownStatus.DRAFT:
            return can | {"issue", "delete"}
        if row.kind is InvoiceKind.INVOICE and row.status is not ShownStatus.CANCELLED:
            can |= {"facturx", "credit"}
            if row.status in UNPAID:
                can.add("pay")
            if row.status is ShownStatus.OVERDUE:
                can.add("reminder")
        elif row.kind is InvoiceKind.CREDIT_NOTE:
            can.add("facturx")
        return can

    # -- dialogs --------------------------------------------------------------------------
    def _keep(self, dialog: QDialog) -> QDialog:
        self.dialogs.append(dialog)
        dialog.finished.connect(lambda _r, d=dialog: self._forget(d))
        saved = getattr(dialog, "saved", None)
        if saved is not None:
            saved.connect(self.chosen.emit)
        dialog.open()
        return dialog

    def _forget(self, dialog: QDialog) -> None:
        if dialog in self.dialogs:
            self.dialogs.remove(dialog)
            dialog.deleteLater()

    def close_all(self) -> None:
        """Every dialog goes without asking, with what it showed (the app locks)."""
        for dialog in list(self.dialogs):
            if isValid(dialog):
                discard = getattr(dialog, "discard", None)
                if discard is not None:
                    discard()
                dialog.hide()
                dialog.deleteLater()
        self.dialogs.clear()
        if self.question is not None and isValid(self.question):
            self.question.hide()
        self.question = None

    def new_invoice(self) -> QDialog:
        return self._keep(InvoiceEditor(self.practice, self.widget))

    def open_invoice(self, row: InvoiceRow | None) -> QDialog | None:
        if row is None:
            return None
        return self._keep(InvoiceEditor(self.practice, self.widget, row.id))

    def sessions_to_invoice(self) -> QDialog:
        return self._keep(SessionsToInvoiceDialog(self.practice, self.widget))

    def from_engagement(self) -> QDialog:
        return self._keep(EngagementInvoiceDialog(self.practice, self.widget))

    def record_payment(self, row: InvoiceRow | None) -> QDialog | None:
        if row is None or "pay" not in self.enabled(row):
            return None
        return self._keep(PaymentDialog(self.practice, row, self.widget))

    def credit_note(self, row: InvoiceRow | None) -> QDialog | None:
        if row is None or "credit" not in self.enabled(row):
            return None
        return self._keep(CreditNoteDialog(self.practice, row, self.widget))

    def reminder(self, row: InvoiceRow | None) -> None:
        if row is None:
            return
        invoice_id = row.id

        def work(db: Session) -> tuple[bytes, str]:
            from coachdesk.services.billing.invoice_document import invoice_reminder

            return invoice_reminder(db, invoice_id, coach_today(db))

        def show(made: tuple[bytes, str]) -> None:
            if isValid(self.widget):
                self._keep(ReminderDialog(made[0], made[1], document_title(row), self.widget))

        self.practice.read(work, show, parent=self.widget)

    # -- issuing and deleting -------------------------------------------------------------
    def issue(self, row: InvoiceRow | None) -> QMessageBox | None:
        """Ask first: an issued invoice is numbered and can never be changed again."""
        if row is None or row.status is not ShownStatus.DRAFT:
            return None
        text = _(
            "Issue this invoice to {client}? It gets the next number and can no longer be "
            "changed; a mistake is then cancelled by a credit note."
        ).format(client=row.client)
        return self._ask(_("Issue invoice"), text, _("Issue"), lambda: self.issue_now(row.id))

    def issue_now(self, invoice_id: int) -> None:
        self.practice.write(
            lambda db: invoices.issue_invoice(db, invoice_id, coach_today(db)),
            lambda _number: self.chosen.emit(invoice_id),
            changes=kinds.INVOICES,
            parent=self.widget,
        )

    def delete_draft(self, row: InvoiceRow | None) -> QMessageBox | None:
        if row is None or row.status is not ShownStatus.DRAFT:
            return None
        text = _("Delete this draft invoice to {client}? Its sessions can be invoiced again.")
        invoice_id = row.id
        return self._ask(
            _("Delete draft"),
            text.format(client=row.client),
            _("Delete"),
            lambda: self.practice.write(
                lambda db: invoices.delete_draft(db, invoice_id),
                lambda _none: None,
                changes=kinds.INVOICES,
                parent=self.widget,
            ),
        )

    def _ask(self, title: str, text: str, verb: str, then: Callable[[], None]) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self.widget)
        yes = box.addButton(verb, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda button: then() if button is yes else None)
        self.question = box
        box.open()
        return box

    # -- the PDF leaving the app ----------------------------------------------------------
    def save_pdf(self, row: InvoiceRow | None) -> None:
        if row is not None:
            invoice_id = row.id
            self._with_pdf(
                lambda db: invoice_pdf(db, invoice_id, coach_today(db)),
                lambda pdf: pdf_files.save_pdf_as(self.widget, pdf, document_title(row)),
            )

    def print_invoice(self, row: InvoiceRow | None) -> None:
        if row is not None:
            invoice_id = row.id
            self._with_pdf(
                lambda db: invoice_pdf(db, invoice_id, coach_today(db)),
                lambda pdf: print_with_dialog(self.widget, pdf, document_title(row)),
            )

    def save_facturx(self, row: InvoiceRow | None) -> None:
        """The e-invoice is a PDF too (PDF/A-3 with the XML inside), saved the same way."""
        if row is not None:
            invoice_id = row.id
            title = _("{title} (Factur-X)").format(title=document_title(row))
            self._with_pdf(
                lambda db: invoice_facturx(db, invoice_id),
                lambda pdf: pdf_files.save_pdf_as(self.widget, pdf, title),
            )

    def _with_pdf(self, work: Callable[[Session], bytes], use: Callable[[bytes], object]) -> None:
        def done(pdf: bytes) -> None:
            if not isValid(self.widget):
                return
            try:
                use(pdf)
            except Exception as exc:
                show_error(self.widget, exc)

        self.practice.read(work, done, parent=self.widget)
