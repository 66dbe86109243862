"""Scheduling a follow-up: a dated check-in with a client, often months after an engagement.

Quick choices count from the chosen engagement's end (1, 3 or 6 months), or the coach picks a
date. The follow-up then waits on Today until it is due. Saved through the service, whose
messages show under their fields; the dialog stays open until the save succeeds.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from coachdesk.errors import ValidationError
from coachdesk.formatting import format_date
from coachdesk.i18n import _, ngettext
from coachdesk.services.engagements import engagements
from coachdesk.services.engagements.engagements import EngagementRow, add_months
from coachdesk.services.people import clients
from coachdesk.services.people.clients import Saved
from coachdesk.services.progress import actions
from coachdesk.ui.kit import lockable, look
from coachdesk.ui.kit import practice as kinds
from coachdesk.ui.kit.dates import DateEdit, error_label, show_message
from coachdesk.ui.kit.errors import show_error
from coachdesk.ui.kit.practice import Practice

QUICK_MONTHS = (1, 3, 6)
ON_A_DATE = 0
DEFAULT_MONTHS = 3
DEFAULT_DAYS = 30  # without an engagement end, a month from today


def quick_label(months: int) -> str:
    return {
        1: _("1 month after the engagement ends"),
        3: _("3 months after the engagement ends"),
        6: _("6 months after the engagement ends"),
    }[months]


class FollowUpDialog(QDialog):
    """A follow-up for ``client_id`` (or a client chosen here), counted from ``engagement_id``
    when given; ``saved(id)`` after saving."""

    saved = Signal(int)

    def __init__(
        self,
        practice: Practice,
        parent: QWidget | None = None,
        client_id: int | None = None,
        engagement_id: int | None = None,
    ) -> None:
        super().__init__(parent)
        lockable.register(self)
        self.practice = practice
        self.client_id = client_id
        self.wanted_engagement = engagement_id
        self.engagement_rows: list[EngagementRow] = []
        self.saving = False
        self._reason_typed = False
        self.setWindowTitle(_("Schedule a follow-up"))
        self.setMinimumWidth(560)
        self.errors = {name: error_label(name) for name in ("client", "engagement", "reason")}
        self.general = error_label("general")
        self.client = QComboBox()
        self.client.setEnabled(client_id is None)
        self.client.activated.connect(self._client_chosen)
        self.client_name = QLabel()  # shown instead of the list when the client is given
        bold = self.client_name.font()
        bold.setWeight(QFont.Weight.DemiBold)
        self.client_name.setFont(bold)
        self.engagement = QComboBox()
        self.engagement.activated.connect(self._engagement_chosen)
        self.when = QButtonGroup(self)
        self.quick: dict[int, QRadioButton] = {}
        for months in QUICK_MONTHS:
            self.quick[months] = QRadioButton(quick_label(months))
            self.when.addButton(self.quick[months], months)
        self.on_date = QRadioButton(_("On a date"))
        self.when.addButton(self.on_date, ON_A_DATE)
        self.when.idClicked.connect(self._when_chosen)
        self.due = DateEdit(self._today() + timedelta(days=DEFAULT_DAYS))
        self.due.dateChanged.connect(self._date_edited)
        self.due_words = look.note("")
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(_("e.g. How is the new role going?"))
        self.reason.textEdited.connect(self._reason_edited)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(_("Schedule"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self._layout()
        self._set_busy(True)
        self.practice.read(self._gather, self._loaded, self._load_failed, parent=self)

    def _layout(self) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(_("Client"), self.client if self.client_id is None else self.client_name)
        form.addRow("", self.errors["client"])
        form.addRow(_("Engagement"), self.engagement)
        form.addRow("", self.errors["engagement"])
        choices = QVBoxLayout()
        choices.setSpacing(4)
        for button in (*self.quick.values(), self.on_date):
            choices.addWidget(button)
        form.addRow(_("When"), choices)
        form.addRow(_("Date"), self.due)
        form.addRow("", self.due_words)
        form.addRow(_("Note"), self.reason)
        form.addRow("", self.errors["reason"])
        layout = QVBoxLayout(self)
        layout.setSpacing(look.SPACING)
        layout.addWidget(
            look.note(_("A follow-up is a dated reminder: it appears on Today when it is due."))
        )
        layout.addWidget(self.general)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    # -- loading --------------------------------------------------------------------------
    def _gather(self, db: Any) -> tuple[list[tuple[int, str]], list[EngagementRow]]:
        if self.client_id is None:
            people = [(row.id, row.name) for row in clients.list_clients(db)]
        else:
            people = [(self.client_id, clients.get_client(db, self.client_id).display_name)]
        chosen = (
            self.client_id if self.client_id is not None else (people[0][0] if people else None)
        )
        rows = engagements.list_engagements(db, chosen) if chosen is not None else []
        return people, rows

    def _loaded(self, result: tuple[list[tuple[int, str]], list[EngagementRow]]) -> None:
        if not isValid(self):
            return
        people, rows = result
        self.client.clear()
        for client_id, name in people:
            self.client.addItem(name, client_id)
        if self.client_id is not None and people:
            self.client_name.setText(people[0][1])
        if not people:
            show_message(self.general, _("Add a client first: a follow-up is with a client."))
        self._show_engagements(rows)
        self._set_busy(False)
        self.save_button.setEnabled(bool(people))
        self.reason.setFocus()

    def _load_failed(self, exc: BaseException) -> None:
        if isValid(self):
            show_error(self.parentWidget(), exc)
            self.reject()

    def _client_chosen(self, _index: int) -> None:
        client_id = self.client.currentData()
        if client_id is None:
            return
        self.wanted_engagement = None
        self.practice.read(
            lambda db: engagements.list_engagements(db, client_id),
            self._engagements_loaded,
            parent=self,
        )

    def _engagements_loaded(self, rows: list[EngagementRow]) -> None:
        if isValid(self):
            self._show_engagements(rows)

    def _show_engagements(self, rows: list[EngagementRow]) -> None:
        """Latest ending first; the one asked for, else the latest with an end date, chosen."""
        self.engagement_rows = sorted(
            rows, key=lambda r: (r.end_date is not None, r.end_date or date.min), reverse=True
        )
        self.engagement.clear()
        self.engagement.addItem(_("No engagement"), None)
        for row in self.engagement_rows:
            ends = (
                _("ends {date}").format(date=format_date(row.end_date))
                if row.end_date
                else _("no end date")
            )
            self.engagement.addItem(f"{row.title} · {ends}", row.id)
        wanted = self.wanted_engagement
        if wanted is None:
            wanted = next((r.id for r in self.engagement_rows if r.end_date), None)
        self.engagement.setCurrentIndex(max(self.engagement.findData(wanted), 0))
        self._engagement_chosen()

    # -- choosing the date ----------------------------------------------------------------
    def end_date(self) -> date | None:
        row = self._row(self.engagement.currentData())
        return row.end_date if row else None

    def _row(self, engagement_id: int | None) -> EngagementRow | None:
        return next((r for r in self.engagement_rows if r.id == engagement_id), None)

    def _engagement_chosen(self, *_args: object) -> None:
        ends = self.end_date()
        for button in self.quick.values():
            button.setEnabled(ends is not None)
        if ends is None:
            self.on_date.setChecked(True)
        elif self.when.checkedId() in (ON_A_DATE, -1):
            self.quick[DEFAULT_MONTHS].setChecked(True)
        self._when_chosen(self.when.checkedId())
        row = self._row(self.engagement.currentData())
        if row is not None and not self._reason_typed:
            self.reason.setText(_("Check-in after “{title}”").format(title=row.title))

    def _when_chosen(self, choice: int) -> None:
        ends = self.end_date()
        if choice in QUICK_MONTHS and ends is not None:
            self.due.blockSignals(True)
            self.due.set_day(add_months(ends, choice))
            self.due.blockSignals(False)
        self._describe()

    def choose_months(self, months: int) -> None:
        """Pick a quick choice (as a click on it would)."""
        self.quick[months].setChecked(True)
        self._when_chosen(months)

    def _date_edited(self, *_args: object) -> None:
        self.on_date.setChecked(True)
        self._describe()

    def _describe(self) -> None:
        days = (self.due.day() - self._today()).days
        if days < 0:
            text = _("That date has passed: the follow-up will show on Today at once.")
        elif days == 0:
            text = _("Due today.")
        else:
            text = ngettext("In {n} day.", "In {n} days.", days).format(n=days)
        self.due_words.setText(text)

    def _today(self) -> date:
        return datetime.now(self.practice.zone).date()

    def _reason_edited(self, *_args: object) -> None:
        self._reason_typed = True
        show_message(self.errors["reason"], "")

    # -- saving ---------------------------------------------------------------------------
    def submit(self) -> None:
        client_id = self.client.currentData()
        if self.saving or client_id is None:
            return
        due, reason = self.due.day(), self.reason.text()
        engagement_id = self.engagement.currentData()
        self.saving = True
        self._set_busy(True)
        self.practice.write(
            lambda db: actions.add_follow_up(db, client_id, due, reason, engagement_id),
            self._done,
            self._failed,
            changes=kinds.ACTIONS,
            parent=self,
        )

    def _done(self, saved: Saved) -> None:
        if not isValid(self):
            return
        self.saving = False
        self._set_busy(False)
        self.saved.emit(saved.id)
        super().accept()

    def _failed(self, exc: BaseException) -> None:
        if not isValid(self):
            return
        self.saving = False
        self._set_busy(False)
        if not isinstance(exc, ValidationError):
            show_error(self, exc)
            return
        for name, label in self.errors.items():
            show_message(label, exc.fields.get(name, ""))
        stray = [text for name, text in exc.fields.items() if name not in self.errors]
        show_message(self.general, "\n".join(stray))

    def error_text(self, name: str) -> str:
        return self.errors[name].text()

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.engagement, self.due, self.reason, self.save_button):
            widget.setEnabled(not busy)
        self.client.setEnabled(not busy and self.client_id is None)

    def has_unsaved_input(self) -> bool:
        """A typed reason would be lost by closing (lock waits for it)."""
        return self._reason_typed and bool(self.reason.text().strip())

    def discard(self) -> None:
        """Close and forget what was typed (the app is locking)."""
        self.reason.clear()
        self.client.clear()
        self.client_name.clear()
        self.engagement.clear()
        super().reject()

    # -- locking (a Lockable: a typed reason has no draft, so a lock waits for it) --------
    def keep_as_draft(self) -> bool:
        return True

    def why_lock_waits(self) -> str | None:
        if self.isVisible() and self.has_unsaved_input():
            return _("Not locked: save or cancel the form you are filling in.")
        return None

    def wipe_for_lock(self) -> None:
        self.discard()
