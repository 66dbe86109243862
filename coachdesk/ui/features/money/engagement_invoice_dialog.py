"""Invoicing an engagement by its fee model: a package whole or in instalments (created
together), or one month of a monthly retainer. Per-session engagements are invoiced from
"Sessions to invoice", and pro bono ones never; neither is offered here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid
from sqlalchemy import select
from sqlalchemy.orm import Session

from coachdesk.errors import ValidationError
from coachdesk.i18n import _
from coachdesk.model import Client, Engagement, FeeModel
from coachdesk.services.billing import sources
from coachdesk.services.people.profile import coach_today
from coachdesk.ui.kit import look
from coachdesk.ui.kit import practice as kinds
from coachdesk.ui.kit.dates import DateEdit
from coachdesk.ui.kit.errors import show_error
from coachdesk.ui.kit.practice import Practice

INVOICED_HERE = (FeeModel.PACKAGE, FeeModel.MONTHLY_RETAINER)


@dataclass(frozen=True, slots=True)
class Choice:
    engagement_id: int
    label: str
    fee_model: FeeModel


def choices(db: Session) -> list[Choice]:
    """Every package and retainer engagement, by client and title."""
    query = (
        select(Engagement.id, Client.display_name, Engagement.title, Engagement.fee_model)
        .join(Client, Client.id == Engagement.client_id)
        .where(Engagement.fee_model.in_(INVOICED_HERE))
        .order_by(Client.display_name, Engagement.title, Engagement.id)
    )
    return [
        Choice(ident, f"{name} – {title}", model) for ident, name, title, model in db.execute(query)
    ]


class EngagementInvoiceDialog(QDialog):
    """``saved(id)`` with the first draft made."""

    saved = Signal(int)

    def __init__(self, practice: Practice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.practice = practice
        self.choices: list[Choice] = []
        self.setWindowTitle(_("Invoice a package or retainer"))
        self.setMinimumWidth(480)
        self.engagement = QComboBox()
        self.engagement.currentIndexChanged.connect(self._chosen)
        self.instalments = QSpinBox()
        self.instalments.setRange(1, sources.MAX_INSTALMENTS)
        self.instalments.setSuffix(_(" part(s)"))
        self.month = DateEdit()
        self.month.setDisplayFormat("MMMM yyyy")
        self.form = QFormLayout()
        self.form.addRow(_("Engagement"), self.engagement)
        self.form.addRow(_("Package in"), self.instalments)
        self.form.addRow(_("Retainer month"), self.month)
        self.error = QLabel()
        self.error.setObjectName("engagement_error")
        look.tint(self.error, look.Colour.DANGER)
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.create_button = self.buttons.addButton(
            _("Create drafts"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.create_button.setEnabled(False)
        self.buttons.accepted.connect(self.create_drafts)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._chosen()
        self.practice.read(lambda db: (choices(db), coach_today(db)), self._loaded, parent=self)

    def _loaded(self, found: tuple[list[Choice], date]) -> None:
        if not isValid(self):
            return
        self.choices, today = found
        self.month.set_day(today)
        self.engagement.clear()
        for choice in self.choices:
            self.engagement.addItem(choice.label, choice.engagement_id)
        if not self.choices:
            self._say(_("No engagement is invoiced as a package or a monthly retainer."))

    def chosen(self) -> Choice | None:
        index = self.engagement.currentIndex()
        return self.choices[index] if 0 <= index < len(self.choices) else None

    def _chosen(self, *_args: object) -> None:
        choice = self.chosen()
        package = choice is not None and choice.fee_model is FeeModel.PACKAGE
        retainer = choice is not None and choice.fee_model is FeeModel.MONTHLY_RETAINER
        self.form.setRowVisible(self.instalments, package)
        self.form.setRowVisible(self.month, retainer)
        self.create_button.setEnabled(choice is not None)
        self.error.hide()

    def create_drafts(self) -> None:
        choice = self.chosen()
        if choice is None:
            return
        parts, month = self.instalments.value(), self.month.day()

        def work(db: Session) -> list[int]:
            if choice.fee_model is FeeModel.PACKAGE:
                return sources.package_invoices(db, choice.engagement_id, parts)
            return [sources.retainer_invoice(db, choice.engagement_id, month)]

        self.create_button.setEnabled(False)
        self.practice.write(work, self._done, self._failed, changes=kinds.INVOICES, parent=self)

    def _done(self, made: list[int]) -> None:
        if isValid(self):
            self.saved.emit(made[0])
            self.accept()

    def _failed(self, exc: BaseException) -> None:
        if not isValid(self):
            return
        self.create_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            self._say("\n".join(exc.fields.values()))
        else:
            show_error(self, exc)

    def _say(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
