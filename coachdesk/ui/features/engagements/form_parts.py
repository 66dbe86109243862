"""The words and small widgets of the engagement form: each choice's label, dates, numbers
and text boxes set up alike, and an amount shown back as it would be typed.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import TypeVar

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QPlainTextEdit, QSpinBox

from coachdesk.formatting import MINOR_UNITS
from coachdesk.i18n import _
from coachdesk.model import (
    Cadence,
    EngagementKind,
    EngagementStatus,
    FeeModel,
    SessionMode,
    SponsorSharing,
)

DATE_FORMAT = "d MMM yyyy"
TEXT_LINES = 3
E = TypeVar("E", bound=StrEnum)


def status_labels() -> dict[EngagementStatus, str]:
    return {
        EngagementStatus.DRAFT: _("Draft"),
        EngagementStatus.PROPOSED: _("Proposed"),
        EngagementStatus.ACTIVE: _("Active"),
        EngagementStatus.COMPLETED: _("Completed"),
        EngagementStatus.ENDED_EARLY: _("Ended early"),
    }


def kind_labels() -> dict[EngagementKind, str]:
    return {EngagementKind.COACHING: _("Coaching"), EngagementKind.MENTORING: _("Mentoring")}


def cadence_labels() -> dict[Cadence, str]:
    return {
        Cadence.WEEKLY: _("Every week"),
        Cadence.FORTNIGHTLY: _("Every two weeks"),
        Cadence.MONTHLY: _("Every month"),
        Cadence.CUSTOM: _("Every … days"),
    }


def mode_labels() -> dict[SessionMode, str]:
    return {
        SessionMode.VIDEO: _("Video call"),
        SessionMode.PHONE: _("Phone"),
        SessionMode.IN_PERSON: _("In person"),
    }


def fee_model_labels() -> dict[FeeModel, str]:
    return {
        FeeModel.PER_SESSION: _("Per session"),
        FeeModel.PACKAGE: _("Package (whole engagement)"),
        FeeModel.MONTHLY_RETAINER: _("Monthly retainer"),
        FeeModel.PRO_BONO: _("Pro bono"),
    }


def sharing_labels() -> dict[SponsorSharing, str]:
    return {
        SponsorSharing.NOTHING: _("Nothing"),
        SponsorSharing.ATTENDANCE: _("Attendance only"),
        SponsorSharing.PROGRESS: _("Attendance and progress on goals"),
    }


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
    places = MINOR_UNITS.get(currency.upper(), 2)
    return f"{amount:.{places}f}"
