"""Adding or editing an engagement: checks as the coach types, the service's word on saving.

Every check the service can make without the vault runs on each edit, with the service's own
messages under the fields, and Save stays disabled while any remains. Saving still goes through
the service, whose ``ValidationError`` lands under the fields too. An existing engagement shows
where it stands ("Next: session 5 of 8") and warns when its sessions or its dates run out.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from coachdesk.errors import ValidationError
from coachdesk.i18n import _
from coachdesk.model import EngagementStatus, FeeModel
from coachdesk.services.billing.balances import package_usage
from coachdesk.services.engagements import engagements
from coachdesk.services.engagements import usage as engagement_usage
from coachdesk.services.engagements.engagements import EngagementFields, EngagementUsage
from coachdesk.services.engagements.groups import participants
from coachdesk.services.people import profile, sponsors
from coachdesk.services.people.clients import Saved, get_client, list_clients
from coachdesk.ui.features.engagements.engagement_form import EngagementForm
from coachdesk.ui.features.engagements.participants_box import ParticipantsBox
from coachdesk.ui.kit import look
from coachdesk.ui.kit import practice as kinds
from coachdesk.ui.kit.errors import show_error
from coachdesk.ui.kit.fields import client_labels
from coachdesk.ui.kit.form_dialog import FormDialog
from coachdesk.ui.kit.practice import Practice

MIN_WIDTH = 900


@dataclass(frozen=True, slots=True)
class Loaded:
    """What the dialog reads once: the fields, where the programme stands, the choices."""

    fields: EngagementFields
    client_name: str
    usage: EngagementUsage | None
    sponsors: list[tuple[int, str]]
    today: date
    clients: list[tuple[int, str]]  # who may join a group
    members: list[int]
    package: str = ""  # "5 of 8 sessions used, 3 left, paid 2 of 3 instalments"


def load(db: Any, client_id: int | None, engagement_id: int | None) -> Loaded:
    if engagement_id is not None:
        data = engagements.engagement_fields(db, engagement_id)
        use: EngagementUsage | None = engagements.usage(db, engagement_id)
    elif client_id is not None:
        data, use = engagements.new_engagement_fields(db, client_id), None
    else:
        raise ValueError("a client or an engagement is needed")
    rows = sponsors.list_sponsors(db, include_archived=True)
    choices = [(r.id, r.name) for r in rows if not r.archived or r.id == data.sponsor_id]
    client = get_client(db, data.client_id)
    package = ""
    if engagement_id is not None and data.fee_model is FeeModel.PACKAGE:
        package = package_usage(db, engagement_id).words()
    members = participants(db, engagement_id) if engagement_id is not None else []
    return Loaded(
        data,
        client.display_name,
        use,
        choices,
        profile.coach_today(db),
        client_labels(list_clients(db)),
        members,
        package,
    )


class EngagementDialog(FormDialog):
    """New engagement for ``client_id``, or edit ``engagement_id``; ``saved(id)`` after saving."""

    saved = Signal(int)

    def __init__(
        self,
        practice: Practice,
        parent: QWidget | None = None,
        *,
        client_id: int | None = None,
        engagement_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.practice = practice
        self.client_id = client_id
        self.engagement_id = engagement_id
        self.original: EngagementFields | None = None
        self._touched: set[str] = set()
        self.setWindowTitle(_("New engagement") if engagement_id is None else _("Edit engagement"))
        self.heading = look.heading(_("Loading…"), scale=1.2)
        self.usage = look.note("")
        self.usage.hide()
        self.warning = QLabel()
        self.warning.setObjectName("usage_warning")
        self.warning.setWordWrap(True)
        look.tint(self.warning, look.Colour.WARNING)
        self.warning.hide()
        self.form = EngagementForm(practice, self)
        self.participants = ParticipantsBox(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        if engagement_id is None:
            self.save_button.setText(_("Add engagement"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.setMinimumWidth(MIN_WIDTH)
        layout = QVBoxLayout(self)
        layout.setSpacing(look.SPACING - 4)
        layout.addWidget(self.heading)
        layout.addWidget(self.usage)
        layout.addWidget(self.warning)
        layout.addSpacing(4)
        layout.addWidget(self.form)
        layout.addWidget(self.participants)
        layout.addWidget(self.buttons)
        self.form.edited.connect(self._edited)
        self.participants.edited.connect(lambda: self._edited("participant"))
        self._set_busy(True)
        self.practice.read(
            lambda db: load(db, client_id, engagement_id),
            self._loaded,
            self._load_failed,
            parent=self,
        )

    # -- loading --------------------------------------------------------------------------
    def _loaded(self, loaded: Loaded) -> None:
        if not isValid(self):
            return
        data = loaded.fields
        self.original = data
        self.client_id = data.client_id
        self.heading.setText(
            _("Engagement with {name}").format(name=loaded.client_name)
            if self.engagement_id is not None
            else _("New engagement with {name}").format(name=loaded.client_name)
        )
        self.form.set_sponsors(loaded.sponsors)
        if self.engagement_id is None:
            self.form.set_statuses([EngagementStatus.DRAFT, EngagementStatus.ACTIVE])
        else:
            allowed = sorted(
                engagements.allowed_transitions(data.status), key=list(EngagementStatus).index
            )
            self.form.set_statuses([data.status, *allowed])
        self.form.show_fields(data, loaded.today)
        self.participants.show_group(data.client_id, data.is_group, loaded.clients, loaded.members)
        if self.engagement_id is not None:
            self.participants.fix_kind()
        if loaded.usage is not None:
            words = [engagement_usage.usage_words(loaded.usage), loaded.package]
            self.usage.setText(" · ".join(w for w in words if w))
            self.usage.show()
            warnings = engagement_usage.usage_warnings(
                loaded.usage, data.status, data.end_date, loaded.today
            )
            self.warning.setText("⚠ " + " ".join(warnings) if warnings else "")
            self.warning.setVisible(bool(warnings))
        self._dirty = False
        self._set_busy(False)
        self._check()
        self.form.title.setFocus()

    def _load_failed(self, exc: BaseException) -> None:
        if isValid(self):
            show_error(self.parentWidget(), exc)
            self.discard()

    # -- checking as the coach types ------------------------------------------------------
    def _edited(self, name: str) -> None:
        self._dirty = True
        self._touched.add(name)
        if name == "currency":
            self._touched.add("fee_amount")
        self._check()

    def problems(self) -> dict[str, str]:
        """Every problem of what the form holds now, in the service's words."""
        if self.original is None:
            return {}
        data, unreadable = self.fields()
        group = self.participants.problem()
        return {
            **engagements.field_problems(data),
            **unreadable,
            **({"participant": group} if group else {}),
        }

    def fields(self) -> tuple[EngagementFields, dict[str, str]]:
        assert self.original is not None
        data, unreadable = self.form.fields(self.original)
        return replace(data, is_group=self.participants.is_group.isChecked()), unreadable

    def show_errors(self, problems: dict[str, str]) -> None:
        """Under each field; the group's own message under the participants."""
        self.participants.show_error(problems.get("participant", ""))
        self.form.show_errors({k: v for k, v in problems.items() if k != "participant"})

    def _check(self) -> None:
        problems = self.problems()
        self.show_errors({k: v for k, v in problems.items() if k in self._touched})
        self.save_button.setEnabled(not problems and not self.saving and self.original is not None)
        untouched = [name for name in problems if name not in self._touched]
        self.save_button.setToolTip(
            _("Fill in the title and the start date to save.") if untouched else ""
        )

    # -- saving ---------------------------------------------------------------------------
    def submit(self) -> None:
        if self.saving or self.original is None:
            return
        data = self.fields()[0]
        problems = self.problems()
        if problems:
            self._touched.update(problems)
            self.show_errors(problems)
            self.form.focus_problem(problems)
            return
        engagement_id, members = self.engagement_id, self.participants.chosen()
        self.saving = True
        self._set_busy(True)

        def work(db: Any) -> Saved:
            if engagement_id is None:
                return engagements.create_engagement(db, data, members)
            return engagements.update_engagement(db, engagement_id, data, members)

        self.practice.write(work, self._done, self._failed, changes=kinds.ENGAGEMENTS, parent=self)

    def _done(self, saved: Saved) -> None:
        if not isValid(self):
            return
        self.saving = False
        self._dirty = False
        self.engagement_id = saved.id
        self.saved.emit(saved.id)
        super().accept()

    def _failed(self, exc: BaseException) -> None:
        if not isValid(self):
            return
        self.saving = False
        self._set_busy(False)
        if isinstance(exc, ValidationError):
            self._touched.update(exc.fields)
            self.show_errors(exc.fields)
            self.form.focus_problem(exc.fields)
        else:
            show_error(self, exc)
        self._check()

    def _set_busy(self, busy: bool) -> None:
        self.form.setEnabled(not busy)
        self.participants.setEnabled(not busy)
        self.save_button.setEnabled(not busy)

    # -- closing --------------------------------------------------------------------------
    def discard_question(self) -> str:
        return _("You have changed this engagement and not saved it yet.")

    def wipe(self) -> None:
        self.form.wipe()
