"""How the session was held, for the ICF log: the minutes it really lasted, paid or pro bono
(barter or a free session overrides the engagement's fee model), what kind of session it was,
and, for a group, who came. A participant whose attendance was never recorded shows as come:
saving records it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QSpinBox, QVBoxLayout, QWidget

from coachdesk import words
from coachdesk.i18n import _
from coachdesk.model import SessionKind
from coachdesk.ui.features.notes.actions_box import subheading
from coachdesk.ui.features.notes.state import NotesState


class HeldBox(QWidget):
    """``changed`` on every edit; ``attended[client_id]`` is each participant's box."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.attended: dict[int, QCheckBox] = {}
        self.minutes = QSpinBox()
        self.minutes.setObjectName("actual_minutes")
        self.minutes.setRange(0, 480)
        self.minutes.setSingleStep(5)
        self.minutes.setSuffix(_(" min"))
        self.minutes.setAccessibleName(_("Minutes the session lasted"))
        self.paid = QComboBox()
        self.paid.setObjectName("pro_bono")
        self.paid.addItem(_("Paid"), False)
        self.paid.addItem(_("Pro bono"), True)
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        for value, label in words.labels(SessionKind).items():
            self.kind.addItem(label, value.value)
        self.minutes.valueChanged.connect(lambda _v: self.changed.emit())
        self.paid.activated.connect(lambda _i: self.changed.emit())
        self.kind.activated.connect(lambda _i: self.changed.emit())
        form = QFormLayout()
        form.addRow(_("Lasted"), self.minutes)
        form.addRow(_("Paid or pro bono"), self.paid)
        form.addRow(_("Kind"), self.kind)
        self.group_title = subheading(_("Attendance"))
        self.group_rows = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(subheading(_("Held")))
        layout.addLayout(form)
        layout.addWidget(self.group_title)
        layout.addLayout(self.group_rows)
        self.group_title.hide()

    def show_participants(self, participants: list[tuple[int, str, bool | None]]) -> None:
        for box in self.attended.values():
            box.deleteLater()
        self.attended = {}
        for client_id, name, _came in participants:
            box = QCheckBox(name)
            box.toggled.connect(lambda _on: self.changed.emit())
            self.attended[client_id] = box
            self.group_rows.addWidget(box)
        self.group_title.setVisible(bool(participants))

    def set_held(self, state: NotesState) -> None:
        if state.actual_minutes is not None:
            self.minutes.setValue(state.actual_minutes)
        self.paid.setCurrentIndex(1 if state.pro_bono else 0)
        self.kind.setCurrentIndex(max(self.kind.findData(state.kind.value), 0))
        for client_id, box in self.attended.items():
            box.setChecked(state.attendance.get(client_id, True))

    def read_into(self, state: NotesState) -> None:
        state.actual_minutes = self.minutes.value()
        state.pro_bono = bool(self.paid.currentData())
        state.kind = SessionKind(self.kind.currentData())
        state.attendance = {c: box.isChecked() for c, box in self.attended.items()}
