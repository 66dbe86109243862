"""What the client page shows, filled from one ``ClientOverview``: header with the status
menu, contact, engagements, sessions, goals with their charts, open items and notes.

Display only: choices the coach makes here leave as signals, and the page does the writing.
"""

from __future__ import annotations

import html
from datetime import date, datetime
from urllib.parse import quote
from zoneinfo import ZoneInfo

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coachdesk import words
from coachdesk.formatting import format_date
from coachdesk.i18n import _, ngettext
from coachdesk.services.overviews.overview import ClientOverview
from coachdesk.services.people import clients
from coachdesk.ui.features.clients.client_answers import ClientAnswersBox
from coachdesk.ui.features.clients.client_money import ClientMoneyBox
from coachdesk.ui.features.clients.table_model import STATUS_ORDER
from coachdesk.ui.kit import entries as parts
from coachdesk.ui.kit import look
from coachdesk.ui.kit.entries import when_text
from coachdesk.ui.kit.look import CHECKBOX_STYLE
from coachdesk.ui.kit.progress_chart import ProgressChart
from coachdesk.ui.kit.roles import ID_ROLE

Series = dict[int, list[tuple[datetime, int]]]


def contact_rows() -> list[tuple[str, str]]:
    return [
        ("email", _("Email")),
        ("phone", _("Phone")),
        ("organisation", _("Organisation")),
        ("sponsor", _("Sponsor")),
        ("time_zone", _("Time zone")),
        ("tags", _("Tags")),
        ("referral", _("Referred by")),
        ("retain", _("Keep records until")),
    ]


