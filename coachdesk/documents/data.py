"""The only input the documents accept: frozen plain data that services build.

No ORM objects, no database, no Qt: a PDF is tested without a vault, and a document cannot leak
what it is never given. There is deliberately no field for private notes anywhere here.
Enumerated values (engagement kind, fee model, session status...) are the ``StrEnum`` values of
``coachdesk.model.enums`` passed as plain strings; a document words them with ``coachdesk.words``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal


@dataclass(frozen=True)
class Letterhead:
    """The coach's identity printed at the top of every document (from the CoachProfile)."""

    coach_name: str
    business_name: str = ""
    credentials: str = ""
    email: str = ""
    phone: str = ""
    website: str = ""
    postal_address: str = ""
    logo: bytes | None = None  # PNG or JPEG bytes
    paper_size: str = "A4"  # "A4" | "Letter" (PaperSize values)
    time_zone: str = ""


@dataclass(frozen=True)
class Signature:
    """One party's signature: the role as printed ("Client"), the name, and the day."""

    role: str
    name: str
    signed_on: date


@dataclass(frozen=True)
class SigningRecord:
    """What the frozen PDF of a signed agreement says about its signing."""

    method: str  # SigningMethod values
    signatures: tuple[Signature, ...]
    sent_on: date | None = None
    scan_name: str = ""


@dataclass(frozen=True)
class AgreementGoal:
    title: str
    target_date: date | None = None


@dataclass(frozen=True)
class AgreementData:
    letterhead: Letterhead
    title: str
    client_name: str
    coach_name: str
    start_date: date
    agreement_date: date
    client_email: str = ""
    client_organisation: str = ""
    sponsor_name: str | None = None
    sponsor_contact: str = ""
    engagement_kind: str = "coaching"  # EngagementKind values
    end_date: date | None = None
    cadence: str = ""  # already worded, e.g. "every two weeks"
    session_minutes: int = 60
    planned_sessions: int | None = None
    mode: str = ""  # already worded, e.g. "video call"
    location: str = ""
    fee_model: str = "per_session"  # FeeModel values
    fee_amount: Decimal = Decimal("0.00")
    currency: str = "EUR"
    payment_terms: str = ""
    cancellation_notice_hours: int = 24
    late_cancel_rule: str = ""
    communication: str = ""
    confidentiality_notes: str = ""
    sponsor_sharing: str = ""  # worded: what is reported to the sponsor
    records_retention: str = ""
    goals: tuple[AgreementGoal, ...] = ()
    version: int = 1
    signing: SigningRecord | None = None  # given only to the PDF frozen at signing


@dataclass(frozen=True)
class Milestone:
    title: str
    done_on: date | None = None


@dataclass(frozen=True)
class GoalProgress:
    title: str
    baseline: int | None = None
    latest: int | None = None
    target: int | None = None
    ratings: tuple[tuple[date, int], ...] = ()  # 0..10 scores in date order
    milestones: tuple[Milestone, ...] = ()


@dataclass(frozen=True)
class OpenAction:
    text: str
    due_on: date | None = None


@dataclass(frozen=True)
class SessionLine:
    """One session of the period; its focus is shared content, printed for the client only."""

    held_on: date
    status: str  # SessionStatus values
    focus: str = ""


@dataclass(frozen=True)
class EngagementFacts:
    title: str
    start_date: date
    end_date: date | None = None
    held: int = 0
    planned: int | None = None
    cancelled: int = 0
    late_cancels: int = 0
    no_shows: int = 0


@dataclass(frozen=True)
class ReportAnswer:
    """A questionnaire answer the coach chose to show in progress reports."""

    form_title: str
    returned_on: date
    question: str
    answer: str


@dataclass(frozen=True)
class ProgressReportData:
    """A client's progress over a period, for the client or (with less) for their sponsor.

    The sponsor version prints progress and attendance only: ``open_actions``, ``themes`` and the
    sessions' focus lines are ignored for it even when given. ``sponsor_sharing`` is what the client
    consented to ("attendance" drops goals and actions; "nothing" refuses the sponsor version).
    """

    letterhead: Letterhead
    client_name: str
    period_start: date
    period_end: date
    engagement: EngagementFacts
    report_date: date
    audience: str = "client"  # "client" | "sponsor"
    sponsor_name: str | None = None
    sponsor_sharing: str = "progress"  # SponsorSharing values
    goals: tuple[GoalProgress, ...] = ()
    actions_done: int = 0
    actions_open: int = 0
    open_actions: tuple[OpenAction, ...] = ()
    themes: tuple[str, ...] = ()
    coach_summary: str = ""
    next_focus: str = ""
    sessions: tuple[SessionLine, ...] = ()
    # Only answers to questions ticked "include in report" (and, for a sponsor, shareable too).
    answers: tuple[ReportAnswer, ...] = ()


@dataclass(frozen=True)
class SessionAction:
    text: str
    due_on: date | None = None


@dataclass(frozen=True)
class SessionSummaryData:
    letterhead: Letterhead
    client_name: str
    session_date: date
    when_text: str = ""  # e.g. "Tuesday 3 March 2026, 14:00 (Europe/Paris)"
    duration_minutes: int | None = None
    sequence_text: str = ""  # e.g. "Session 4 of 8"
    focus: str = ""
    shared_notes: str = ""
    actions: tuple[SessionAction, ...] = ()
    next_session: str | None = None


@dataclass(frozen=True)
class RecoverySheetData:
    vault_name: str
    vault_id: str
    recovery_key: str
    created_on: date
    paper_size: str = "A4"
