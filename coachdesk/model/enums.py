"""The vocabularies of the practice, with the words of DESIGN.md's glossary as stored values."""

from __future__ import annotations

from enum import StrEnum


class ClientStatus(StrEnum):
    LEAD = "lead"
    CONSULTATION = "consultation"
    ACTIVE = "active"
    PAUSED = "paused"
    COMPLETED = "completed"
    ALUMNI = "alumni"
    ARCHIVED = "archived"


class EngagementKind(StrEnum):
    COACHING = "coaching"
    MENTORING = "mentoring"


class Cadence(StrEnum):
    WEEKLY = "weekly"
    FORTNIGHTLY = "fortnightly"
    MONTHLY = "monthly"
    CUSTOM = "custom"


class SessionMode(StrEnum):
    VIDEO = "video"
    PHONE = "phone"
    IN_PERSON = "in_person"


class FeeModel(StrEnum):
    PER_SESSION = "per_session"
    PACKAGE = "package"
    MONTHLY_RETAINER = "monthly_retainer"
    PRO_BONO = "pro_bono"


class EngagementStatus(StrEnum):
    DRAFT = "draft"
    PROPOSED = "proposed"
    ACTIVE = "active"
    COMPLETED = "completed"
    ENDED_EARLY = "ended_early"


class SponsorSharing(StrEnum):
    """What the client consented to share with the sponsor who pays."""

    NOTHING = "nothing"
    ATTENDANCE = "attendance"
    PROGRESS = "progress"


class AgreementStatus(StrEnum):
    DRAFT = "draft"
    SENT = "sent"
    SIGNED = "signed"
    SUPERSEDED = "superseded"


class SigningMethod(StrEnum):
    PAPER = "paper"
    SCAN = "scan"
    TYPED = "typed"


class SessionStatus(StrEnum):
    SCHEDULED = "scheduled"
    COMPLETED = "completed"
    CANCELLED = "cancelled"
    LATE_CANCEL = "late_cancel"
    NO_SHOW = "no_show"


class NoteTemplate(StrEnum):
    GROW = "grow"
    OSCAR = "oscar"
    FREE = "free"


class GoalStatus(StrEnum):
    ACTIVE = "active"
    ACHIEVED = "achieved"
    DROPPED = "dropped"


class ActionStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    DROPPED = "dropped"


class PaperSize(StrEnum):
    A4 = "A4"
    LETTER = "Letter"


class InvoiceKind(StrEnum):
    INVOICE = "invoice"
    CREDIT_NOTE = "credit_note"


class InvoiceStatus(StrEnum):
    """What is stored; part paid, paid and overdue are derived from payments and dates."""

    DRAFT = "draft"
    ISSUED = "issued"
    CANCELLED = "cancelled"


class PaymentMethod(StrEnum):
    BANK_TRANSFER = "bank_transfer"
    CARD = "card"
    CASH = "cash"
    PAYPAL = "paypal"
    OTHER = "other"


class SessionKind(StrEnum):
    """What a session was; only coaching counts toward an ICF credential's hours."""

    COACHING = "coaching"
    MENTORING_RECEIVED = "mentoring_received"
    SUPERVISION = "supervision"
    ASSESSMENT = "assessment"


class Credential(StrEnum):
    ACC = "acc"
    PCC = "pcc"
    MCC = "mcc"


class CceCategory(StrEnum):
    CORE_COMPETENCIES = "core_competencies"
    RESOURCE_DEVELOPMENT = "resource_development"


class QuestionKind(StrEnum):
    """What a questionnaire question asks for, and so which PDF field answers it."""

    SHORT_TEXT = "short_text"
    LONG_TEXT = "long_text"
    SINGLE_CHOICE = "single_choice"
    MULTIPLE_CHOICE = "multiple_choice"
    SCALE = "scale"
    DATE = "date"
    YES_NO = "yes_no"


class AnswerMapping(StrEnum):
    """Where an answer goes besides the questionnaire, once the coach confirms it.

    ``GOAL`` makes a new goal of a short answer; ``GOAL_NOW`` is a 0-10 "where are you now", the
    first rating of the goal the question before it named; ``EACH_GOAL`` asks a scale once per
    active goal of the client, each answer a new rating of its goal. ``TESTIMONIAL`` and
    ``QUOTE_CONSENT`` mark the testimonial and the yes/no that allows quoting it.
    """

    NONE = ""
    PHONE = "phone"
    POSTAL_ADDRESS = "postal_address"
    DATE_OF_BIRTH = "date_of_birth"
    EMERGENCY_CONTACT = "emergency_contact"
    PRONOUNS = "pronouns"
    GOAL = "goal"
    GOAL_NOW = "goal_now"
    EACH_GOAL = "each_goal"
    TESTIMONIAL = "testimonial"
    QUOTE_CONSENT = "quote_consent"
