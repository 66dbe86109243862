"""Form pieces the session dialogs and filters share: a client chooser with type-ahead, a field
with its error line beneath, and date-times edited on the coach's wall clock.

Date-time edits run in UTC as a plain wall clock and are converted with ``zoneinfo`` in the
coach's zone, so what the coach types is what is meant, whatever zone this computer is set to.
Digits typed into their time are read as a clock ("1630" is 16:30) wherever the cursor sits in
it: Qt's own section editing turns the same keys into 06:30 from the gap before the hour.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from functools import cache
from zoneinfo import ZoneInfo, available_timezones

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, QTimeZone
from PySide6.QtGui import QFocusEvent, QKeyEvent, QMouseEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateTimeEdit,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from coachdesk.services.people.clients import ClientRow
from coachdesk.ui.kit import look
from coachdesk.ui.kit.roles import ID_ROLE

DATE_TIME_FORMAT = "ddd d MMM yyyy  HH:mm"
TIME_PART = len("  HH:mm")  # the format's end: the gap before the hour, and the clock


def to_qdatetime(moment: datetime, zone: ZoneInfo) -> QDateTime:
    """``moment`` as the wall-clock time the coach reads in ``zone`` (minutes precision)."""
    local = moment.astimezone(zone)
    return QDateTime(
        QDate(local.year, local.month, local.day),
        QTime(local.hour, local.minute),
        QTimeZone.utc(),
    )


def from_qdatetime(value: QDateTime, zone: ZoneInfo) -> datetime:
    """The aware instant the coach means by the wall-clock time shown in an edit."""
    day, clock = value.date(), value.time()
    return datetime(day.year(), day.month(), day.day(), clock.hour(), clock.minute(), tzinfo=zone)


@cache
def zone_names() -> list[str]:
    """Every IANA zone name, sorted (read once: the tree has some 600 files)."""
    return sorted(available_timezones())


def next_quarter_hour(now: datetime) -> datetime:
    """A tidy default start: the next full quarter hour after ``now``."""
    base = now.replace(second=0, microsecond=0)
    return base + timedelta(minutes=15 - base.minute % 15)


def typed_time(digits: str) -> QTime | None:
    """The clock time a coach means by the digits typed so far: "9" 09:00, "16" 16:00, "930"
    9:30, "163" 16:30, "1630" 16:30; None when no time reads so ("99")."""
    if len(digits) <= 2:
        candidates = [(digits, "0"), (digits[:1], digits[1:] + "0")]
    elif len(digits) == 3:
        candidates = [(digits[:1], digits[1:]), (digits[:2], digits[2:] + "0")]
    else:
        candidates = [(digits[:2], digits[2:])]
    for hour, minute in candidates:
        if int(hour) < 24 and int(minute) < 60:
            return QTime(int(hour), int(minute))
    return None


class DateTimeEdit(QDateTimeEdit):
    """A date and time on the coach's wall clock whose time takes typed digits as a clock
    (from the hour or the gap before it) or as minutes (from the minutes)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTimeZone(QTimeZone.utc())
        self.setCalendarPopup(True)
        self.setDisplayFormat(DATE_TIME_FORMAT)
        self._digits = ""
        self._minutes_only = False

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        text = event.text()
        if len(text) == 1 and text.isdigit() and self._in_time_part():
            self._type_digit(text)
            event.accept()
            return
        if not (self._digits and text in (":", ".")):  # "16:30" types as "1630"
            self._digits = ""
        super().keyPressEvent(event)

    def _in_time_part(self) -> bool:
        """Whether a digit belongs to the clock; never while a section is half typed (a year
        being typed takes its digits, and Qt must not be given a value mid-way)."""
        edit = self.lineEdit()
        if edit.text() != self.textFromDateTime(self.dateTime()):
            return False
        if self._digits:
            return True
        section = self.currentSection()
        cursor = edit.selectionStart() if edit.hasSelectedText() else edit.cursorPosition()
        self._minutes_only = section == QDateTimeEdit.Section.MinuteSection
        return (
            self._minutes_only
            or section == QDateTimeEdit.Section.HourSection
            or cursor >= len(edit.text()) - TIME_PART
        )

    def _type_digit(self, digit: str) -> None:
        limit = 2 if self._minutes_only else 4
        digits = self._digits + digit if len(self._digits) < limit else digit
        if self._minutes_only:
            minute = int(digits)
            clock = (
                self.time().addSecs(60 * (minute - self.time().minute())) if minute < 60 else None
            )
        else:
            clock = typed_time(digits)
        if clock is None:
            return
        self._digits = digits
        self.setTime(clock)
        self.setCurrentSection(
            QDateTimeEdit.Section.MinuteSection
            if self._minutes_only
            else QDateTimeEdit.Section.HourSection
        )

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        self._digits = ""
        super().focusOutEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        self._digits = ""
        super().mousePressEvent(event)


