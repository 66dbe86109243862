"""Adding or editing a client: checks as the coach types, the service's word on saving.

Cheap checks (a name, the shape of an email, a known time zone) run on each edit and use the
service's own messages; saving goes through the service, whose ``ValidationError`` marks each
field under it. Nothing typed is ever lost: the dialog stays open until the save succeeds.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QVBoxLayout, QWidget
from shiboken6 import isValid

from coachdesk import words
from coachdesk.errors import ValidationError
from coachdesk.i18n import _
from coachdesk.model import ClientStatus
from coachdesk.services.people import clients, sponsors
from coachdesk.services.people.clients import ClientFields, Saved
from coachdesk.services.people.sponsors import SponsorRow
from coachdesk.services.validation import FieldErrors
from coachdesk.ui.features.clients.client_form import ClientForm
from coachdesk.ui.kit import practice as kinds
from coachdesk.ui.kit.errors import show_error
from coachdesk.ui.kit.form_dialog import FormDialog
from coachdesk.ui.kit.practice import Practice

NEW_STATUSES = (ClientStatus.LEAD, ClientStatus.CONSULTATION, ClientStatus.ACTIVE)
# Service field names shown under another field's label.
FIELD_FOR = {"name": "display_name"}
MIN_WIDTH = 780


def local_problems(data: ClientFields) -> dict[str, str]:
    """What can be told without the vault, in the service's own words."""
    errors = FieldErrors()
    if not data.full_name:
        errors.add("name", _("Enter a name: given and family name, or a display name."))
    errors.email("email", data.email)
    errors.time_zone("time_zone", data.time_zone.strip())
    return errors.errors


class ClientDialog(FormDialog):
    """Add a client (``client_id=None``) or edit one; ``saved(id)`` after a successful save."""

    saved = Signal(int)

    def __init__(
        self, practice: Practice, parent: QWidget | None = None, client_id: int | None = None
    ) -> None:
        super().__init__(parent)
        self.practice = practice
        self.client_id = client_id
        self.original: ClientFields | None = None
        self.notice: QMessageBox | None = None
        self._touched: set[str] = set()
        self.setWindowTitle(_("New client") if client_id is None else _("Edit client"))
        self.form = ClientForm(practice, self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(_("Add client") if client_id is None else _("Save"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.setMinimumWidth(MIN_WIDTH)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.buttons)
        self.form.edited.connect(self._edited)
        self.form.left.connect(self._left)
        self._set_busy(True)
        self._load()

    # -- loading --------------------------------------------------------------------------
    def _load(self) -> None:
        client_id = self.client_id

        def work(db: Any) -> tuple[ClientFields | None, list[SponsorRow]]:
            fields = clients.client_fields(db, client_id) if client_id is not None else None
            return fields, sponsors.list_sponsors(db, include_archived=True)

        self.practice.read(work, self._loaded, self._load_failed, parent=self)

    def _loaded(self, result: tuple[ClientFields | None, list[SponsorRow]]) -> None:
        if not isValid(self):
            return
        fields, sponsor_rows = result
        self.original = fields
        current = fields.sponsor_id if fields else None
        self.form.set_sponsors(
            [(row.id, row.name) for row in sponsor_rows if not row.archived or row.id == current]
        )
        if fields is None:
            self.form.set_statuses([(s, words.label(s)) for s in NEW_STATUSES])
            self.form.show_fields(ClientFields())
        else:
            allowed = sorted(
                clients.allowed_transitions(fields.status), key=list(ClientStatus).index
            )
            self.form.set_statuses([(s, words.label(s)) for s in (fields.status, *allowed)])
            self.form.show_fields(fields)
        self._dirty = False
        self._set_busy(False)
        self.form.focus_first()

    def _load_failed(self, exc: BaseException) -> None:
        if not isValid(self):
            return
        show_error(self.parentWidget(), exc)
        self.discard()

    # -- checking as the coach types ------------------------------------------------------
    def _edited(self, name: str) -> None:
        self._dirty = True
        if name in ("given_name", "family_name", "display_name"):
            self._touched.add("name")
        self._check()

    def _left(self, name: str) -> None:
        """A field loses focus: from now on its problems show as they appear."""
        if name in ("given_name", "family_name", "display_name"):
            name = "name"
        self._touched.add(name)
        self._check()

    def _check(self) -> None:
        problems = local_problems(self.form.fields(self._base()))
        shown = {k: v for k, v in problems.items() if k in self._touched}
        self.form.show_errors(self._placed(shown))

    @staticmethod
    def _placed(problems: dict[str, str]) -> dict[str, str]:
        placed: dict[str, str] = {}
        for name, message in problems.items():
            placed.setdefault(FIELD_FOR.get(name, name), message)
        return placed

    # -- saving ---------------------------------------------------------------------------
    def _base(self) -> ClientFields:
        return self.original if self.original is not None else ClientFields()

    def submit(self) -> None:
        """Save through the service; its field messages come back under the fields."""
        if self.saving:
            return
        data = self.form.fields(self._base())
        client_id = self.client_id
        self._touched.update(local_problems(data))
        self._set_busy(True)
        self.saving = True

        def work(db: Any) -> Saved:
            if client_id is None:
                return clients.create_client(db, data)
            return clients.update_client(db, client_id, data)

        self.practice.write(work, self._done, self._failed, changes=kinds.CLIENTS, parent=self)

    def _done(self, saved: Saved) -> None:
        if not isValid(self):
            return
        self.saving = False
        self._set_busy(False)
        if saved.warnings:
            self._tell(saved.warnings)
        self.client_id = saved.id
        self.saved.emit(saved.id)
        super().accept()

    def _failed(self, exc: BaseException) -> None:
        if not isValid(self):
            return
        self.saving = False
        self._set_busy(False)
        if isinstance(exc, ValidationError):
            problems = self._placed(exc.fields)
            self.form.show_errors(problems)
            self.form.focus_problem(problems)
        else:
            show_error(self, exc)

    def _tell(self, warnings: list[str]) -> None:
        """Saved, but worth knowing (a likely duplicate): a box that does not block."""
        box = QMessageBox(self.parentWidget())
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(_("Client saved"))
        box.setText(_("The client was saved."))
        box.setInformativeText("\n".join(warnings))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.notice = box
        box.open()

    def _set_busy(self, busy: bool) -> None:
        self.form.setEnabled(not busy)
        self.ok_button.setEnabled(not busy)

    # -- closing --------------------------------------------------------------------------
    def wipe(self) -> None:
        self.form.wipe()
