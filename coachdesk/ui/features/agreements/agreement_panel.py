"""One agreement: its text (editable while a draft), its PDF preview, the clause check beside,
and the steps of its life (send, sign, new version) as buttons.

The preview shows what would be printed: the draft's saved text laid out, or the frozen PDF once
signed. Switching to the preview, sending or signing first saves an edited draft, so what is
previewed, sent or signed is always what the coach last typed. ``save_now`` keeps typed text
synchronously, for the moments nothing may wait: another agreement is opened, or the app locks.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from coachdesk.i18n import _
from coachdesk.model import AgreementStatus
from coachdesk.services.agreements import agreements
from coachdesk.ui.features.agreements.agreement_steps import AgreementSteps, Opened, open_agreement
from coachdesk.ui.features.agreements.agreement_words import refusal_words, state_text
from coachdesk.ui.features.agreements.clause_list import ClauseList
from coachdesk.ui.features.agreements.sent_dialog import SentDialog
from coachdesk.ui.features.agreements.signing_dialog import SigningDialog
from coachdesk.ui.features.agreements.templates.highlighter import TemplateHighlighter
from coachdesk.ui.kit import look
from coachdesk.ui.kit import practice as kinds
from coachdesk.ui.kit.errors import show_error
from coachdesk.ui.kit.latest import Latest
from coachdesk.ui.kit.practice import Practice
from coachdesk.ui.pdf.preview import PdfPreview

A = AgreementStatus
PREVIEW_TAB = 1  # the text is tab 0


class AgreementPanel(QWidget, AgreementSteps):
    """``show_agreement(id)`` loads one; ``opened(id)`` asks the page to select another."""

    opened = Signal(int)

    def __init__(self, practice: Practice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.practice = practice
        self.current: Opened | None = None
        self.dialog: SigningDialog | None = None
        self.question: SentDialog | None = None
        self._latest = Latest(self)
        self._dirty = False
        self._refusal = ""  # why the typed text could not be saved, until it is
        self.heading = look.heading("", scale=1.25)
        self.about = look.note("")
        self.state = look.note("")
        self.state.setObjectName("agreement_state")
        self.problem = look.note("")
        look.tint(self.problem, look.Colour.DANGER)
        self.problem.hide()
        self.title = QLineEdit()
        self.title.setObjectName("agreement_title")
        self.title.setPlaceholderText(_("Title of the agreement"))
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("agreement_text")
        self.editor.setTabChangesFocus(True)
        self.highlighter = TemplateHighlighter(self.editor.document())
        self.preview = PdfPreview()
        self.clauses = ClauseList()
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.buttons: dict[str, QPushButton] = {}
        self._build()
        self.title.textEdited.connect(self._edited)
        self.editor.textChanged.connect(self._text_changed)
        self.tabs.currentChanged.connect(self._tab_changed)
        save = QShortcut(QKeySequence.StandardKey.Save, self)
        save.activated.connect(self.save_draft)
        self._update_actions()

    def _build(self) -> None:
        text_page = QWidget()
        text_layout = QVBoxLayout(text_page)
        text_layout.setContentsMargins(0, 8, 0, 0)
        text_layout.addWidget(self.title)
        text_layout.addWidget(self.editor, 1)
        self.tabs.addTab(text_page, _("Text"))
        self.tabs.addTab(self.preview, _("Preview"))
        bar = QHBoxLayout()
        bar.setSpacing(look.SPACING - 6)
        for key, text, tip, slot in (
            ("save", _("Save draft"), _("Save the edited text (Ctrl+S)"), self.save_draft),
            ("send", _("Mark as sent"), _("The client has the agreement"), self.mark_sent),
            ("sign", _("Record signing…"), _("Dates, how it was signed, the scan"), self.sign),
            ("version", _("New version"), _("A draft copy that replaces it"), self.new_version),
            ("attach", _("Attach scan…"), _("Add the signed copy"), self.attach_scan),
            ("scan", _("Save scan…"), _("Save the signed copy to a file"), self.save_scan),
        ):
            button = QPushButton(text)
            button.setToolTip(tip)
            button.clicked.connect(lambda _checked=False, act=slot: act())  # not as ``then``
            self.buttons[key] = button
            bar.addWidget(button)
        bar.addStretch(1)
        left = QVBoxLayout()
        left.setSpacing(6)
        left.addWidget(self.heading)
        left.addWidget(self.about)
        left.addWidget(self.state)
        left.addWidget(self.problem)
        left.addLayout(bar)
        left.addWidget(self.tabs, 1)
        row = QHBoxLayout(self)
        row.setContentsMargins(look.SPACING + 8, look.SPACING, look.SPACING, look.SPACING)
        row.addLayout(left, 1)
        row.addWidget(self.clauses)

    # -- loading --------------------------------------------------------------------------
    def show_agreement(self, agreement_id: int) -> None:
        request = self._latest.start()
        self.practice.read(
            lambda db: open_agreement(db, agreement_id),
            lambda opened: self._loaded(request, opened),
            lambda exc: self._failed(request, exc),
            parent=self,
        )

    def _loaded(self, request: int, opened: Opened) -> None:
        if not self._latest.holds(request):
            return
        view = opened.view
        # Reloaded after a change elsewhere while the coach is typing: keep what they typed.
        keep_typing = (
            self._dirty and self.current is not None and self.current.view.id == view.id
        ) and view.status is A.DRAFT
        self.current = opened
        self.heading.setText(view.title)
        self.about.setText(
            _("{client} · {engagement} · version {n}").format(
                client=view.client_name, engagement=view.engagement_title, n=view.version
            )
        )
        self.state.setText(state_text(view, opened.today))
        draft = view.status is A.DRAFT
        self.title.setReadOnly(not draft)
        self.editor.setReadOnly(not draft)
        if not keep_typing:
            self.title.setText(view.title)
            if self.editor.toPlainText() != view.body:
                self.editor.blockSignals(True)
                self.editor.setPlainText(view.body)
                self.editor.blockSignals(False)
            self._dirty, self._refusal = False, ""
        self.clauses.check(self.editor.toPlainText(), sponsored=view.sponsored)
        problem, shown = opened.problem, False
        if opened.pdf:
            try:
                self.preview.set_pdf(opened.pdf, f"{view.title} – {view.client_name}")
                shown = True
            except Exception:  # an unreadable stored PDF must not stop the view
                problem = problem or _("The stored PDF of this agreement cannot be shown.")
        if not shown:
            self._empty_preview()
        self.show_problem(" ".join(p for p in (self._refusal, problem) if p))
        if view.frozen:
            self.tabs.setCurrentIndex(PREVIEW_TAB)
        self._update_actions()

    def _failed(self, request: int, exc: BaseException) -> None:
        if self._latest.holds(request):
            self.clear()
            show_error(self, exc)

    def clear(self) -> None:
        """Drop every word of the agreement shown (the app locks, or nothing is selected)."""
        self._latest.drop()
        self.current = None
        self._dirty, self._refusal = False, ""
        if self.dialog is not None:
            self.dialog.reject()
            self.dialog = None
        if self.question is not None and isValid(self.question):
            self.question.close()
        self.question = None
        for label in (self.heading, self.about, self.state, self.problem):
            label.clear()
        self.title.clear()
        self.editor.blockSignals(True)
        self.editor.clear()
        self.editor.blockSignals(False)
        self.clauses.clear()
        self._empty_preview()
        self._update_actions()

    def _empty_preview(self) -> None:
        self.preview.pdf_bytes, self.preview.title = b"", ""
        self.preview.scroll.set_pages(b"", [])
        self.preview.count_label.clear()
        for action in (self.preview.print_action, self.preview.save_action):
            action.setEnabled(False)
        self.preview.open_action.setEnabled(False)

    # -- editing --------------------------------------------------------------------------
    def _text_changed(self) -> None:
        view = self.current.view if self.current else None
        if view is None or self.editor.isReadOnly():
            return
        self.clauses.check(self.editor.toPlainText(), sponsored=view.sponsored)
        if self.editor.toPlainText() != view.body:
            self._edited()

    def _edited(self, *_args: object) -> None:
        self._dirty = True
        self._update_actions()

    def has_unsaved_text(self) -> bool:
        return self._dirty

    def shown_id(self) -> int | None:
        return self.current.view.id if self.current is not None else None

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def holds_unsaved_draft(self) -> bool:
        """Typed text of a draft not saved yet (what ``save_now`` saves, or could not)."""
        current = self.current
        return self._dirty and current is not None and current.view.status is A.DRAFT

    def save_now(self) -> bool:
        """Save an edited draft on this thread, before another agreement loads or the app
        locks. False if it could not be (an emptied title): the text stays as typed and the
        reason shows above it."""
        current = self.current
        if current is None or not self.holds_unsaved_draft():
            return True
        agreement_id, title, body = current.view.id, self.title.text(), self.editor.toPlainText()
        try:
            self.practice.write_now(
                lambda db: agreements.update_draft_text(db, agreement_id, title, body),
                changes=kinds.AGREEMENTS,
            )
        except Exception as exc:
            self._refused(exc)
            return False
        self._dirty, self._refusal = False, ""
        self._update_actions()
        return True

    def _refused(self, exc: BaseException) -> None:
        """Say above the text why it was not saved; it stays as typed, still unsaved."""
        if isValid(self):
            self._refusal = refusal_words(exc)
            self.show_problem(self._refusal)

    def _tab_changed(self, index: int) -> None:
        if index == PREVIEW_TAB and self._dirty:
            self.save_draft()

    def save_draft(self, then: Callable[[], None] | None = None) -> None:
        """Save the edited draft, reload (the preview follows), then ``then`` if this draft is
        still the one shown. Text typed while the save runs stays marked as unsaved."""
        current = self.current
        if current is None or current.view.status is not A.DRAFT:
            return
        if not self._dirty:
            if then is not None:
                then()
            return
        agreement_id, title, body = current.view.id, self.title.text(), self.editor.toPlainText()

        def done(_saved: object) -> None:
            if not isValid(self) or self.shown_id() != agreement_id:
                return
            if (self.title.text(), self.editor.toPlainText()) == (title, body):
                self._dirty = False
            self.show_agreement(agreement_id)
            if then is not None:
                then()

        self.practice.write(
            lambda db: agreements.update_draft_text(db, agreement_id, title, body),
            done,
            self._refused,
            changes=kinds.AGREEMENTS,
            parent=self,
        )

    def _update_actions(self) -> None:
        view = self.current.view if self.current else None
        status = view.status if view else None
        enabled = {
            "save": status is A.DRAFT and self._dirty,
            "send": status is A.DRAFT,
            "sign": status in (A.DRAFT, A.SENT),
            "version": status in (A.SENT, A.SIGNED) and view is not None and not view.superseded_by,
            "attach": status in (A.SIGNED, A.SUPERSEDED),
            "scan": view is not None and view.has_scan,
        }
        for key, button in self.buttons.items():
            button.setEnabled(enabled[key])
            button.setVisible(key not in ("attach", "scan") or view is None or view.frozen)
        self.tabs.setEnabled(view is not None)
