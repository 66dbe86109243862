"""Small inputs the goal, follow-up and report forms share: optional dates and 0-10 scores.

Qt's date and number boxes always hold a value; a coach often has none to give (no due date,
no baseline yet). The lowest value stands for "none" and shows as words, the usual Qt idiom,
so the box stays one keyboard-friendly control.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject
from PySide6.QtWidgets import QDateEdit, QLabel, QSpinBox, QWidget

from coachdesk.i18n import _
from coachdesk.ui.kit import look

NO_DATE = QDate(1900, 1, 1)
DATE_FORMAT = "d MMM yyyy"


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class DateEdit(QDateEdit):
    """A date with a calendar pop-up, in the readable format every form uses."""

    def __init__(self, day: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat(DATE_FORMAT)
        self.setDate(qdate(day or date.today()))

    def day(self) -> date:
        value = self.date()
        return date(value.year(), value.month(), value.day())

    def set_day(self, day: date) -> None:
        self.setDate(qdate(day))


class OptionalDateEdit(DateEdit):
    """A date that may be left empty ("no date"); the calendar of an empty one opens on the
    current month, not on the placeholder year."""

    def __init__(self, empty_text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(None, parent)
        self.setMinimumDate(NO_DATE)
        self.setSpecialValueText(empty_text or _("No date"))
        self.setDate(NO_DATE)
        self.calendarWidget().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Show and self.date() == NO_DATE:
            today = QDate.currentDate()
            self.calendarWidget().setCurrentPage(today.year(), today.month())
        return super().eventFilter(watched, event)

    def optional_day(self) -> date | None:
        return None if self.date() == NO_DATE else self.day()

    def set_optional_day(self, day: date | None) -> None:
        self.setDate(NO_DATE if day is None else qdate(day))


class ScoreSpin(QSpinBox):
    """A 0-10 score, or "not set" one step below 0."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(-1, 10)
        self.setSpecialValueText(_("Not set"))
        self.setSuffix(_(" of 10"))
        self.setValue(-1)

    def score(self) -> int | None:
        return None if self.value() < 0 else self.value()

    def set_score(self, score: int | None) -> None:
        self.setValue(-1 if score is None else score)


def error_label(name: str) -> QLabel:
    """The small red line under a field, hidden while it has nothing to say."""
    label = QLabel()
    label.setObjectName(f"{name}_error")
    look.tint(label, look.Colour.DANGER)
    label.setWordWrap(True)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 0.9)
    label.setFont(font)
    label.hide()
    return label


def show_message(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))
