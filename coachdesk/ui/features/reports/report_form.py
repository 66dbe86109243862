"""The inputs of the progress report dialog, laid out as its left-hand panel: client, period,
audience, and the coach's own words (summary and next focus).

Kept apart from the dialog so the dialog reads as the flow (render, refuse, print, save) and
this as the form. ``edited`` fires on every change that alters the report.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from coachdesk.i18n import _
from coachdesk.ui.kit import look
from coachdesk.ui.kit.dates import DateEdit, error_label, show_message

CLIENT, SPONSOR = "client", "sponsor"


def text_box(placeholder: str) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setPlaceholderText(placeholder)
    lines = box.fontMetrics().lineSpacing()
    box.setMinimumHeight(lines * 5 + 16)
    box.setMaximumHeight(lines * 10 + 16)
    return box


class ReportForm(QWidget):
    """Client (a list, or one fixed name), period, audience, summary and next focus."""

    edited = Signal()
    client_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.client = QComboBox()
        self.client.setEnabled(False)
        self.client.activated.connect(self._client_activated)
        self.client_name = QLabel()
        self.client_name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bold = self.client_name.font()
        bold.setWeight(QFont.Weight.DemiBold)
        self.client_name.setFont(bold)
        self.start = DateEdit()
        self.end = DateEdit()
        self.audience = QComboBox()
        self.set_sponsor(None)
        self.summary = text_box(_("How the engagement is going, in a few sentences…"))
        self.next_focus = text_box(_("What the next sessions will work on…"))
        self.errors = {name: error_label(name) for name in ("period", "general")}
        for signal in (
            self.start.dateChanged,
            self.end.dateChanged,
            self.audience.currentIndexChanged,
            self.summary.textChanged,
            self.next_focus.textChanged,
        ):
            signal.connect(self._edited)
        self._layout()

    def _layout(self) -> None:
        self.rows = QFormLayout()
        self.rows.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.rows.addRow(_("Client"), self.client)
        self.rows.addRow(_("Client"), self.client_name)
        self.rows.setRowVisible(self.client_name, False)
        period = QHBoxLayout()
        period.addWidget(self.start, 1)
        period.addWidget(QLabel(_("to")))
        period.addWidget(self.end, 1)
        self.rows.addRow(_("Period"), period)
        self.rows.addRow("", self.errors["period"])
        self.rows.addRow(_("For"), self.audience)
        column = QVBoxLayout(self)
        column.setContentsMargins(look.SPACING + 8, look.SPACING + 4, look.SPACING, 0)
        column.setSpacing(look.SPACING - 4)
        column.addWidget(look.heading(_("Progress report")))
        column.addWidget(
            look.note(
                _(
                    "Choose the period and who it is for, and add your own words. "
                    "The preview follows as you type."
                )
            )
        )
        column.addSpacing(look.SPACING - 4)
        column.addLayout(self.rows)
        column.addWidget(self.errors["general"])
        column.addSpacing(look.SPACING - 4)
        column.addWidget(look.heading(_("Coach's summary"), scale=1.05))
        column.addWidget(self.summary)
        column.addWidget(look.heading(_("Next focus"), scale=1.05))
        column.addWidget(self.next_focus)
        column.addSpacing(look.SPACING - 4)
        column.addWidget(
            look.note(
                _(
                    "Private notes never appear in a report. The sponsor's version shows "
                    "progress and attendance only, as far as the client agreed."
                )
            )
        )
        column.addStretch(1)

    def _edited(self, *_args: object) -> None:
        self.edited.emit()

    def _client_activated(self, _index: int) -> None:
        client_id = self.client.currentData()
        if client_id is not None:
            self.client_chosen.emit(int(client_id))

    # -- values ---------------------------------------------------------------------------
    def set_clients(self, people: list[tuple[int, str]], *, fixed: bool) -> None:
        """The clients to choose from; a fixed client shows as a name, not a list."""
        self.client.clear()
        for client_id, name in people:
            self.client.addItem(name, client_id)
        self.client.setEnabled(not fixed and bool(people))
        if fixed and people:
            self.client_name.setText(people[0][1])
            self.rows.setRowVisible(self.client, False)
            self.rows.setRowVisible(self.client_name, True)

    def set_period(self, start: date, end: date) -> None:
        """Set both dates without announcing an edit (the caller renders once after)."""
        for box, day in ((self.start, start), (self.end, end)):
            box.blockSignals(True)
            box.set_day(day)
            box.blockSignals(False)

    def set_sponsor(self, name: str | None) -> None:
        """Offer the sponsor's version, by name, only for a client who has a sponsor."""
        self.audience.blockSignals(True)
        self.audience.clear()
        self.audience.addItem(_("The client"), CLIENT)
        if name:
            label = _("{sponsor}, the sponsor (progress and attendance only)")
            self.audience.addItem(label.format(sponsor=name), SPONSOR)
            self.audience.setToolTip(
                _("The sponsor's version never includes session content or action item texts.")
            )
        else:
            self.audience.setToolTip(_("This client has no sponsor: the report is for them."))
        self.audience.setEnabled(bool(name))
        self.audience.blockSignals(False)

    def client_id(self) -> int | None:
        value = self.client.currentData()
        return None if value is None else int(value)

    def show_period_error(self, text: str) -> None:
        show_message(self.errors["period"], text)

    def has_typed_text(self) -> bool:
        return bool(self.summary.toPlainText().strip() or self.next_focus.toPlainText().strip())

    def wipe(self) -> None:
        """Forget every client text (the app is locking)."""
        for box in (self.summary, self.next_focus):
            box.blockSignals(True)
            box.clear()
            box.blockSignals(False)
        self.client_name.clear()
        self.client.clear()
