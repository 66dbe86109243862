"""The invoice editor beside its live preview: buyer, lines and notes on the left, the PDF as it
will print on the right.

A draft is edited freely: the per-rate tax summary and the totals follow every keystroke (the
services' own rounding rule, computed here), and the preview follows a moment after the last
one, rendered on a worker from what is typed and stored nowhere until Save. The services check
what is typed; their messages show under the field they name. An issued invoice (or credit note)
opens read-only with its frozen PDF and its payments, a mistaken one removable.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid
from sqlalchemy.orm import Session

from coachdesk.errors import ValidationError
from coachdesk.i18n import _
from coachdesk.services.billing import invoices
from coachdesk.services.billing.invoices import InvoiceFields
from coachdesk.services.engagements.engagements import list_engagements
from coachdesk.services.people.profile import coach_today
from coachdesk.ui.features.money import editor_work
from coachdesk.ui.features.money.editor_work import Opened
from coachdesk.ui.features.money.lines_editor import LinesEditor
from coachdesk.ui.kit import look
from coachdesk.ui.kit import practice as kinds
from coachdesk.ui.kit.errors import show_error
from coachdesk.ui.kit.fields import ClientCombo, FieldBox
from coachdesk.ui.kit.form_dialog import FormDialog
from coachdesk.ui.kit.latest import Latest
from coachdesk.ui.kit.practice import Practice
from coachdesk.ui.pdf.preview import PdfPreview

DELAY_MS = 400  # after the last keystroke, the preview renders again


@dataclass
class Typed:
    """What the form holds, read once per change."""

    data: InvoiceFields | None
    problems: dict[str, str] = field(default_factory=dict)


class InvoiceEditor(FormDialog):
    """A new draft (``invoice_id=None``) or an existing invoice; ``saved(id)`` after each save.
    ``loaded`` once the invoice is shown, ``previewed`` once a preview of the current input is."""

    saved = Signal(int)
    loaded = Signal()
    previewed = Signal()

    def __init__(
        self, practice: Practice, parent: QWidget | None = None, invoice_id: int | None = None
    ) -> None:
        super().__init__(parent)
        self.practice = practice
        self.invoice_id = invoice_id
        self.opened: Opened | None = None
        self.currency = ""
        self._filling = True
        self._previews = Latest(self)
        self.setWindowTitle(_("Invoice"))
        self.setWindowIcon(look.app_icon())
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DELAY_MS)
        self.timer.timeout.connect(self.update_preview)
        self.preview = PdfPreview(self)
        splitter = QSplitter()
        splitter.addWidget(self._build_form())
        splitter.addWidget(self.preview)
        splitter.setSizes([560, 640])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self._build_buttons())
        self.resize(1260, 820)
        self.practice.read(lambda db: editor_work.open_invoice(db, invoice_id), self._opened)

    def _build_form(self) -> QWidget:
        self.client = ClientCombo()
        self.client.currentIndexChanged.connect(self._client_changed)
        self.engagement = QComboBox()
        self.engagement.currentIndexChanged.connect(self._edited)
        self.to_sponsor = QCheckBox(_("Bill the sponsor (its address, VAT number and PO)"))
        self.to_sponsor.toggled.connect(self._edited)
        self.lines = LinesEditor()
        self.lines.edited.connect(self._edited)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.notes.fontMetrics().lineSpacing() * 3 + 16)
        self.notes.textChanged.connect(self._edited)
        self.boxes = {
            "client": FieldBox(self.client),
            "engagement": FieldBox(self.engagement),
            "to_sponsor": FieldBox(self.to_sponsor),
            "notes": FieldBox(self.notes),
        }
        self.state = QLabel()
        self.state.setObjectName("invoice_state")
        self.general = QLabel()
        self.general.setObjectName("invoice_error")
        look.tint(self.general, look.Colour.DANGER)
        self.general.setWordWrap(True)
        self.general.hide()
        self.summary = QLabel()
        self.summary.setObjectName("invoice_totals")
        self.summary.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.payments = QListWidget()
        self.payments.setMaximumHeight(110)
        self.remove_payment_button = QPushButton(_("Remove payment…"))
        self.remove_payment_button.setToolTip(_("A payment recorded by mistake; history keeps it"))
        self.remove_payment_button.clicked.connect(self.remove_payment)
        form = QFormLayout()
        form.addRow(_("Client"), self.boxes["client"])
        form.addRow(_("Engagement"), self.boxes["engagement"])
        form.addRow("", self.boxes["to_sponsor"])
        side = QWidget()
        column = QVBoxLayout(side)
        column.addWidget(self.state)
        column.addWidget(self.general)
        column.addLayout(form)
        column.addWidget(look.note(_("Lines")))
        column.addWidget(self.lines, 1)
        column.addWidget(self.summary)
        column.addWidget(look.note(_("Notes (printed on the invoice)")))
        column.addWidget(self.boxes["notes"])
        self.payments_title = look.note(_("Payments"))
        for widget in (self.payments_title, self.payments, self.remove_payment_button):
            column.addWidget(widget)
            widget.hide()
        return side

    def _build_buttons(self) -> QDialogButtonBox:
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = self.buttons.addButton(
            _("Save draft"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.save_button.clicked.connect(self.save)
        self.issue_button = self.buttons.addButton(
            _("Save and issue…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.issue_button.clicked.connect(self.ask_issue)
        self.buttons.rejected.connect(self.reject)
        for button in (self.save_button, self.issue_button):
            button.setEnabled(False)
        return self.buttons

    # -- loading --------------------------------------------------------------------------
    def _opened(self, opened: Opened) -> None:
        if not isValid(self):
            return
        self.opened, self.currency = opened, opened.currency
        self._filling = True
        self.lines.default_rate = opened.default_rate
        self.client.set_clients(opened.people)
        data = opened.data
        if data is not None:
            self.client.choose(data.client_id)
            self.lines.set_lines(data.lines)
            self.notes.setPlainText(data.notes)
            self.to_sponsor.setChecked(data.to_sponsor)
        editable = opened.editable
        for widget in (self.client, self.engagement, self.to_sponsor):
            widget.setEnabled(editable)
        self.notes.setReadOnly(not editable)
        self.lines.set_read_only(not editable)
        self.save_button.setVisible(editable)
        self.issue_button.setVisible(editable)
        self.state.setText(opened.state)
        self._show_payments(opened)
        self._fill_engagements(opened.engagements, data.engagement_id if data else None)
        self._filling = False
        self._dirty = False
        self._show_totals()
        if opened.frozen_pdf is not None:
            self.preview.set_pdf(opened.frozen_pdf, opened.title)
            self.previewed.emit()
        elif self.client.client_id() is not None:
            self.update_preview()
        self.loaded.emit()

    def _show_payments(self, opened: Opened) -> None:
        self.payments.clear()
        for entry in opened.payments:
            text = editor_work.payment_text(entry, self.currency)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, None if entry.removed_at else entry.id)
            self.payments.addItem(item)
        shown = not opened.editable and opened.is_invoice
        for widget in (self.payments_title, self.payments, self.remove_payment_button):
            widget.setVisible(shown)

    def _client_changed(self, *_args: object) -> None:
        client_id = self.client.client_id()
        if self._filling or client_id is None:
            return
        self.practice.read(
            lambda db: [(e.id, e.title) for e in list_engagements(db, client_id)],
            lambda found: self._fill_engagements(found, None) if isValid(self) else None,
            parent=self,
        )
        self._edited()

    def _fill_engagements(self, engagements: list[tuple[int, str]], chosen: int | None) -> None:
        self.engagement.blockSignals(True)
        self.engagement.clear()
        self.engagement.addItem(_("No engagement"), None)
        for engagement_id, title in engagements:
            self.engagement.addItem(title, engagement_id)
        self.engagement.setCurrentIndex(max(self.engagement.findData(chosen), 0))
        self.engagement.blockSignals(False)

    # -- what is typed --------------------------------------------------------------------
    def typed(self) -> Typed:
        client_id = self.client.client_id()
        problems = {} if client_id is not None else {"client": _("Choose the client.")}
        try:
            lines = self.lines.lines()
        except ValidationError as exc:
            problems.update(exc.fields)
            lines = []
        if problems or client_id is None:
            return Typed(None, problems)
        data = InvoiceFields(
            client_id=client_id,
            engagement_id=self.engagement.currentData(),
            to_sponsor=self.to_sponsor.isChecked(),
            currency=self.currency,
            notes=self.notes.toPlainText(),
            footer=self.opened.data.footer if self.opened and self.opened.data else None,
            lines=lines,
        )
        return Typed(data)

    def _edited(self, *_args: object) -> None:
        if self._filling or (self.opened is not None and not self.opened.editable):
            return
        self._dirty = True
        self._previews.drop()  # a preview on its way shows what was typed before
        self._show_totals()
        self.timer.start()

    def _show_totals(self) -> None:
        try:
            lines = self.lines.lines()
        except ValidationError:
            lines = None
        editable = self.opened is not None and self.opened.editable
        self.save_button.setEnabled(editable and lines is not None)
        self.issue_button.setEnabled(editable and bool(lines))
        if lines is None:
            return
        self.summary.setText(editor_work.totals_text(lines, self.currency))

    def show_errors(self, problems: dict[str, str]) -> None:
        """Each message under its field, a line's under the lines, any other one on top."""
        for name, box in self.boxes.items():
            box.set_error(problems.get(name, ""))
        self.lines.show_errors(problems)
        stray = [
            message
            for name, message in problems.items()
            if name not in self.boxes and not name.startswith("lines")
        ]
        self.general.setText("\n".join(stray))
        self.general.setVisible(bool(stray))

    def error_text(self, name: str) -> str:
        return self.boxes[name].error.text()

    # -- the preview ----------------------------------------------------------------------
    def update_preview(self) -> None:
        self.timer.stop()
        typed = self.typed()
        if typed.data is None:
            self.show_errors(typed.problems)
            return
        data, invoice_id, request = typed.data, self.invoice_id, self._previews.start()

        def shown(pdf: bytes) -> None:
            if self._previews.holds(request):
                self.show_errors({})
                self.preview.set_pdf(pdf, self.opened.title if self.opened else "")
                self.previewed.emit()

        def refused(exc: BaseException) -> None:
            if self._previews.holds(request):
                self._failed(exc)
                self.previewed.emit()

        self.practice.read(
            lambda db: editor_work.draft_pdf(db, data, invoice_id), shown, refused, parent=self
        )

    # -- saving and issuing ---------------------------------------------------------------
    def save(self, *, then_issue: bool = False) -> None:
        typed = self.typed()
        if typed.data is None:
            self.show_errors(typed.problems)
            return
        data, invoice_id = typed.data, self.invoice_id
        self.saving = True

        def work(db: Session) -> int:
            if invoice_id is None:
                saved = invoices.create_draft(db, data)
            else:
                invoices.update_draft(db, invoice_id, data)
                saved = invoice_id
            if then_issue:
                invoices.issue_invoice(db, saved, coach_today(db))
            return saved

        self.practice.write(work, self._saved, self._failed, changes=kinds.INVOICES, parent=self)

    def ask_issue(self) -> QMessageBox:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            _("Issue invoice"),
            _(
                "Issue this invoice? It gets the next number and can no longer be changed; "
                "a mistake is then cancelled by a credit note."
            ),
            parent=self,
        )
        yes = box.addButton(_("Issue"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(lambda b: self.save(then_issue=True) if b is yes else None)
        box.open()
        return box

    def _saved(self, invoice_id: int) -> None:
        if not isValid(self):
            return
        self.saving, self._dirty = False, False
        self.invoice_id = invoice_id
        self.show_errors({})
        self.saved.emit(invoice_id)
        self.practice.read(lambda db: editor_work.open_invoice(db, invoice_id), self._opened)

    def _failed(self, exc: BaseException) -> None:
        if not isValid(self):
            return
        self.saving = False
        if isinstance(exc, ValidationError):
            self.show_errors(exc.fields)
        else:
            show_error(self, exc)

    def remove_payment(self) -> None:
        item = self.payments.currentItem()
        payment_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        invoice_id = self.invoice_id
        if payment_id is None or invoice_id is None:
            return
        from coachdesk.services.billing.payments import remove_payment

        self.practice.write(
            lambda db: remove_payment(db, payment_id),
            lambda _none: self._saved(invoice_id),
            changes=kinds.INVOICES,
            parent=self,
        )

    def wipe(self) -> None:
        self._previews.drop()
        self.timer.stop()
        self.lines.set_lines([])
        self.notes.clear()
        self.payments.clear()
        self.preview.pdf_bytes = b""