def date_time_edit(parent: QWidget | None = None) -> DateTimeEdit:
    return DateTimeEdit(parent)


class FieldBox(QWidget):
    """A field with its error line beneath, so a message sits right where the fix is made."""

    def __init__(self, field: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.error = QLabel()
        look.tint(self.error, look.Colour.DANGER)
        self.error.setWordWrap(True)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(field)
        layout.addWidget(self.error)

    def set_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))


def client_labels(rows: Sequence[ClientRow]) -> list[tuple[int, str]]:
    """Each client's name, told apart by e-mail or id where two share a name."""
    counts: dict[str, int] = {}
    for row in rows:
        counts[row.name.casefold()] = counts.get(row.name.casefold(), 0) + 1
    labels = []
    for row in rows:
        label = row.name
        if counts[row.name.casefold()] > 1:
            label = f"{row.name} ({row.email or f'#{row.id}'})"
        labels.append((row.id, label))
    return labels


class ClientCombo(QComboBox):
    """An editable client chooser: type part of a name and pick from the suggestions.

    ``any_label`` adds a first entry meaning "no client chosen" (a filter's "All clients").
    Items live in one ``QStandardItemModel`` so thousands of clients load at once.
    """

    def __init__(self, any_label: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.any_label = any_label
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(24)
        self._items = QStandardItemModel(self)
        self.setModel(self._items)
        completer = QCompleter(self._items, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        if any_label:
            self._items.appendRow(QStandardItem(any_label))

    def set_clients(self, clients: list[tuple[int, str]]) -> None:
        """Replace the choices, keeping the chosen client when it is still there.

        A fresh model is filled while detached and then swapped in: filling the one the combo
        shows would make it react row by row (seconds at 10,000 clients).
        """
        keep = self.client_id()
        items = QStandardItemModel(self)
        rows = [QStandardItem(self.any_label)] if self.any_label else []
        for client_id, label in clients:
            item = QStandardItem(label)
            item.setData(client_id, ID_ROLE)
            rows.append(item)
        items.invisibleRootItem().appendRows(rows)
        self.blockSignals(True)
        self.setModel(items)  # the combo deletes the model it owned before
        self.completer().setModel(items)
        self._items = items
        self.blockSignals(False)
        if not self.choose(keep):
            self.setCurrentIndex(0 if self.any_label else -1)
            if not self.any_label:
                self.setEditText("")

    def choose(self, client_id: int | None) -> bool:
        """Select ``client_id`` (``None``: the "any" entry); False if it is not a choice."""
        if client_id is None:
            if self.any_label:
                self.setCurrentIndex(0)
                return True
            return False
        index = self.findData(client_id, ID_ROLE)
        if index >= 0:
            self.setCurrentIndex(index)
        return index >= 0

    def client_id(self) -> int | None:
        """The chosen client, or None when the text names no client (or reads "All clients")."""
        text = self.currentText().strip()
        index = self.currentIndex()
        if index < 0 or self.itemText(index) != text:
            index = self.findText(text, Qt.MatchFlag.MatchFixedString)
        if index < 0:
            return None
        value = self.itemData(index, ID_ROLE)
        return value if isinstance(value, int) else None
