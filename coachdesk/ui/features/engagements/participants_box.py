"""Who takes part in a group or team engagement: a tick per client, the engagement's own client
always in. Whether an engagement is a group is chosen when it is made (its sessions' attendance
and the ICF log depend on it), so the switch is fixed once it is saved."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coachdesk.i18n import _
from coachdesk.services.engagements.groups import MIN_PARTICIPANTS
from coachdesk.ui.kit import look
from coachdesk.ui.kit.dates import error_label, show_message
from coachdesk.ui.kit.roles import ID_ROLE


class ParticipantsBox(QGroupBox):
    """``edited`` whenever the switch or a tick changes; ``chosen()`` the others ticked."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_("Group or team"), parent)
        self.owner: int | None = None
        self.is_group = QCheckBox(_("A group or team engagement, with several participants"))
        self.is_group.setObjectName("is_group")
        self.is_group.toggled.connect(self._toggled)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(_("Filter clients…"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter)
        self.clients = QListWidget()
        self.clients.setObjectName("participants")
        self.clients.setStyleSheet(look.CHECKBOX_STYLE)
        self.clients.setMaximumHeight(150)
        self.clients.itemChanged.connect(lambda _item: self.edited.emit())
        self.error = error_label("participant")
        layout = QVBoxLayout(self)
        layout.addWidget(self.is_group)
        layout.addWidget(self.filter)
        layout.addWidget(self.clients)
        layout.addWidget(self.error)
        self._toggled(False)

    def show_group(
        self, owner: int, is_group: bool, clients: list[tuple[int, str]], members: list[int]
    ) -> None:
        """``clients`` are every client that may join, ``members`` those in the group now."""
        self.owner = owner
        self.clients.clear()
        for client_id, name in clients:
            if client_id == owner:
                continue
            item = QListWidgetItem(name, self.clients)
            item.setData(ID_ROLE, client_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            ticked = client_id in members
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        self.is_group.setChecked(is_group)
        self._toggled(is_group)

    def fix_kind(self) -> None:
        """An engagement already saved stays what it is, group or not."""
        self.is_group.setEnabled(False)

    def chosen(self) -> list[int]:
        if not self.is_group.isChecked():
            return []
        items = (self.clients.item(row) for row in range(self.clients.count()))
        return [
            int(item.data(ID_ROLE)) for item in items if item.checkState() == Qt.CheckState.Checked
        ]

    def tick(self, client_id: int) -> None:
        for row in range(self.clients.count()):
            item = self.clients.item(row)
            if item.data(ID_ROLE) == client_id:
                item.setCheckState(Qt.CheckState.Checked)

    def problem(self) -> str:
        """The service's word for a group too small, before saving."""
        if self.is_group.isChecked() and len(self.chosen()) + 1 < MIN_PARTICIPANTS:
            return _("A group needs at least {n} participants.").format(n=MIN_PARTICIPANTS)
        return ""

    def show_error(self, message: str) -> None:
        show_message(self.error, message)

    def _toggled(self, on: bool) -> None:
        self.filter.setVisible(on)
        self.clients.setVisible(on)
        self.edited.emit()

    def _filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for row in range(self.clients.count()):
            item = self.clients.item(row)
            item.setHidden(bool(needle) and needle not in item.text().casefold())
