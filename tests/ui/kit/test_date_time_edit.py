"""Typing a time into a session's "Starts": the digits read as a clock wherever the cursor is
in the time ("1630" is 16:30, not 06:30), minutes alone from the minutes, and the date stays."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, QDateTime, QTime, QTimeZone
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDateTimeEdit, QLineEdit, QVBoxLayout, QWidget

from coachdesk.ui.kit.fields import DateTimeEdit, date_time_edit, typed_time

DAY = QDate(2026, 12, 3)


@pytest.fixture
def form(qtbot) -> tuple[QWidget, DateTimeEdit, QLineEdit]:  # type: ignore[no-untyped-def]
    window = QWidget()
    other = QLineEdit()
    edit = date_time_edit()
    layout = QVBoxLayout(window)
    layout.addWidget(edit)
    layout.addWidget(other)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    edit.setDateTime(QDateTime(DAY, QTime(10, 15), QTimeZone.utc()))
    edit.setFocus()
    return window, edit, other


def typed(edit: DateTimeEdit, other: QLineEdit, keys: str) -> QDateTime:
    QTest.keyClicks(edit, keys)
    other.setFocus()  # leaving the field, as Tab does: Qt settles what was typed
    return edit.dateTime()


@pytest.mark.parametrize("where", ["after the year", "start of the hour", "hour selected"])
def test_1630_is_half_past_four_wherever_the_time_is_typed(form, where: str) -> None:
    _window, edit, other = form
    line = edit.lineEdit()
    if where == "after the year":  # a click in the gap before the hour lands here
        line.setCursorPosition(len(line.text()) - len("  10:15"))
    elif where == "start of the hour":
        line.setCursorPosition(len(line.text()) - len("10:15"))
    else:
        edit.setSelectedSection(QDateTimeEdit.Section.HourSection)
    assert typed(edit, other, "1630") == QDateTime(DAY, QTime(16, 30), QTimeZone.utc())
    assert edit.text().endswith("16:30")


def test_a_colon_and_minutes_alone_type_as_a_coach_means(form) -> None:
    _window, edit, other = form
    edit.setSelectedSection(QDateTimeEdit.Section.HourSection)
    assert typed(edit, other, "9:45").time() == QTime(9, 45)
    edit.setFocus()
    edit.setSelectedSection(QDateTimeEdit.Section.MinuteSection)
    assert typed(edit, other, "20").time() == QTime(9, 20)
    assert edit.date() == DAY


def test_the_date_part_keeps_qts_own_typing(form) -> None:
    _window, edit, other = form
    edit.setSelectedSection(QDateTimeEdit.Section.YearSection)
    assert typed(edit, other, "2027") == QDateTime(
        QDate(2027, 12, 3), QTime(10, 15), QTimeZone.utc()
    )


def test_typed_digits_read_as_a_clock() -> None:
    readings = {d: typed_time(d) for d in ("9", "16", "93", "930", "163", "1630", "99", "2400")}
    assert readings == {
        "9": QTime(9, 0),
        "16": QTime(16, 0),
        "93": QTime(9, 30),
        "930": QTime(9, 30),
        "163": QTime(16, 30),
        "1630": QTime(16, 30),
        "99": None,
        "2400": None,
    }
