"""The Questionnaires view: the templates (new, edit, delete), a client's fillable PDF, a
returned form imported through the review, "Fill in now", and the testimonials clients agreed
to have quoted, with the day they agreed.

The file chooser is asked only when no path is given, so tests (and a drop) name the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from coachdesk.formatting import format_date
from coachdesk.i18n import _
from coachdesk.services.people import clients, profile
from coachdesk.services.questionnaires import forms, templates
from coachdesk.services.questionnaires.answers import Review
from coachdesk.services.questionnaires.forms import Testimonial
from coachdesk.services.questionnaires.per_goal import GoalScale, active_goals
from coachdesk.services.questionnaires.templates import TemplateFields, TemplateRow
from coachdesk.ui.features.questionnaires.fill_dialog import FillDialog
from coachdesk.ui.features.questionnaires.review_dialog import ReviewDialog
from coachdesk.ui.features.questionnaires.template_editor import TemplateEditor
from coachdesk.ui.kit import lockable
from coachdesk.ui.kit.fields import ClientCombo, client_labels
from coachdesk.ui.kit.page import Page
from coachdesk.ui.kit.practice import CLIENTS, EVERYTHING, QUESTIONNAIRES, Practice
from coachdesk.ui.pdf.files import write_atomically

ID_ROLE = Qt.ItemDataRole.UserRole
REFRESH_ON = frozenset({QUESTIONNAIRES, CLIENTS, EVERYTHING})


@dataclass(frozen=True)
class Shown:
    templates: list[TemplateRow]
    clients: list[tuple[int, str]]
    testimonials: list[Testimonial]


def _gather(db: Session) -> Shown:
    return Shown(
        templates.list_templates(db),
        client_labels(clients.list_clients(db)),
        forms.testimonials(db),
    )


class QuestionnairesPage(Page):
    """Signals say when each step is done or each dialog is up, for the shell and tests."""

    pdf_written = Signal(Path)
    editor_opened = Signal(object)  # TemplateEditor
    review_opened = Signal(object)  # ReviewDialog
    fill_opened = Signal(object)  # FillDialog

    def __init__(self, practice: Practice, parent: QWidget | None = None) -> None:
        super().__init__(practice, parent)
        self._seeded = False
        self._wanted_client: int | None = None
        self.template_list = QListWidget()
        self.new_button = QPushButton(_("New questionnaire…"))
        self.edit_button = QPushButton(_("Edit…"))
        self.delete_button = QPushButton(_("Delete"))
        self.client = ClientCombo()
        self.pdf_button = QPushButton(_("Questionnaire PDF…"))
        self.import_button = QPushButton(_("Import returned form…"))
        self.fill_button = QPushButton(_("Fill in now…"))
        self.quotes = QListWidget()
        self.quotes.setWordWrap(True)
        self._lay_out()
        self.template_list.itemDoubleClicked.connect(lambda _i: self.edit_template())
        self.new_button.clicked.connect(self.new_template)
        self.edit_button.clicked.connect(self.edit_template)
        self.delete_button.clicked.connect(lambda _checked=False: self.delete_template())
        self.pdf_button.clicked.connect(lambda _checked=False: self.write_pdf(None))
        self.import_button.clicked.connect(lambda _checked=False: self.import_form(None))
        self.fill_button.clicked.connect(self.fill_in_now)
        practice.changed.connect(self._changed)
        lockable.register(self)

    def _lay_out(self) -> None:
        listing = QGroupBox(_("Questionnaires"))
        left = QVBoxLayout(listing)
        left.addWidget(self.template_list)
        row = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.delete_button):
            row.addWidget(button)
        left.addLayout(row)
        sending = QGroupBox(_("For a client"))
        right = QGridLayout(sending)
        right.addWidget(QLabel(_("Client")), 0, 0)
        right.addWidget(self.client, 0, 1)
        right.addWidget(self.pdf_button, 1, 1)
        right.addWidget(self.import_button, 2, 1)
        right.addWidget(self.fill_button, 3, 1)
        right.setRowStretch(4, 1)
        quotes = QGroupBox(_("Testimonials you may quote"))
        QVBoxLayout(quotes).addWidget(self.quotes)
        top = QHBoxLayout()
        top.addWidget(listing, 3)
        top.addWidget(sending, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 3)
        layout.addWidget(quotes, 2)

    # -- reading ----------------------------------------------------------------------------
    def _changed(self, kind: str) -> None:
        if kind in REFRESH_ON:
            self.mark_stale()

    def _load(self) -> None:
        if self._seeded:
            self._read(_gather, self._show)
            return

        def seeded(_result: object) -> None:
            self._seeded = True
            self._read(_gather, self._show)

        self.practice.write(templates.ensure_shipped, seeded, changes="", parent=self)

    def _show(self, shown: Shown) -> None:
        keep = self.template_id()
        self.template_list.clear()
        for row in shown.templates:
            item = QListWidgetItem(
                _("{title} (version {version})").format(title=row.title, version=row.version)
            )
            item.setData(ID_ROLE, row.id)
            self.template_list.addItem(item)
            if row.id == keep:
                self.template_list.setCurrentItem(item)
        if self.template_list.currentRow() < 0 and self.template_list.count():
            self.template_list.setCurrentRow(0)
        self.client.set_clients(shown.clients)
        if self._wanted_client is not None and self.client.choose(self._wanted_client):
            self._wanted_client = None
        self.quotes.clear()
        for quote in shown.testimonials:
            self.quotes.addItem(
                _("{name}, consent given on {day}: “{text}”").format(
                    name=quote.client_name, day=format_date(quote.consent_on), text=quote.text
                )
            )

    def for_client(self, client_id: int) -> None:
        """Choose ``client_id`` now, or once the client list has loaded."""
        if not self.client.choose(client_id):
            self._wanted_client = client_id

    def template_id(self) -> int | None:
        item = self.template_list.currentItem()
        value = item.data(ID_ROLE) if item is not None else None
        return value if isinstance(value, int) else None

    # -- templates --------------------------------------------------------------------------
    def new_template(self) -> None:
        self._open_editor(None, TemplateFields(_("New questionnaire")))

    def edit_template(self) -> None:
        template_id = self.template_id()
        if template_id is None:
            return
        self.practice.read(
            lambda db: templates.template_fields(db, template_id),
            lambda fields: self._open_editor(template_id, fields),
            parent=self,
        )

    def _open_editor(self, template_id: int | None, fields: TemplateFields) -> None:
        editor = TemplateEditor(self.practice, template_id, fields, self)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.open()
        self.editor_opened.emit(editor)

    def delete_template(self, *, confirmed: bool = False) -> None:
        """Take the chosen template off the list, after asking; its returned forms stay."""
        template_id = self.template_id()
        if template_id is None:
            return
        if not confirmed:
            box = QMessageBox(
                QMessageBox.Icon.Question,
                _("Delete questionnaire?"),
                _(
                    "Delete this questionnaire from the list? The answers clients returned stay"
                    " with them, but forms sent out and not yet returned can no longer be read."
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                self,
            )
            box.setDefaultButton(QMessageBox.StandardButton.Cancel)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.finished.connect(self._delete_answered)
            box.open()
            return
        self.practice.write(
            lambda db: templates.delete_template(db, template_id),
            lambda _r: None,
            changes=QUESTIONNAIRES,
            parent=self,
        )

    def _delete_answered(self, result: int) -> None:
        if result == QMessageBox.StandardButton.Yes.value:
            self.delete_template(confirmed=True)

    # -- a client's form ----------------------------------------------------------------------
    def _chosen(self) -> tuple[int, int] | None:
        template_id, client_id = self.template_id(), self.client.client_id()
        if template_id is None or client_id is None:
            self.client.setFocus()
            return None
        return template_id, client_id

    def write_pdf(self, path: Path | None = None) -> None:
        """Record a form sent to the chosen client and write its PDF where the coach says."""
        chosen = self._chosen()
        if chosen is None:
            return
        if path is None:
            picked, _filter = QFileDialog.getSaveFileName(
                self, _("Questionnaire PDF"), _("Questionnaire.pdf"), _("PDF files (*.pdf)")
            )
            if not picked:
                return
            path = Path(picked)
        target, (template_id, client_id) = path, chosen

        def work(db: Session) -> Path:
            issued = forms.issue_pdf(db, template_id, client_id, profile.coach_today(db))
            write_atomically(target, issued.pdf)
            return target

        self.practice.write(work, self.pdf_written.emit, changes="", parent=self)

    def import_form(self, path: Path | None = None) -> None:
        """Read a returned PDF (for the chosen client, if one is chosen) into the review."""
        if path is None:
            picked, _filter = QFileDialog.getOpenFileName(
                self, _("Import returned form"), "", _("PDF files (*.pdf)")
            )
            if not picked:
                return
            path = Path(picked)
        data, client_id = path.read_bytes(), self.client.client_id()

        def work(db: Session) -> Review:
            from coachdesk.services.questionnaires import returns  # pypdf: only on use

            return returns.read_pdf(db, data, client_id)

        self.practice.read(work, self._review, parent=self)

    def fill_in_now(self) -> None:
        chosen = self._chosen()
        if chosen is None:
            return
        template_id, client_id = chosen

        def work(db: Session) -> tuple[TemplateFields, list[GoalScale]]:
            return templates.template_fields(db, template_id), active_goals(db, client_id)

        self.practice.read(
            work, lambda read: self._open_fill(template_id, client_id, *read), parent=self
        )

    def _open_fill(
        self, template_id: int, client_id: int, fields: TemplateFields, goals: list[GoalScale]
    ) -> None:
        dialog = FillDialog(fields.title, fields.questions, goals, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def typed() -> None:
            values = dialog.values()

            def work(db: Session) -> Review:
                from coachdesk.services.questionnaires import returns  # pypdf: only on use

                return returns.read_typed(db, template_id, client_id, values)

            self.practice.read(work, self._review, parent=self)

        dialog.accepted.connect(typed)
        dialog.open()
        self.fill_opened.emit(dialog)

    def _review(self, review: Review) -> None:
        dialog = ReviewDialog(self.practice, review, self)
        dialog.open()
        self.review_opened.emit(dialog)

    # -- locking: typed text lives in the dialogs, which lock themselves -----------------------
    def keep_as_draft(self) -> bool:
        return True

    def why_lock_waits(self) -> str | None:
        return None

    def wipe_for_lock(self) -> None:
        self._forget()
        self.template_list.clear()
        self.quotes.clear()
        self.client.set_clients([])
