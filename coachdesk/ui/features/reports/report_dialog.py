"""The progress report dialog: choose client, period and audience, type the coach's summary
and next focus, and see the PDF as it will print; then Print… or Save as PDF….

The preview follows the inputs (rendered on a worker a moment after the last keystroke), and
Print/Save act only on a preview of the current inputs, so what leaves the app is what was
seen. A sponsor version the client has not consented to is refused by the service: the refusal
shows in place of the preview, in words, and nothing can be printed or saved.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid
from sqlalchemy.orm import Session

from coachdesk.documents.pages import reporting_to
from coachdesk.errors import Cancelled, ValidationError
from coachdesk.i18n import _
from coachdesk.services.people import clients, profile
from coachdesk.ui.features.reports.report_form import SPONSOR, ReportForm
from coachdesk.ui.features.reports.report_request import (
    Opening,
    ReportRequest,
    opening,
    render,
)
from coachdesk.ui.kit import lockable, look
from coachdesk.ui.kit.errors import show_error, user_message
from coachdesk.ui.kit.practice import Practice
from coachdesk.ui.pdf.preview import PdfPreview

DELAY_MS = 600  # wait this long after the last keystroke before rendering again


class ProgressReportDialog(QDialog):
    """A report for ``client_id``, or for a client chosen in the dialog."""

    def __init__(
        self, practice: Practice, parent: QWidget | None = None, client_id: int | None = None
    ) -> None:
        super().__init__(parent)
        lockable.register(self)
        self.practice = practice
        self.fixed_client = client_id
        self.request: ReportRequest | None = None  # what the preview shows
        self.refusal = ""
        self._token = 0
        self._loading = True
        self.setWindowTitle(_("Progress report"))
        self.setWindowIcon(look.app_icon())
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DELAY_MS)
        self.timer.timeout.connect(self.update_preview)
        self._build_inputs()
        self._build_layout()
        self._update_buttons()
        self.practice.read(self._gather, self._loaded, self._load_failed, parent=self)

    def _build_inputs(self) -> None:
        self.form = ReportForm()
        self.form.edited.connect(self._edited)
        self.form.client_chosen.connect(self._client_chosen)
        self.preview = PdfPreview(self)
        self.preview.toolbar.hide()  # the dialog's own buttons print and save
        self.message = QLabel()
        self.message.setObjectName("report_message")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setMargin(32)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.message)
        self.stack.addWidget(self.preview)

    def _build_layout(self) -> None:
        splitter = QSplitter()
        splitter.addWidget(self.form)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([380, 720])
        splitter.setChildrenCollapsible(False)
        self._build_buttons()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)
        self.resize(1180, 820)

    def _build_buttons(self) -> None:
        self.print_button = QPushButton(_("Print…"))
        self.print_button.setShortcut(QKeySequence("Ctrl+P"))
        self.print_button.setToolTip(_("Print the report (Ctrl+P)"))
        self.print_button.clicked.connect(self.print_report)
        self.save_button = QPushButton(_("Save as PDF…"))
        self.save_button.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.save_button.setToolTip(_("Save the report as a PDF file (Ctrl+Shift+S)"))
        self.save_button.clicked.connect(self.save_report)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        self.buttons.setContentsMargins(look.SPACING, 0, look.SPACING, look.SPACING)

    # -- loading --------------------------------------------------------------------------
    def _gather(self, db: Any) -> tuple[list[tuple[int, str]], Opening]:
        if self.fixed_client is None:
            people = [(row.id, row.name) for row in clients.list_clients(db)]
        else:
            people = [(self.fixed_client, clients.get_client(db, self.fixed_client).display_name)]
        today = profile.coach_today(db)
        start = opening(db, people[0][0], today) if people else Opening(today, today, None)
        return people, start

    def _loaded(self, result: tuple[list[tuple[int, str]], Opening]) -> None:
        if not isValid(self):
            return
        people, start = result
        self.form.set_clients(people, fixed=self.fixed_client is not None)
        self._open(start)
        self._loading = False
        if people:
            self.update_preview()
        else:
            self._show_message(_("Add a client first: a progress report is about a client."))

    def _load_failed(self, exc: BaseException) -> None:
        if isValid(self):
            show_error(self.parentWidget(), exc)
            self.reject()

    def _client_chosen(self, client_id: int) -> None:
        self._loading = True
        self._invalidate()
        self.practice.read(
            lambda db: opening(db, client_id, profile.coach_today(db)),
            self._client_loaded,
            parent=self,
        )

    def _client_loaded(self, start: Opening) -> None:
        if isValid(self):
            self._open(start)
            self._loading = False
            self.update_preview()

    def _open(self, start: Opening) -> None:
        self.form.set_period(start.start, start.end)
        self.form.set_sponsor(start.sponsor)

    # -- the preview ----------------------------------------------------------------------
    def current_request(self) -> ReportRequest | None:
        form = self.form
        client_id = form.client_id()
        if client_id is None:
            return None
        return ReportRequest(
            client_id,
            form.start.day(),
            form.end.day(),
            str(form.audience.currentData()),
            form.summary.toPlainText().strip(),
            form.next_focus.toPlainText().strip(),
        )

    def is_current(self) -> bool:
        """The preview (or refusal) shown is of exactly the inputs shown."""
        request = self.current_request()
        return request is not None and request == self.request

    def _edited(self) -> None:
        if self._loading:
            return
        self._invalidate()
        self.timer.start()

    def _invalidate(self) -> None:
        self.request = None
        self._update_buttons()

    def update_preview(self) -> None:
        """Render the current inputs on a worker; an older render arriving late is dropped."""
        self.timer.stop()
        request = self.current_request()
        if request is None:
            return
        self._token += 1
        token = self._token
        self.form.show_period_error("")

        def superseded(_done: int, _total: int) -> None:
            """A newer rendering (or closing) makes this one pointless: stop laying it out."""
            if token != self._token:
                raise Cancelled()

        def work(db: Session) -> bytes:
            with reporting_to(superseded):
                return render(db, request)

        self.practice.read(
            work,
            lambda pdf: self._rendered(token, request, pdf),
            lambda exc: self._refused(token, request, exc),
            parent=self,
        )

    def _rendered(self, token: int, request: ReportRequest, pdf: bytes) -> None:
        if token != self._token or not isValid(self):
            return
        # Shown before it is filled, so the pages are laid out at their final width; a new
        # rendering keeps the place the coach was reading.
        bar = self.preview.scroll.verticalScrollBar()
        place = bar.value() if self.stack.currentWidget() is self.preview else 0
        self.stack.setCurrentWidget(self.preview)
        self.preview.set_pdf(pdf, self.document_title(request))
        bar.setValue(place)
        self.request, self.refusal = request, ""
        self._update_buttons()

    def _refused(self, token: int, request: ReportRequest, exc: BaseException) -> None:
        """A refusal (no consent, dates the wrong way round) is shown in words, in place."""
        if token != self._token or not isValid(self):
            return
        if isinstance(exc, ValidationError) and "to" in exc.fields:
            self.form.show_period_error(exc.fields["to"])
        message = "\n".join(exc.fields.values()) if isinstance(exc, ValidationError) else ""
        self.refusal = message or user_message(exc)
        self._show_message(self.refusal)
        self.request = request
        self._update_buttons()

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.stack.setCurrentWidget(self.message)

    def document_title(self, request: ReportRequest) -> str:
        name = self.form.client.currentText()
        if request.audience == SPONSOR:
            return _("Progress report – {client} (sponsor)").format(client=name)
        return _("Progress report – {client}").format(client=name)

    def _update_buttons(self) -> None:
        ready = self.is_current() and not self.refusal and bool(self.preview.pdf_bytes)
        self.print_button.setEnabled(ready)
        self.save_button.setEnabled(ready)

    # -- leaving the app ------------------------------------------------------------------
    def print_report(self) -> None:
        if self.print_button.isEnabled():
            self.preview.print_document()

    def save_report(self) -> None:
        if self.save_button.isEnabled():
            self.preview.save_as()

    def has_unsaved_input(self) -> bool:
        """The coach's summary and next focus exist nowhere else until the report is saved."""
        return self.form.has_typed_text()

    def done(self, result: int) -> None:
        """Closed: a rendering still running stops at its next paragraph."""
        self._token += 1
        super().done(result)

    def discard(self) -> None:
        """The app locks: drop the typed texts and the rendered report, then close."""
        self._token += 1
        self.timer.stop()
        self.form.wipe()
        self.preview.pdf_bytes = b""
        self.preview.scroll.set_pages(b"", [])
        self.message.clear()
        self.reject()

    # -- locking (a Lockable: the typed texts have no draft, so a lock waits for them) ----
    def keep_as_draft(self) -> bool:
        return True

    def why_lock_waits(self) -> str | None:
        if self.isVisible() and self.has_unsaved_input():
            return _("Not locked: save or cancel the form you are filling in.")
        return None

    def wipe_for_lock(self) -> None:
        self.discard()
