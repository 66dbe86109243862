"""SQLAlchemy ORM entities of the practice, typed with ``Mapped[]``; the schema is Alembic's."""

from coachdesk.model.base import Base
from coachdesk.model.billing import Invoice, InvoiceLine, InvoiceNumberSeries, Payment
from coachdesk.model.engagements import Agreement, AgreementTemplate, Engagement
from coachdesk.model.enums import (
    ActionStatus,
    AgreementStatus,
    Cadence,
    ClientStatus,
    EngagementKind,
    EngagementStatus,
    FeeModel,
    GoalStatus,
    InvoiceKind,
    InvoiceStatus,
    NoteTemplate,
    PaperSize,
    PaymentMethod,
    SessionMode,
    SessionStatus,
    SigningMethod,
    SponsorSharing,
)
from coachdesk.model.people import Client, ClientTag, CoachProfile, Sponsor
from coachdesk.model.progress import (
    ActionItem,
    FollowUp,
    Goal,
    Milestone,
    PracticeSetting,
    ProgressRating,
)
from coachdesk.model.sessions import CoachingSession, NoteDraft

__all__ = [
    "ActionItem",
    "ActionStatus",
    "Agreement",
    "AgreementStatus",
    "AgreementTemplate",
    "Base",
    "Cadence",
    "Client",
    "ClientStatus",
    "ClientTag",
    "CoachProfile",
    "CoachingSession",
    "Engagement",
    "EngagementKind",
    "EngagementStatus",
    "FeeModel",
    "FollowUp",
    "Goal",
    "GoalStatus",
    "Invoice",
    "InvoiceKind",
    "InvoiceLine",
    "InvoiceNumberSeries",
    "InvoiceStatus",
    "Milestone",
    "NoteDraft",
    "NoteTemplate",
    "PaperSize",
    "Payment",
    "PaymentMethod",
    "PracticeSetting",
    "ProgressRating",
    "SessionMode",
    "SessionStatus",
    "SigningMethod",
    "Sponsor",
    "SponsorSharing",
]
