"""One sponsor as the Sponsors view shows it: how to reach and invoice them, and whom they pay
for. Display only: opening a client or an engagement leaves as a signal."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QListWidgetItem, QVBoxLayout, QWidget

from coachdesk import words
from coachdesk.formatting import format_date
from coachdesk.i18n import _
from coachdesk.services.overviews.sponsor import SponsorOverview
from coachdesk.ui.kit import look
from coachdesk.ui.kit.entries import SEP, CompactList
from coachdesk.ui.kit.roles import ID_ROLE
from coachdesk.ui.kit.sponsor_dialog import field_labels

SHOWN: tuple[str, ...] = ("contact_name", "contact_email", "billing_email", "phone")
SHOWN += ("postal_address", "vat_number", "purchase_order", "notes")


class SponsorDetails(QWidget):
    """``fill(overview)`` shows a sponsor, ``clear()`` forgets it."""

    client_opened = Signal(int)
    engagement_opened = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = look.heading("", scale=1.25)
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.archived = look.note(_("Archived: not offered in the client and engagement forms."))
        self.values: dict[str, QLabel] = {}
        facts = QFormLayout()
        labels = field_labels()
        for name in SHOWN:
            value = QLabel()
            value.setObjectName(name)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[name] = value
            facts.addRow(labels[name], value)
        self.clients = CompactList()
        self.clients.setObjectName("sponsored_clients")
        self.clients.itemActivated.connect(self._client_activated)
        self.no_clients = look.note(_("No client has this sponsor yet."))
        self.engagements = CompactList()
        self.engagements.setObjectName("sponsored_engagements")
        self.engagements.itemActivated.connect(self._engagement_activated)
        for listing in (self.clients, self.engagements):
            listing.setWordWrap(False)  # one line a row, so the list's height fits its rows
        self.no_engagements = look.note(_("This sponsor pays for no engagement yet."))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.name)
        layout.addWidget(self.archived)
        layout.addLayout(facts)
        layout.addSpacing(look.SPACING)
        layout.addWidget(look.heading(_("Clients"), scale=1.1))
        layout.addWidget(self.no_clients)
        layout.addWidget(self.clients)
        layout.addSpacing(look.SPACING)
        layout.addWidget(look.heading(_("Engagements it pays for"), scale=1.1))
        layout.addWidget(self.no_engagements)
        layout.addWidget(self.engagements)
        layout.addStretch(1)
        self.clear()

    def fill(self, view: SponsorOverview) -> None:
        self.name.setText(view.fields.name)
        self.archived.setVisible(view.archived)
        for name, label in self.values.items():
            label.setText(getattr(view.fields, name) or "–")
        self.clients.clear()
        for client in view.clients:
            item = QListWidgetItem(SEP.join((client.name, words.label(client.status))))
            item.setData(ID_ROLE, client.id)
            self.clients.addItem(item)
        self.clients.setVisible(bool(view.clients))
        self.no_clients.setVisible(not view.clients)
        self.engagements.clear()
        for e in view.engagements:
            since = _("from {date}").format(date=format_date(e.start_date))
            text = SEP.join((e.client_name, e.title, words.label(e.status), since))
            item = QListWidgetItem(text)
            item.setToolTip(text)
            item.setData(ID_ROLE, e.id)
            self.engagements.addItem(item)
        self.engagements.setVisible(bool(view.engagements))
        self.no_engagements.setVisible(not view.engagements)

    def clear(self) -> None:
        self.name.setText("")
        self.archived.hide()
        for label in self.values.values():
            label.clear()
        self.clients.clear()
        self.engagements.clear()
        shown: tuple[QWidget, ...] = (self.clients, self.no_clients, self.engagements)
        for widget in (*shown, self.no_engagements):
            widget.hide()

    def _client_activated(self, item: QListWidgetItem) -> None:
        self.client_opened.emit(int(item.data(ID_ROLE)))

    def _engagement_activated(self, item: QListWidgetItem) -> None:
        self.engagement_opened.emit(int(item.data(ID_ROLE)))
