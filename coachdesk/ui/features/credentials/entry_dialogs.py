"""Adding or editing an entry of the mentor coaching, CCE or supervision log.

Each dialog is a ``FormDialog`` (a stray Esc asks first; a lock waits for it) whose fields carry
the service's names, so a refused save puts each message under its field and changes nothing.
The CCE dialog, with its certificate, is ``cce_dialog``'s.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid
from sqlalchemy.orm import Session

from coachdesk.errors import ValidationError
from coachdesk.i18n import _
from coachdesk.services.credentials import mentoring, supervision
from coachdesk.services.credentials.mentoring import MentoringFields
from coachdesk.services.credentials.supervision import SupervisionFields
from coachdesk.services.people.clients import Saved
from coachdesk.ui.kit import look
from coachdesk.ui.kit import practice as kinds
from coachdesk.ui.kit.dates import DateEdit
from coachdesk.ui.kit.errors import show_error
from coachdesk.ui.kit.fields import FieldBox
from coachdesk.ui.kit.form_dialog import FormDialog
from coachdesk.ui.kit.practice import Practice


def minutes_spin(name: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setObjectName(name)
    spin.setRange(0, 480)
    spin.setSingleStep(15)
    spin.setSuffix(_(" min"))
    return spin


class EntryDialog(FormDialog):
    """The flow every log entry shares: load (when editing), show errors by field, save.
    Subclasses build their rows with ``_row`` and say how to read, show and save the fields."""

    saved = Signal(int)

    def __init__(self, practice: Practice, entry_id: int | None, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.practice = practice
        self.entry_id = entry_id
        self.boxes: dict[str, FieldBox] = {}
        self.form = QFormLayout()
        self.general = QLabel()
        self.general.setWordWrap(True)
        look.tint(self.general, look.Colour.DANGER)
        self.general.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.setMinimumWidth(480)

    def _finish_layout(self, *extra: QWidget) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self.general)
        layout.addLayout(self.form)
        for widget in extra:
            layout.addWidget(widget)
        layout.addWidget(self.buttons)
        for box in self.boxes.values():
            _watch(box.field, self._edited)
        if self.entry_id is not None:
            self.setEnabled(False)
            entry_id = self.entry_id
            self.practice.read(
                lambda db: self._load(db, entry_id), self._loaded, self._load_failed, parent=self
            )

    def _row(self, label: str, field: QWidget, name: str) -> None:
        box = FieldBox(field)
        self.boxes[name] = box
        self.form.addRow(label, box)

    def _edited(self, *_args: object) -> None:
        self._dirty = True

    # -- what subclasses say --------------------------------------------------------------
    def _load(self, db: Session, entry_id: int) -> Any:
        raise NotImplementedError

    def _show(self, data: Any) -> None:
        raise NotImplementedError

    def _work(self) -> Callable[[Session], Saved]:
        raise NotImplementedError

    # -- the flow -------------------------------------------------------------------------
    def _loaded(self, data: Any) -> None:
        if isValid(self):
            self._show(data)
            self._dirty = False
            self.setEnabled(True)

    def _load_failed(self, exc: BaseException) -> None:
        if isValid(self):
            show_error(self.parentWidget(), exc)
            self.discard()

    def submit(self) -> None:
        if self.saving:
            return
        self.show_errors({})
        self.saving = True
        self.save_button.setEnabled(False)
        self.practice.write(
            self._work(), self._done, self._failed, changes=kinds.CAREER, parent=self
        )

    def _done(self, saved: Saved) -> None:
        if isValid(self):
            self.saving = False
            self._dirty = False
            self.saved.emit(saved.id)
            self.accept()

    def _failed(self, exc: BaseException) -> None:
        if not isValid(self):
            return
        self.saving = False
        self.save_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            self.show_errors(exc.fields)
        else:
            show_error(self, exc)

    def show_errors(self, problems: dict[str, str]) -> None:
        for name, box in self.boxes.items():
            box.set_error(problems.get(name, ""))
        stray = [text for name, text in problems.items() if name not in self.boxes]
        self.general.setText("\n".join(stray))
        self.general.setVisible(bool(stray))

    def error_text(self, name: str) -> str:
        box = self.boxes[name]
        return box.error.text() if box.error.isVisibleTo(self) else ""


def _watch(field: QWidget, slot: Callable[..., None]) -> None:
    if isinstance(field, QLineEdit):
        field.textEdited.connect(slot)
    elif isinstance(field, QPlainTextEdit):
        field.textChanged.connect(slot)
    elif isinstance(field, DateEdit):
        field.dateChanged.connect(slot)
    elif isinstance(field, QSpinBox | QDoubleSpinBox):
        field.valueChanged.connect(slot)
    elif isinstance(field, QComboBox):
        field.activated.connect(slot)


class MentoringDialog(EntryDialog):
    """Mentor coaching received: a group size of 1 means one-to-one."""

    def __init__(
        self, practice: Practice, entry_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(practice, entry_id, parent)
        self.setWindowTitle(_("Mentor coaching") if entry_id else _("Add mentor coaching"))
        self.held_on = DateEdit()
        self.mentor_name = QLineEdit()
        self.mentor_email = QLineEdit()
        self.mentor_credential = QLineEdit()
        self.mentor_credential.setPlaceholderText(_("e.g. MCC"))
        self.minutes = minutes_spin("minutes")
        self.minutes.setValue(60)
        self.group_size = QSpinBox()
        self.group_size.setRange(1, 1000)
        self.group_size.setSpecialValueText(_("One-to-one"))
        self._row(_("Date"), self.held_on, "held_on")
        self._row(_("Mentor"), self.mentor_name, "mentor_name")
        self._row(_("Mentor's email"), self.mentor_email, "mentor_email")
        self._row(_("Mentor's credential"), self.mentor_credential, "mentor_credential")
        self._row(_("Length"), self.minutes, "minutes")
        self._row(_("Group size"), self.group_size, "group_size")
        self._finish_layout()

    def _load(self, db: Session, entry_id: int) -> MentoringFields:
        return mentoring.mentoring_fields(db, entry_id)

    def _show(self, data: MentoringFields) -> None:
        self.held_on.set_day(data.held_on or date.today())
        self.mentor_name.setText(data.mentor_name)
        self.mentor_email.setText(data.mentor_email)
        self.mentor_credential.setText(data.mentor_credential)
        self.minutes.setValue(data.minutes)
        self.group_size.setValue(data.group_size or 1)

    def fields(self) -> MentoringFields:
        size = self.group_size.value()
        return MentoringFields(
            self.held_on.day(),
            self.mentor_name.text(),
            self.mentor_email.text(),
            self.mentor_credential.text().strip(),
            self.minutes.value(),
            size if size > 1 else None,
        )

    def _work(self) -> Callable[[Session], Saved]:
        data, entry_id = self.fields(), self.entry_id
        if entry_id is None:
            return lambda db: mentoring.add_mentoring(db, data)
        return lambda db: mentoring.update_mentoring(db, entry_id, data)


class SupervisionDialog(EntryDialog):
    """A supervision or reflective-practice session; the reflection never leaves the vault."""

    def __init__(
        self, practice: Practice, entry_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(practice, entry_id, parent)
        self.setWindowTitle(_("Supervision") if entry_id else _("Add supervision"))
        self.held_on = DateEdit()
        self.supervisor = QLineEdit()
        self.minutes = minutes_spin("minutes")
        self.minutes.setValue(60)
        self.reflection = QPlainTextEdit()
        self.reflection.setPlaceholderText(_("What you took from it (private)"))
        self._row(_("Date"), self.held_on, "held_on")
        self._row(_("Supervisor"), self.supervisor, "supervisor")
        self._row(_("Length"), self.minutes, "minutes")
        self._row(_("Reflection"), self.reflection, "reflection")
        self._finish_layout(
            look.note(_("Your reflection stays in the vault: it is never listed or exported."))
        )

    def _load(self, db: Session, entry_id: int) -> SupervisionFields:
        return supervision.supervision_fields(db, entry_id)

    def _show(self, data: SupervisionFields) -> None:
        self.held_on.set_day(data.held_on or date.today())
        self.supervisor.setText(data.supervisor)
        self.minutes.setValue(data.minutes)
        self.reflection.setPlainText(data.reflection)

    def fields(self) -> SupervisionFields:
        return SupervisionFields(
            self.held_on.day(),
            self.supervisor.text(),
            self.minutes.value(),
            self.reflection.toPlainText(),
        )

    def _work(self) -> Callable[[Session], Saved]:
        data, entry_id = self.fields(), self.entry_id
        if entry_id is None:
            return lambda db: supervision.add_supervision(db, data)
        return lambda db: supervision.update_supervision(db, entry_id, data)

    def wipe(self) -> None:
        self.reflection.clear()
