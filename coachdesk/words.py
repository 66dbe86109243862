"""The words for the practice's vocabularies: one label for each value of every enum in
``coachdesk.model``, so a status reads the same in the window, the ``coachdesk`` command and the
PDFs.

Labels are translated when asked for (``_`` at call time), since the language is read after
import. ``in_sentence`` holds the few other forms a sentence needs where the label's capital or
noun would not fit ("2 late cancelled or missed", "€150 per session"); only the values some
sentence uses have one.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from enum import StrEnum
from typing import Any, TypeGuard, TypeVar

from coachdesk.i18n import _
from coachdesk.model.enums import (
    ActionStatus,
    AgreementStatus,
    AnswerMapping,
    Cadence,
    CceCategory,
    ClientStatus,
    Credential,
    EngagementKind,
    EngagementStatus,
    FeeModel,
    GoalStatus,
    InvoiceKind,
    InvoiceStatus,
    NoteTemplate,
    PaperSize,
    PaymentMethod,
    QuestionKind,
    SessionKind,
    SessionMode,
    SessionStatus,
    SigningMethod,
    SponsorSharing,
)

E = TypeVar("E", bound=StrEnum)
Words = Mapping[Any, Callable[[], str]]

_LABELS: dict[type[StrEnum], Words] = {
    ClientStatus: {
        ClientStatus.LEAD: lambda: _("Lead"),
        ClientStatus.CONSULTATION: lambda: _("Consultation"),
        ClientStatus.ACTIVE: lambda: _("Active"),
        ClientStatus.PAUSED: lambda: _("Paused"),
        ClientStatus.COMPLETED: lambda: _("Completed"),
        ClientStatus.ALUMNI: lambda: _("Alumni"),
        ClientStatus.ARCHIVED: lambda: _("Archived"),
    },
    EngagementKind: {
        EngagementKind.COACHING: lambda: _("Coaching"),
        EngagementKind.MENTORING: lambda: _("Mentoring"),
    },
    Cadence: {
        Cadence.WEEKLY: lambda: _("Every week"),
        Cadence.FORTNIGHTLY: lambda: _("Every two weeks"),
        Cadence.MONTHLY: lambda: _("Every month"),
        Cadence.CUSTOM: lambda: _("Every … days"),
    },
    SessionMode: {
        SessionMode.VIDEO: lambda: _("Video call"),
        SessionMode.PHONE: lambda: _("Phone call"),
        SessionMode.IN_PERSON: lambda: _("In person"),
    },
    FeeModel: {
        FeeModel.PER_SESSION: lambda: _("Per session"),
        FeeModel.PACKAGE: lambda: _("Package (whole engagement)"),
        FeeModel.MONTHLY_RETAINER: lambda: _("Monthly retainer"),
        FeeModel.PRO_BONO: lambda: _("Pro bono"),
    },
    EngagementStatus: {
        EngagementStatus.DRAFT: lambda: _("Draft"),
        EngagementStatus.PROPOSED: lambda: _("Proposed"),
        EngagementStatus.ACTIVE: lambda: _("Active"),
        EngagementStatus.COMPLETED: lambda: _("Completed"),
        EngagementStatus.ENDED_EARLY: lambda: _("Ended early"),
    },
    QuestionKind: {
        QuestionKind.SHORT_TEXT: lambda: _("Short text"),
        QuestionKind.LONG_TEXT: lambda: _("Long text"),
        QuestionKind.SINGLE_CHOICE: lambda: _("Single choice"),
        QuestionKind.MULTIPLE_CHOICE: lambda: _("Multiple choice"),
        QuestionKind.SCALE: lambda: _("Scale from 0 to 10"),
        QuestionKind.DATE: lambda: _("Date"),
        QuestionKind.YES_NO: lambda: _("Yes or no"),
    },
    AnswerMapping: {
        AnswerMapping.NONE: lambda: _("Nowhere else"),
        AnswerMapping.PHONE: lambda: _("The client's phone"),
        AnswerMapping.POSTAL_ADDRESS: lambda: _("The client's postal address"),
        AnswerMapping.DATE_OF_BIRTH: lambda: _("The client's date of birth"),
        AnswerMapping.EMERGENCY_CONTACT: lambda: _("The client's emergency contact"),
        AnswerMapping.PRONOUNS: lambda: _("The client's pronouns"),
        AnswerMapping.GOAL: lambda: _("A new goal"),
        AnswerMapping.GOAL_NOW: lambda: _("The new goal's first rating"),
        AnswerMapping.EACH_GOAL: lambda: _("A rating of each of the client's goals"),
        AnswerMapping.TESTIMONIAL: lambda: _("A testimonial"),
        AnswerMapping.QUOTE_CONSENT: lambda: _("Consent to quote the testimonial"),
    },
    SponsorSharing: {
        SponsorSharing.NOTHING: lambda: _("Nothing"),
        SponsorSharing.ATTENDANCE: lambda: _("Attendance only"),
        SponsorSharing.PROGRESS: lambda: _("Attendance and progress on goals"),
    },
    AgreementStatus: {
        AgreementStatus.DRAFT: lambda: _("Draft"),
        AgreementStatus.SENT: lambda: _("Sent"),
        AgreementStatus.SIGNED: lambda: _("Signed"),
        AgreementStatus.SUPERSEDED: lambda: _("Superseded"),
    },
    SigningMethod: {
        SigningMethod.PAPER: lambda: _("On paper, in person"),
        SigningMethod.SCAN: lambda: _("Signed and scanned"),
        SigningMethod.TYPED: lambda: _("Typed names (by email)"),
    },
    SessionStatus: {
        SessionStatus.SCHEDULED: lambda: _("Scheduled"),
        SessionStatus.COMPLETED: lambda: _("Held"),
        SessionStatus.CANCELLED: lambda: _("Cancelled"),
        SessionStatus.LATE_CANCEL: lambda: _("Late cancellation"),
        SessionStatus.NO_SHOW: lambda: _("No-show"),
    },
    NoteTemplate: {
        NoteTemplate.GROW: lambda: _("GROW"),
        NoteTemplate.OSCAR: lambda: _("OSCAR"),
        NoteTemplate.FREE: lambda: _("Free notes"),
    },
    GoalStatus: {
        GoalStatus.ACTIVE: lambda: _("Active"),
        GoalStatus.ACHIEVED: lambda: _("Achieved"),
        GoalStatus.DROPPED: lambda: _("Dropped"),
    },
    ActionStatus: {
        ActionStatus.OPEN: lambda: _("Open"),
        ActionStatus.DONE: lambda: _("Done"),
        ActionStatus.DROPPED: lambda: _("Dropped"),
    },
    PaperSize: {
        PaperSize.A4: lambda: _("A4 (210 × 297 mm)"),
        PaperSize.LETTER: lambda: _("US Letter (8.5 × 11 in)"),
    },
    InvoiceKind: {
        InvoiceKind.INVOICE: lambda: _("Invoice"),
        InvoiceKind.CREDIT_NOTE: lambda: _("Credit note"),
    },
    InvoiceStatus: {
        InvoiceStatus.DRAFT: lambda: _("Draft"),
        InvoiceStatus.ISSUED: lambda: _("Issued"),
        InvoiceStatus.CANCELLED: lambda: _("Cancelled"),
    },
    PaymentMethod: {
        PaymentMethod.BANK_TRANSFER: lambda: _("Bank transfer"),
        PaymentMethod.CARD: lambda: _("Card"),
        PaymentMethod.CASH: lambda: _("Cash"),
        PaymentMethod.PAYPAL: lambda: _("PayPal"),
        PaymentMethod.OTHER: lambda: _("Other"),
    },
    SessionKind: {
        SessionKind.COACHING: lambda: _("Coaching"),
        SessionKind.MENTORING_RECEIVED: lambda: _("Mentor coaching received"),
        SessionKind.SUPERVISION: lambda: _("Supervision"),
        SessionKind.ASSESSMENT: lambda: _("Assessment debrief"),
    },
    Credential: {
        Credential.ACC: lambda: _("ACC (Associate Certified Coach)"),
        Credential.PCC: lambda: _("PCC (Professional Certified Coach)"),
        Credential.MCC: lambda: _("MCC (Master Certified Coach)"),
    },
    CceCategory: {
        CceCategory.CORE_COMPETENCIES: lambda: _("Core Competencies"),
        CceCategory.RESOURCE_DEVELOPMENT: lambda: _("Resource Development"),
    },
}

_IN_SENTENCE: dict[type[StrEnum], Words] = {
    Cadence: {
        Cadence.WEEKLY: lambda: _("every week"),
        Cadence.FORTNIGHTLY: lambda: _("every two weeks"),
        Cadence.MONTHLY: lambda: _("every month"),
    },
    SessionMode: {
        SessionMode.VIDEO: lambda: _("video call"),
        SessionMode.PHONE: lambda: _("phone call"),
        SessionMode.IN_PERSON: lambda: _("in person"),
    },
    EngagementKind: {
        EngagementKind.COACHING: lambda: _("coaching"),
        EngagementKind.MENTORING: lambda: _("mentoring"),
    },
    FeeModel: {
        FeeModel.PER_SESSION: lambda: _("per session"),
        FeeModel.PACKAGE: lambda: _("for the whole engagement"),
        FeeModel.MONTHLY_RETAINER: lambda: _("per month"),
        FeeModel.PRO_BONO: lambda: _("pro bono"),
    },
    SigningMethod: {
        SigningMethod.PAPER: lambda: _("signed on paper, in person"),
        SigningMethod.SCAN: lambda: _("signed and scanned"),
        SigningMethod.TYPED: lambda: _("signed with typed names"),
    },
    SessionStatus: {
        SessionStatus.LATE_CANCEL: lambda: _("late cancelled"),
        SessionStatus.NO_SHOW: lambda: _("missed"),
    },
    ActionStatus: {
        ActionStatus.DONE: lambda: _("done"),
        ActionStatus.DROPPED: lambda: _("dropped"),
    },
}


def label(value: StrEnum) -> str:
    """How ``value`` reads on its own: in a list, a combo box, a table cell, a PDF."""
    return _LABELS[type(value)][value]()


def has_label(value: object) -> TypeGuard[StrEnum]:
    """Whether ``value`` is one of the model's values (others, such as a backup's kind, are not)."""
    return type(value) in _LABELS


def labels(vocabulary: type[E]) -> dict[E, str]:
    """Every value of ``vocabulary`` with its label, in the enum's order (a combo box's)."""
    return {value: label(value) for value in vocabulary}


def in_sentence(value: StrEnum) -> str:
    """How ``value`` reads inside a sentence (Cadence.CUSTOM has none: it needs its days)."""
    return _IN_SENTENCE[type(value)][value]()
