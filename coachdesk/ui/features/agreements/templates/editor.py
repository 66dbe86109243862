"""The agreement template editor: the coach's templates, their text, and what they will print.

Problems are found as the coach types (an unknown placeholder is named with its line) and Save
stays off while any stands; the service checks again on saving, so nothing bad is ever stored.
The templates that came with CoachDesk cannot be lost: they can be reset to the shipped text and
cannot be deleted. ``TemplateEditor`` follows the page contract (``template_dialog`` puts it in
a window of its own).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from coachdesk.errors import ValidationError
from coachdesk.i18n import _
from coachdesk.model import EngagementKind
from coachdesk.services.agreements import templates as service
from coachdesk.services.agreements.templates import TemplateList as Listing
from coachdesk.services.agreements.templates import TemplateText
from coachdesk.ui.features.agreements.templates.checks import ClauseChecklist
from coachdesk.ui.features.agreements.templates.form import TemplateForm
from coachdesk.ui.features.agreements.templates.listing import TemplateList
from coachdesk.ui.features.agreements.templates.preview import TemplatePreview
from coachdesk.ui.kit import look
from coachdesk.ui.kit import practice as kinds
from coachdesk.ui.kit.errors import show_error
from coachdesk.ui.kit.latest import Latest
from coachdesk.ui.kit.page import Page
from coachdesk.ui.kit.practice import Practice


class TemplateEditor(Page):
    """Templates on the left, the text with its placeholders in the middle, the preview right."""

    def __init__(self, practice: Practice, parent: QWidget | None = None) -> None:
        super().__init__(practice, parent)
        self.current: TemplateText | None = None
        self.default_id: int | None = None
        self.question: QMessageBox | None = None
        self._confirm: QAbstractButton | None = None
        self._then: Callable[[], None] | None = None
        self._want: int | None = None  # the template to show after the next listing
        self._latest_text = Latest(self)  # the template whose text was asked for last
        self.templates = TemplateList()
        self.templates.picked.connect(self._picked)
        self.form = TemplateForm()
        self.form.edited.connect(self._check)
        # The form's parts, by name, for the flow below and for tests.
        self.name, self.body, self.problems = self.form.name, self.form.body, self.form.problems
        self.placeholders = self.form.placeholders
        self.save_button, self.revert_button = self.form.save_button, self.form.revert_button
        self.checklist = ClauseChecklist()
        self.preview = TemplatePreview(practice)
        self._build_buttons()
        self._build_layout()
        self._enable()

    def _build_buttons(self) -> None:
        self.copy_button = QPushButton(_("New from copy"))
        self.copy_button.setToolTip(_("A new template of your own, starting from this one"))
        self.copy_button.clicked.connect(self.copy)
        self.default_button = QPushButton(_("Use for new agreements"))
        self.default_button.setToolTip(_("New agreements of this kind start from this template"))
        self.default_button.clicked.connect(self.make_default)
        self.reset_button = QPushButton(_("Reset to default…"))
        self.reset_button.setToolTip(_("Put back the text that came with CoachDesk"))
        self.reset_button.clicked.connect(self.reset)
        self.delete_button = QPushButton(_("Delete…"))
        self.delete_button.clicked.connect(self.delete)
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)
        save = QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def _build_layout(self) -> None:
        left = QWidget()
        side = QVBoxLayout(left)
        side.setContentsMargins(look.SPACING, look.SPACING, 0, look.SPACING)
        side.addWidget(look.heading(_("Agreement templates"), scale=1.2))
        side.addWidget(self.templates, 1)
        for button in (self.copy_button, self.default_button, self.reset_button):
            side.addWidget(button)
        side.addWidget(self.delete_button)
        right = QWidget()
        preview_column = QVBoxLayout(right)
        preview_column.setContentsMargins(0, 0, look.SPACING, look.SPACING)
        preview_column.addWidget(self.preview, 1)
        preview_column.addWidget(self.checklist)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        for widget, stretch in ((left, 0), (self.form, 3), (right, 3)):
            splitter.addWidget(widget)
            splitter.setStretchFactor(splitter.indexOf(widget), stretch)
        splitter.setSizes([250, 560, 560])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

    # -- page contract ----------------------------------------------------------------------
    def _load(self) -> None:
        """Reload the list; the text being edited stays as typed."""
        self._read(service.list_for_editor, self._listed)
        self.preview.load_sources()
        if self.current is not None:
            self._check()  # the letterhead or an example engagement may have changed

    def clear(self) -> None:
        """On lock: the preview and its list of clients go; template text is the coach's own."""
        self._forget()
        self.preview.clear()

    # -- loading ----------------------------------------------------------------------------
    def _listed(self, listing: Listing) -> None:
        if self._needs_builtins(listing):  # a step of this refresh: ``refreshed`` waits for it
            self.practice.write(
                service.ensure_builtin_templates,
                self._answer(self._latest.start(), lambda _ids: self.refresh()),
                changes=kinds.AGREEMENTS,
                parent=self,
            )
            return
        self.default_id = listing.default_id
        ids = {row.id for row in listing.rows}
        choices = (self._want, self.current.id if self.current else None, listing.default_id)
        keep = next((c for c in choices if c in ids), listing.rows[0].id)
        self.templates.show_rows(listing.rows, listing.default_id, keep)
        if self._want is not None or self.current is None or self.current.id != keep:
            self._open(keep, refreshing=True)
        self._want = None
        self._enable()

    @staticmethod
    def _needs_builtins(listing: Listing) -> bool:
        return {row.kind for row in listing.rows if row.builtin} != set(EngagementKind)

    def _open(self, template_id: int, *, refreshing: bool = False) -> None:
        """Read a template's text; only the one asked for last is shown. When it is a step of
        a refresh, ``refreshed`` waits for it."""
        request = self._latest_text.start()
        show = self._answer(self._latest.start(), self._show) if refreshing else self._show
        self.practice.read(
            lambda db: service.template_text(db, template_id),
            lambda template: show(template) if self._latest_text.holds(request) else None,
            parent=self,
        )

    def _show(self, template: TemplateText) -> None:
        self.current = template
        self.form.show_template(template)
        self.templates.select_id(template.id)
        self._check()
        self.preview.refresh_now()

    def _picked(self, template_id: int) -> None:
        if self.current is not None and template_id == self.current.id:
            return
        if not self.is_dirty():
            self._open(template_id)
            return
        self.templates.select_id(self.current.id if self.current else None)
        self.ask(
            _("Discard changes?"),
            _("The changes to “{name}” are not saved yet.").format(name=self.name.text()),
            _("Discard changes"),
            lambda: self._open(template_id),
        )

    # -- editing ----------------------------------------------------------------------------
    def insert(self, text: str) -> None:
        self.form.insert(text)

    def is_dirty(self) -> bool:
        return self.current is not None and self.form.differs_from(self.current)

    def _check(self) -> None:
        body = self.body.toPlainText()
        problems = (
            service.template_problems(body) if body.strip() else [_("The template is empty.")]
        )
        no_name = "" if self.name.text().strip() else _("Enter a name for the template.")
        self.form.show_problems("\n".join(problems), no_name)
        self.checklist.show_text(body)
        self.preview.show_text(body, self.form.chosen_kind(), problems)
        self._enable()

    def _enable(self) -> None:
        t = self.current
        dirty = self.is_dirty()
        self.form.setEnabled(t is not None)
        self.save_button.setEnabled(dirty and not self.form.has_problems())
        self.revert_button.setEnabled(dirty)
        self.copy_button.setEnabled(t is not None and not dirty)
        self.default_button.setEnabled(t is not None and not dirty and t.id != self.default_id)
        self.reset_button.setVisible(t is not None and t.builtin)
        self.delete_button.setVisible(t is not None and not t.builtin)
        if t is not None:
            state = _("version {n}").format(n=t.version)
            if t.builtin:
                state += " · " + _("came with CoachDesk")
            self.form.version.setText(state + (" · " + _("changed") if dirty else ""))

    # -- actions ----------------------------------------------------------------------------
    def save(self) -> None:
        t = self.current
        if t is None or not self.save_button.isEnabled():
            return
        name, body, kind = self.name.text(), self.body.toPlainText(), self.form.chosen_kind()
        self.save_button.setEnabled(False)
        self.practice.write(
            lambda db: service.save_template(db, t.id, name, body, kind),
            lambda saved: self._reload(saved.id),
            self._save_failed,
            changes=kinds.AGREEMENTS,
            parent=self,
        )

    def _save_failed(self, exc: BaseException) -> None:
        if not isValid(self):
            return
        if isinstance(exc, ValidationError):
            rest = " ".join(text for field, text in exc.fields.items() if field != "name")
            self.form.show_problems(rest, exc.fields.get("name", ""))
        else:
            show_error(self, exc)
        self._enable()

    def revert(self) -> None:
        if self.current is not None:
            self._show(self.current)

    def copy(self) -> None:
        t = self.current
        if t is not None:
            self._write(lambda db: service.copy_template(db, t.id).id, focus_name=True)

    def make_default(self) -> None:
        t = self.current
        if t is not None:

            def make(db: Any) -> int:
                service.set_default_template(db, t.id)
                return t.id

            self._write(make)

    def reset(self) -> None:
        t = self.current
        if t is None or not t.builtin:
            return
        self.ask(
            _("Reset to the text that came with CoachDesk?"),
            _(
                "“{name}” gets back the text shipped with CoachDesk, as a new version. "
                "Your changes to it are lost; agreements already made keep their text."
            ).format(name=t.name),
            _("Reset"),
            lambda: self._write(lambda db: service.reset_to_default(db, t.id).id),
        )

    def delete(self) -> None:
        t = self.current
        if t is None or t.builtin:
            return

        def gone(db: Any) -> None:
            service.delete_template(db, t.id)

        self.ask(
            _("Delete this template?"),
            _("“{name}” will be deleted. Agreements made from it keep their text.").format(
                name=t.name
            ),
            _("Delete"),
            lambda: self._write(gone),
        )

    def _write(self, work: Callable[[Any], int | None], *, focus_name: bool = False) -> None:
        def done(template_id: int | None) -> None:
            self._reload(template_id)
            if focus_name:
                self.name.setFocus()
                self.name.selectAll()

        self.practice.write(work, done, changes=kinds.AGREEMENTS, parent=self)

    def _reload(self, template_id: int | None) -> None:
        """After a write: list again and show ``template_id`` (None: the default or first)."""
        if not isValid(self):
            return
        self._want = template_id
        self.refresh()

    def ask(self, title: str, text: str, action: str, then: Callable[[], None]) -> None:
        """A question that does not block; ``then`` runs if the coach confirms.

        The box holds no closure: a lambda owning ``then`` would keep its owner alive until the
        box is deleted, and could free the owner (and with it the box) from inside that delete.
        """
        box = QMessageBox(
            QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.Cancel, self
        )
        self._confirm = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
        self._then = then
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(self._answered)
        self.question = box
        box.open()

    def _answered(self, button: QAbstractButton) -> None:
        then, self._then = self._then, None
        if button is self._confirm and then is not None:
            then()