class ClientDetails(QWidget):
    """The sections of one client; ``fill`` fills them, ``clear`` empties every one."""

    status_chosen = Signal(str)  # a ClientStatus value from the allowed transitions
    session_opened = Signal(int)
    action_ticked = Signal(int)
    engagement_opened = Signal(int)
    engagement_requested = Signal()  # "New engagement…"
    goal_opened = Signal(int)
    goal_requested = Signal()  # "Add a goal…"
    report_requested = Signal()
    follow_up_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.charts: list[ProgressChart] = []
        self.name = look.heading("")
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.subtitle = look.note("")
        self.summary = look.note("")
        self.status_button = QPushButton()
        self.status_button.setToolTip(_("The client's status: click to change it"))
        self.status_menu = QMenu(self.status_button)
        self.status_button.setMenu(self.status_menu)
        self.status_menu.triggered.connect(self._status_triggered)
        self.contact = QFormLayout()
        self.contact.setHorizontalSpacing(look.SPACING + 8)
        self.contact_values: dict[str, QLabel] = {}
        for key, label in contact_rows():
            value = QLabel()
            value.setWordWrap(True)
            value.setTextFormat(Qt.TextFormat.PlainText)  # client text is never markup
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.contact.addRow(label, value)
            self.contact_values[key] = value
        self.engagements = QVBoxLayout()
        self.money = ClientMoneyBox()
        self.answers = ClientAnswersBox()
        self.next_session = QLabel()
        self.sessions = parts.CompactList()
        self.sessions.setToolTip(_("Enter opens the session's notes"))
        self.sessions.itemActivated.connect(self._session_activated)
        self.goals = QVBoxLayout()
        self.action_items = parts.CompactList()
        self.action_items.setToolTip(_("Tick an action item (Space) to mark it done"))
        self.action_items.itemChanged.connect(self._ticked)
        self.action_items.setStyleSheet(CHECKBOX_STYLE)
        self.follow_ups = parts.CompactList()
        self.follow_ups.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.follow_ups.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.headings: dict[str, QLabel] = {}
        self._layout()

    def _layout(self) -> None:
        title = QHBoxLayout()
        title.addWidget(self.name, 1)
        title.addWidget(self.status_button, 0, Qt.AlignmentFlag.AlignVCenter)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)
        column.addLayout(title)
        column.addWidget(self.subtitle)
        column.addWidget(self.summary)
        sessions = QVBoxLayout()
        sessions.addWidget(self.next_session)
        sessions.addWidget(self.sessions)
        for key, heading_text, body in (
            ("contact", _("Contact"), self.contact),
            ("engagements", _("Engagements"), self.engagements),
            ("money", _("Money"), self.money),
            ("sessions", _("Sessions"), sessions),
            ("goals", _("Goals"), self.goals),
            ("answers", _("Questionnaires"), self.answers),
            ("actions", _("Open action items"), self.action_items),
            ("follow_ups", _("Follow-ups"), self.follow_ups),
            ("notes", _("Consultation notes"), self.notes),
        ):
            heading = look.heading(heading_text, scale=1.15)
            self.headings[key] = heading
            column.addSpacing(look.SPACING)
            column.addWidget(heading)
            if isinstance(body, QWidget):
                column.addWidget(body)
            else:
                column.addLayout(body)
        column.addStretch(1)

    def _session_activated(self, item: QListWidgetItem) -> None:
        self.session_opened.emit(int(item.data(ID_ROLE)))

    def _status_triggered(self, action: QAction) -> None:
        self.status_chosen.emit(str(action.data()))

    def _ticked(self, item: QListWidgetItem) -> None:
        """Ticked once: the item is locked until the refresh after the write removes it."""
        if item.checkState() != Qt.CheckState.Checked:
            return
        if item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
            with QSignalBlocker(self.action_items):
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
            self.action_ticked.emit(int(item.data(ID_ROLE)))

    # -- filling --------------------------------------------------------------------------
    def fill(self, view: ClientOverview, series: Series, zone: ZoneInfo) -> None:
        today = datetime.now(zone).date()
        self._show_header(view)
        self._show_contact(view)
        self._show_engagements(view)
        self._show_sessions(view, zone)
        self._show_goals(view, series)
        self._show_open_items(view, today)
        self.notes.setText(view.client.consultation_notes or _("No consultation notes."))

    def clear(self) -> None:
        """Empty every label, list and chart: no client text stays behind."""
        for label in (self.name, self.subtitle, self.summary, self.next_session, self.notes):
            label.clear()
        for value in self.contact_values.values():
            value.clear()
        self.status_button.setText("")
        self.status_menu.clear()
        self.money.clear()
        self.answers.clear()
        for chart in self.charts:
            chart.clear()
        self.charts = []
        parts.empty_layout(self.engagements)
        parts.empty_layout(self.goals)
        for listing in (self.sessions, self.action_items, self.follow_ups):
            listing.blockSignals(True)
            listing.clear()
            listing.blockSignals(False)

    def _show_header(self, view: ClientOverview) -> None:
        c = view.client
        self.name.setText(c.full_name)
        about = []
        if c.preferred_name.strip():
            about.append(_("prefers “{name}”").format(name=c.preferred_name.strip()))
        if c.pronouns.strip():
            about.append(c.pronouns.strip())
        self.subtitle.setText(parts.SEP.join(about))
        self.subtitle.setVisible(bool(about))
        n = view.counts
        summary = [
            ngettext("{n} session held", "{n} sessions held", n.sessions_held).format(
                n=n.sessions_held
            ),
            _("{n} booked").format(n=n.sessions_scheduled),
            ngettext("{n} open action", "{n} open actions", n.open_actions).format(
                n=n.open_actions
            ),
        ]
        if n.overdue_actions:
            summary.append(_("{n} overdue").format(n=n.overdue_actions))
        summary.append(
            ngettext("{n} active goal", "{n} active goals", n.active_goals).format(n=n.active_goals)
        )
        self.summary.setText(parts.SEP.join(summary))
        self.status_button.setText(_("Status: {status}").format(status=words.label(c.status)))
        self.status_menu.clear()
        for status in sorted(clients.allowed_transitions(c.status), key=STATUS_ORDER.get):
            action = self.status_menu.addAction(
                _("Change to {status}").format(status=words.label(status))
            )
            action.setData(status.value)

    def _show_contact(self, view: ClientOverview) -> None:
        c = view.client
        values = {
            "email": c.email,
            "phone": c.phone,
            "organisation": parts.SEP.join(p for p in (c.organisation, c.role) if p),
            "sponsor": view.sponsor_name,
            "time_zone": c.time_zone,
            "tags": ", ".join(c.tags),
            "referral": c.referral_source,
            "retain": format_date(c.retain_until),
        }
        for key, label in self.contact_values.items():
            label.setText(values[key])
            self.contact.setRowVisible(label, bool(values[key]))
        self._link_email(c.email)

    def _link_email(self, email: str) -> None:
        """The e-mail opens the coach's mail program (a ``mailto:`` link), escaped as text."""
        label = self.contact_values["email"]
        if not email:
            label.setTextFormat(Qt.TextFormat.PlainText)
            return
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setText(f'<a href="mailto:{quote(email, safe="@")}">{html.escape(email)}</a>')
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        label.setOpenExternalLinks(True)

    def _show_engagements(self, view: ClientOverview) -> None:
        parts.empty_layout(self.engagements)
        for summary in view.engagements:
            edit = look.link_button(_("Edit…"))
            edit.setToolTip(_("Dates, fees, terms and sponsor of this engagement"))
            edit.setProperty("engagement_id", summary.engagement.id)
            edit.clicked.connect(self._engagement_clicked)
            self.engagements.addWidget(
                parts.entry(summary.engagement.title, parts.engagement_details(summary), edit)
            )
        if not view.engagements:
            self.engagements.addWidget(look.note(_("No engagements yet.")))
        add = look.link_button(_("New engagement…"))
        add.setToolTip(_("A coaching or mentoring programme: dates, cadence, fees and terms"))
        add.clicked.connect(self.engagement_requested)
        self.engagements.addWidget(add, 0, Qt.AlignmentFlag.AlignLeft)

    def _engagement_clicked(self) -> None:
        sender = self.sender()
        if sender is not None:
            self.engagement_opened.emit(int(sender.property("engagement_id")))

    def _show_sessions(self, view: ClientOverview, zone: ZoneInfo) -> None:
        upcoming = view.next_session
        self.next_session.setText(
            _("Next session: {when}").format(
                when=when_text(upcoming.starts_at, zone, with_time=True)
            )
            if upcoming
            else _("No session booked.")
        )
        self.sessions.clear()
        for row in view.recent_sessions:
            item = QListWidgetItem(parts.session_text(row, zone))
            item.setData(ID_ROLE, row.id)
            self.sessions.addItem(item)
        self.sessions.setVisible(bool(view.recent_sessions))

    def _show_goals(self, view: ClientOverview, series: Series) -> None:
        for chart in self.charts:
            chart.clear()
        self.charts = []
        parts.empty_layout(self.goals)
        for goal in view.goals:
            widget, chart, opener = parts.goal_entry(goal, series.get(goal.id, []))
            opener.setProperty("goal_id", goal.id)
            opener.clicked.connect(self._goal_clicked)
            self.charts.append(chart)
            self.goals.addWidget(widget)
        if not view.goals:
            self.goals.addWidget(look.note(_("No goals yet.")))
        links = QHBoxLayout()
        links.setContentsMargins(0, 4, 0, 0)
        for text, tip, signal in (
            (_("Add a goal…"), _("A goal with baseline, target and milestones"), "goal_requested"),
            (_("Progress report…"), _("For the client or their sponsor"), "report_requested"),
            (_("Schedule a follow-up…"), _("A dated check-in"), "follow_up_requested"),
        ):
            button = look.link_button(text)
            button.setToolTip(tip)
            button.setProperty("progress_link", signal)
            button.clicked.connect(self._progress_link_clicked)
            links.addWidget(button)
        links.addStretch(1)
        self.goals.addLayout(links)

    def _goal_clicked(self) -> None:
        sender = self.sender()
        if sender is not None:
            self.goal_opened.emit(int(sender.property("goal_id")))

    def _progress_link_clicked(self) -> None:
        """One of the links under the goals: the button names the signal it stands for."""
        sender = self.sender()
        if sender is not None:
            getattr(self, str(sender.property("progress_link"))).emit()

    def _show_open_items(self, view: ClientOverview, today: date) -> None:
        self.headings["actions"].setText(
            _("Open action items ({n})").format(n=len(view.open_actions))
        )
        self.action_items.blockSignals(True)
        self.action_items.clear()
        for row in view.open_actions:
            item = QListWidgetItem(parts.action_text(row, today))
            item.setData(ID_ROLE, row.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.action_items.addItem(item)
        self.action_items.blockSignals(False)
        self.action_items.setVisible(bool(view.open_actions))
        self.follow_ups.clear()
        for row in view.follow_ups:
            self.follow_ups.addItem(parts.follow_up_text(row, today))
        self.follow_ups.setVisible(bool(view.follow_ups))
        self.headings["follow_ups"].setVisible(bool(view.follow_ups))
