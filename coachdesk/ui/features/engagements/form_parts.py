"""The small widgets of the engagement form: the location hint for each session mode, dates,
numbers and text boxes set up alike, and an amount shown back as it would be typed (the choices'
labels come from ``coachdesk.words``).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import TypeVar

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QPlainTextEdit, QSpinBox

from coachdesk.formatting import minor_units
from coachdesk.i18n import _
from coachdesk.model import SessionMode

DATE_FORMAT = "d MMM yyyy"
TEXT_LINES = 3
E = TypeVar("E", bound=StrEnum)


def location_hint(mode: SessionMode) -> str:
    return {
        SessionMode.VIDEO: _("Video link, or how the link is sent"),
        SessionMode.PHONE: _("Who calls whom, and on which number"),
        SessionMode.IN_PERSON: _("Address or meeting place"),
    }[mode]


def combo(name: str, labels: Mapping[E, str]) -> QComboBox:
    box = QComboBox()
    box.setObjectName(name)
    for value, label in labels.items():
        box.addItem(label, value.value)
    return box


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def date_edit(name: str) -> QDateEdit:
    edit = QDateEdit()
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATE_FORMAT)
    return edit


def spin(name: str, low: int, high: int, suffix: str = "", step: int = 1) -> QSpinBox:
    spin = QSpinBox()
    spin.setObjectName(name)
    spin.setRange(low, high)
    spin.setSingleStep(step)
    spin.setSuffix(suffix)
    return spin


def text_box(name: str, placeholder: str) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setObjectName(name)
    edit.setTabChangesFocus(True)
    edit.setPlaceholderText(placeholder)
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * TEXT_LINES + 14)
    return edit


def money_text(amount: Decimal, currency: str) -> str:
    """The amount as typed back: "1500.00", no grouping, the currency's decimals."""
    places = minor_units(currency.upper())
    return f"{amount:.{places}f}"
