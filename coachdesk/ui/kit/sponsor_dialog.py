"""Adding or editing a sponsor: the organisation that pays, whom to write to, how to invoice.

In the kit because three views open it: the Sponsors view, and the client and engagement forms
through their sponsor chooser ("New sponsor…"). Checks are the service's: its field names mark
the message under each field, and nothing typed is lost until the save succeeds.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid
from sqlalchemy.orm import Session

from coachdesk.errors import ValidationError
from coachdesk.i18n import _
from coachdesk.services.people import sponsors
from coachdesk.services.people.clients import Saved
from coachdesk.services.people.sponsors import SponsorFields
from coachdesk.ui.kit import look
from coachdesk.ui.kit import practice as kinds
from coachdesk.ui.kit.errors import show_error
from coachdesk.ui.kit.fields import FieldBox
from coachdesk.ui.kit.form_dialog import FormDialog
from coachdesk.ui.kit.practice import Practice

MULTI_LINE = frozenset({"postal_address", "notes"})
MIN_WIDTH = 520


def field_labels() -> dict[str, str]:
    """Each ``SponsorFields`` name and its label, in the form's order."""
    return {
        "name": _("Organisation"),
        "contact_name": _("Contact person"),
        "contact_email": _("Contact email"),
        "billing_email": _("Billing email"),
        "phone": _("Phone"),
        "postal_address": _("Address"),
        "vat_number": _("VAT number"),
        "purchase_order": _("Purchase order"),
        "notes": _("Notes"),
    }


class SponsorDialog(FormDialog):
    """A new sponsor (``sponsor_id=None``) or an edit; ``saved(id)`` once it is stored."""

    saved = Signal(int)

    def __init__(
        self, practice: Practice, parent: QWidget | None = None, sponsor_id: int | None = None
    ) -> None:
        super().__init__(parent)
        self.practice = practice
        self.sponsor_id = sponsor_id
        self.setWindowTitle(_("New sponsor") if sponsor_id is None else _("Edit sponsor"))
        self.setMinimumWidth(MIN_WIDTH)
        self.inputs: dict[str, QLineEdit | QPlainTextEdit] = {}
        self.boxes: dict[str, FieldBox] = {}
        self.general = QLabel()
        look.tint(self.general, look.Colour.DANGER)
        self.general.setWordWrap(True)
        self.general.hide()
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name, label in field_labels().items():
            field = self._input(name)
            self.inputs[name] = field
            self.boxes[name] = FieldBox(field)
            form.addRow(label, self.boxes[name])
        self.inputs["vat_number"].setPlaceholderText(_("e.g. DE136695976"))
        self.inputs["contact_email"].setPlaceholderText(_("name@example.com"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(_("Add sponsor") if sponsor_id is None else _("Save"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.general)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        if sponsor_id is not None:
            self._set_busy(True)
            self.practice.read(
                lambda db: sponsors.sponsor_fields(db, sponsor_id),
                self._loaded,
                self._load_failed,
                parent=self,
            )

    def _input(self, name: str) -> QLineEdit | QPlainTextEdit:
        if name in MULTI_LINE:
            text = QPlainTextEdit()
            text.setTabChangesFocus(True)
            text.setFixedHeight(text.fontMetrics().lineSpacing() * 3 + 16)
            text.textChanged.connect(self._edited)
            return text
        line = QLineEdit()
        line.textEdited.connect(self._edited)
        return line

    def _edited(self, *_args: object) -> None:
        self._dirty = True

    # -- values ---------------------------------------------------------------------------
    def show_fields(self, data: SponsorFields) -> None:
        for name, field in self.inputs.items():
            value = getattr(data, name)
            if isinstance(field, QPlainTextEdit):
                field.setPlainText(value)
            else:
                field.setText(value)

    def fields(self) -> SponsorFields:
        values = {
            name: field.toPlainText() if isinstance(field, QPlainTextEdit) else field.text()
            for name, field in self.inputs.items()
        }
        return SponsorFields(**values)

    def show_errors(self, problems: dict[str, str]) -> None:
        """Each message under its field; one for a field the form lacks goes on top."""
        for name, box in self.boxes.items():
            box.set_error(problems.get(name, ""))
        stray = [message for name, message in problems.items() if name not in self.boxes]
        self.general.setText("\n".join(stray))
        self.general.setVisible(bool(stray))
        first = next((name for name in self.inputs if name in problems), None)
        if first is not None:
            self.inputs[first].setFocus()

    def error_text(self, name: str) -> str:
        return self.boxes[name].error.text()

    # -- loading and saving ---------------------------------------------------------------
    def _loaded(self, data: SponsorFields) -> None:
        if isValid(self):
            self.show_fields(data)
            self._dirty = False
            self._set_busy(False)

    def _load_failed(self, exc: BaseException) -> None:
        if isValid(self):
            show_error(self.parentWidget(), exc)
            self.discard()

    def submit(self) -> None:
        if self.saving:
            return
        data, sponsor_id = self.fields(), self.sponsor_id
        self.saving = True
        self._set_busy(True)

        def work(db: Session) -> Saved:
            if sponsor_id is None:
                return sponsors.create_sponsor(db, data)
            return sponsors.update_sponsor(db, sponsor_id, data)

        self.practice.write(work, self._done, self._failed, changes=kinds.SPONSORS, parent=self)

    def _done(self, saved: Saved) -> None:
        if not isValid(self):
            return
        self.saving = False
        self._set_busy(False)
        self.sponsor_id = saved.id
        self._dirty = False
        self.saved.emit(saved.id)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        if not isValid(self):
            return
        self.saving = False
        self._set_busy(False)
        if isinstance(exc, ValidationError):
            self.show_errors(exc.fields)
        else:
            show_error(self, exc)

    def _set_busy(self, busy: bool) -> None:
        for box in self.boxes.values():
            box.setEnabled(not busy)
        self.ok_button.setEnabled(not busy)

    def wipe(self) -> None:
        self.show_fields(SponsorFields())
        self.show_errors({})
