"""Starting an agreement: pick the engagement (type part of the client's name) and a template.

The draft is the template filled in from the engagement; the coach then edits it freely in the
Agreements view before sending it. An engagement has one draft at a time: choosing one that
already has a draft says so under the field, in the service's words.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from coachdesk.errors import ValidationError
from coachdesk.i18n import _
from coachdesk.model import EngagementKind
from coachdesk.services.agreements import agreements
from coachdesk.services.agreements import documents as agreement_documents
from coachdesk.services.agreements import listing as agreement_list
from coachdesk.services.agreements.agreements import TemplateRow
from coachdesk.services.engagements import engagements
from coachdesk.services.engagements.engagements import EngagementRow
from coachdesk.services.people import profile
from coachdesk.services.people.clients import Saved
from coachdesk.ui.kit import look
from coachdesk.ui.kit import practice as kinds
from coachdesk.ui.kit.errors import show_error
from coachdesk.ui.kit.fields import FieldBox
from coachdesk.ui.kit.practice import Practice

SHIPPED = -1  # the combo's data for "the shipped standard text" (no template in the vault)


@dataclass(frozen=True, slots=True)
class Choices:
    engagements: list[EngagementRow]
    kinds: dict[int, EngagementKind]
    templates: list[TemplateRow]
    defaults: dict[EngagementKind, int | None]
    drafts: dict[int, int]  # engagement id -> version of the draft it already has


def load_choices(db: Any) -> Choices:
    rows = engagements.list_engagements(db)
    kind_of = agreement_list.running_engagement_kinds(db)
    defaults = {}
    for kind in EngagementKind:
        chosen = agreement_documents.default_template_of_kind(db, kind)
        defaults[kind] = chosen.id if chosen is not None else None
    return Choices(
        [r for r in rows if r.id in kind_of],
        kind_of,
        agreements.list_templates(db),
        defaults,
        agreements.open_drafts(db),
    )


class NewAgreementDialog(QDialog):
    """Draft an agreement; ``created(agreement_id)`` once it is in the vault."""

    created = Signal(int)

    def __init__(
        self, practice: Practice, parent: QWidget | None = None, engagement_id: int | None = None
    ) -> None:
        super().__init__(parent)
        self.practice = practice
        self.wanted = engagement_id
        self.choices: Choices | None = None
        self.saving = False
        self.setWindowTitle(_("New agreement"))
        self.engagement = QComboBox()
        self.engagement.setEditable(True)
        self.engagement.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.engagement.setMinimumContentsLength(40)
        completer = QCompleter(self.engagement.model(), self.engagement)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.engagement.setCompleter(completer)
        self.engagement.currentIndexChanged.connect(self._engagement_changed)
        self.template = QComboBox()
        self.engagement_box = FieldBox(self.engagement)
        self.template_box = FieldBox(self.template)
        form = QFormLayout()
        form.addRow(_("Engagement"), self.engagement_box)
        form.addRow(_("Template"), self.template_box)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(_("Create draft"))
        self.ok_button.setEnabled(False)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            look.note(
                _(
                    "The draft is the template filled in with the engagement's dates, fees "
                    "and terms. You can edit its text before sending it."
                )
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        practice.read(load_choices, self._loaded, parent=self)

    def _loaded(self, choices: Choices) -> None:
        if not isValid(self):
            return
        self.choices = choices
        self.engagement.blockSignals(True)
        for row in choices.engagements:
            self.engagement.addItem(f"{row.client_name} — {row.title}", row.id)
        self.engagement.blockSignals(False)
        index = self.engagement.findData(self.wanted) if self.wanted is not None else 0
        self.engagement.setCurrentIndex(max(index, 0))
        self._engagement_changed()
        if not choices.engagements:
            self.engagement_box.set_error(
                _("There is no running engagement. Add one on the client's page first.")
            )

    def _engagement_changed(self, *_args: object) -> None:
        choices = self.choices
        engagement_id = self.engagement.currentData()
        self.ok_button.setEnabled(choices is not None and engagement_id is not None)
        if choices is None or engagement_id is None:
            return
        draft = choices.drafts.get(engagement_id)
        self._set_errors(agreements.draft_exists_message(draft) if draft is not None else "", "")
        self.ok_button.setEnabled(draft is None)
        kind = choices.kinds[engagement_id]
        self.template.clear()
        for row in choices.templates:
            if row.kind is kind:
                self.template.addItem(row.name, row.id)
        if not self.template.count():
            self.template.addItem(_("Standard agreement (shipped with CoachDesk)"), SHIPPED)
        default = choices.defaults.get(kind)
        self.template.setCurrentIndex(max(self.template.findData(default), 0))

    def submit(self) -> None:
        engagement_id = self.engagement.currentData()
        if self.saving or engagement_id is None:
            return
        template = self.template.currentData()
        template_id = None if template in (None, SHIPPED) else int(template)
        self.saving = True
        self.ok_button.setEnabled(False)

        def work(db: Any) -> Saved:
            today = profile.coach_today(db)
            return agreement_documents.draft_agreement(db, engagement_id, today, template_id)

        self.practice.write(work, self._done, self._failed, changes=kinds.AGREEMENTS, parent=self)

    def _done(self, saved: Saved) -> None:
        if isValid(self):
            self.saving = False
            self.created.emit(saved.id)
            self.accept()

    def _failed(self, exc: BaseException) -> None:
        if isValid(self):
            self.saving = False
            self.ok_button.setEnabled(True)
            if isinstance(exc, ValidationError):
                fields = dict(exc.fields)
                engagement = fields.pop("engagement", "")
                self._set_errors(engagement, " ".join(fields.values()))
                self.ok_button.setEnabled(not engagement)
            else:
                show_error(self, exc)

    def _set_errors(self, engagement: str, template: str) -> None:
        """Messages under the fields; the dialog grows to show them (a wrapped label's height
        is not in the form's minimum size)."""
        self.engagement_box.set_error(engagement)
        self.template_box.set_error(template)
        needed = self.sizeHint().height()
        if self.height() < needed:
            self.resize(self.width(), needed)
