"""Sample plain data for the document tests and benchmarks."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

from coachdesk.documents.data import (
    AgreementData,
    AgreementGoal,
    EngagementFacts,
    GoalProgress,
    Letterhead,
    Milestone,
    OpenAction,
    ProgressReportData,
    SessionAction,
    SessionLine,
    SessionSummaryData,
)

CLIENT = "Zoë Łukasiewicz-Дмитриева"
SESSION_MARKER = "SESSIONCONTENTMARKER"
THEME_MARKER = "THEMECONTENTMARKER"
ACTION_MARKER = "ACTIONTEXTMARKER"

LETTERHEAD = Letterhead(
    coach_name="Amélie Laurent",
    business_name="Clearwater Coaching Ltd",
    credentials="ICF PCC",
    email="amelie@clearwater.example",
    phone="+44 20 7946 0321",
    website="clearwater.example",
    postal_address="12 Harbour Lane\nBristol BS1 4QA",
)


def agreement(**changes: object) -> AgreementData:
    data = AgreementData(
        letterhead=LETTERHEAD,
        title="Leadership transition programme",
        client_name=CLIENT,
        coach_name="Amélie Laurent",
        start_date=date(2026, 9, 1),
        end_date=date(2027, 2, 28),
        agreement_date=date(2026, 8, 20),
        client_email="zoe@example.com",
        client_organisation="Northwind Analytics",
        sponsor_name="Northwind Analytics GmbH",
        sponsor_contact="Jonas Weber",
        cadence="every two weeks",
        session_minutes=75,
        planned_sessions=12,
        mode="video call",
        fee_model="package",
        fee_amount=Decimal("4800.00"),
        currency="EUR",
        payment_terms="Invoiced in two instalments, payable within 30 days.",
        cancellation_notice_hours=48,
        sponsor_sharing="attendance and a mid-point progress summary.",
        records_retention="Records are kept for three years after the engagement ends.",
        goals=(
            AgreementGoal("Lead the new analytics team with confidence", date(2026, 12, 15)),
            AgreementGoal("Delegate sooner and more"),
        ),
    )
    return replace(data, **changes)  # type: ignore[arg-type]


def _ratings(start: date, n: int, base: int) -> tuple[tuple[date, int], ...]:
    return tuple(
        (start + timedelta(days=7 * i), min(10, base + i * 5 // max(n, 1))) for i in range(n)
    )


def progress(
    audience: str = "client", sessions: int = 7, goals: int = 3, **changes: object
) -> ProgressReportData:
    start = date(2026, 9, 3)
    goal_list = tuple(
        GoalProgress(
            title=f"Goal number {g + 1}: speak up earlier in leadership meetings",
            baseline=3,
            latest=6,
            target=8,
            ratings=_ratings(start, sessions, 3),
            milestones=(
                Milestone(f"Milestone reached {g + 1}", date(2026, 10, 1)),
                Milestone(f"Milestone still open {g + 1}"),
            ),
        )
        for g in range(goals)
    )
    statuses = ("completed", "completed", "completed", "cancelled", "late_cancel", "no_show")
    data = ProgressReportData(
        letterhead=LETTERHEAD,
        client_name=CLIENT,
        period_start=date(2026, 9, 1),
        period_end=date(2026, 11, 30),
        engagement=EngagementFacts(
            title="Leadership transition programme",
            start_date=date(2026, 9, 1),
            end_date=date(2027, 2, 28),
            held=6,
            planned=12,
            cancelled=1,
            late_cancels=1,
            no_shows=1,
        ),
        report_date=date(2026, 12, 2),
        audience=audience,
        sponsor_name="Northwind Analytics GmbH",
        goals=goal_list,
        actions_done=9,
        actions_open=2,
        open_actions=(
            OpenAction(f"{ACTION_MARKER} draft the decision-rights matrix", date(2026, 12, 10)),
            OpenAction("Block two focus mornings a week"),
        ),
        themes=(f"{THEME_MARKER} perfectionism under pressure", "Trusting the team"),
        coach_summary="Steady progress since the team charter was agreed.",
        next_focus="Preparing the quarterly plan.",
        sessions=tuple(
            SessionLine(
                start + timedelta(days=7 * i),
                statuses[i % len(statuses)],
                f"{SESSION_MARKER} explored the board review, week {i}.",
            )
            for i in range(sessions)
        ),
    )
    return replace(data, **changes)  # type: ignore[arg-type]


def session_summary(**changes: object) -> SessionSummaryData:
    data = SessionSummaryData(
        letterhead=LETTERHEAD,
        client_name=CLIENT,
        session_date=date(2026, 11, 26),
        when_text="Thursday 26 November 2026, 14:00 (Europe/London)",
        duration_minutes=60,
        sequence_text="Session 6 of 12",
        focus="Saying no without losing goodwill.",
        shared_notes="We prepared Thursday's meeting.\n\nThree options came up.",
        actions=(
            SessionAction("Write the one-sentence proposal", date(2026, 11, 30)),
            SessionAction("Notice when you say yes too fast"),
        ),
        next_session="Thursday 10 December 2026, 14:00",
    )
    return replace(data, **changes)  # type: ignore[arg-type]
