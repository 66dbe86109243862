"""The coach's own career in the demo practice, so the Credential view has something to show: a
team coaching engagement with attendance, clients who consented to the ICF log (and a few under
a confidentiality policy), the training start, and some CCE, mentor coaching and supervision.
Derived from ids and the reference date only, so the demo's random sequence is untouched.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from coachdesk.model import (
    CceActivity,
    CceCategory,
    Client,
    CoachingSession,
    CoachProfile,
    Credential,
    Engagement,
    EngagementParticipant,
    EngagementStatus,
    FeeModel,
    MentorCoaching,
    SessionAttendance,
    SessionStatus,
    SupervisionEntry,
)

TEAM_SIZE = 5
TEAM_SESSIONS = 6
CERTIFICATE = b"Certificate of completion (demo)\n"
CCE = [
    (400, "ICF Global", "Ethics in practice", CceCategory.CORE_COMPETENCIES, "3", "3"),
    (
        300,
        "Coaching Institute",
        "Team coaching foundations",
        CceCategory.CORE_COMPETENCIES,
        "12",
        "0",
    ),
    (
        200,
        "Business School",
        "Building a coaching business",
        CceCategory.RESOURCE_DEVELOPMENT,
        "6",
        "0",
    ),
    (60, "ICF Chapter", "Listening beyond words", CceCategory.CORE_COMPETENCIES, "1.5", "0"),
]


def log_listing(
    client_id: int, consented_on: date, sponsor_id: int | None, contacts: dict[int, str]
) -> dict[str, Any]:
    """Most clients consented to the ICF log; one sponsored client in 19 is confidential."""
    confidential = sponsor_id is not None and client_id % 19 == 0
    consent = client_id % 8 != 0
    return {
        "log_consent": consent,
        "log_consent_on": consented_on if consent else None,
        "log_consent_how": "in the agreement" if consent else "",
        "confidential": confidential,
        "confidential_alias": f"Confidential client {client_id}" if confidential else "",
        "org_contact_email": contacts.get(sponsor_id or 0, "") if confidential else "",
    }


def add_career(db: Session, today: date) -> None:
    stamp = datetime.combine(today, time(12), tzinfo=UTC)
    stamps = {"created_at": stamp, "updated_at": stamp}  # no clock: same seed, same rows
    db.execute(
        update(CoachProfile)
        .where(CoachProfile.id == 1)
        .values(
            training_start=today.replace(year=today.year - 5),
            target_credential=Credential.MCC,
            renewal_due_on=today + timedelta(days=300),
            updated_at=stamp,
        )
    )
    team = list(db.scalars(select(Client.id).order_by(Client.id).limit(TEAM_SIZE)))
    if len(team) == TEAM_SIZE:
        _team_engagement(db, team, today, stamps)
    for days_ago, provider, title, category, units, ethics in CCE:
        db.add(
            CceActivity(
                held_on=today - timedelta(days=days_ago),
                provider=provider,
                title=title,
                category=category,
                units=Decimal(units),
                ethics_units=Decimal(ethics),
                evidence=CERTIFICATE,
                evidence_name=f"{title}.txt",
                evidence_mime="text/plain",
                **stamps,
            )
        )
    for days_ago, minutes, group_size in ((500, 120, None), (470, 240, 6), (420, 60, None)):
        db.add(
            MentorCoaching(
                held_on=today - timedelta(days=days_ago),
                mentor_name="Ana Ruiz",
                mentor_email="ana.ruiz@mentor.example",
                mentor_credential="MCC",
                minutes=minutes,
                group_size=group_size,
                **stamps,
            )
        )
    for days_ago in (90, 30):
        db.add(
            SupervisionEntry(
                held_on=today - timedelta(days=days_ago),
                supervisor="Bo Lind",
                minutes=90,
                reflection="Noticed where I wanted to fix things for the team.",
                **stamps,
            )
        )
    db.flush()


def _team_engagement(
    db: Session, team: list[int], today: date, stamps: dict[str, datetime]
) -> None:
    start = today - timedelta(days=7 * 2 * TEAM_SESSIONS)
    engagement = Engagement(
        client_id=team[0],
        title="Leadership team coaching",
        start_date=start,
        end_date=today + timedelta(days=60),
        planned_sessions=TEAM_SESSIONS + 2,
        session_minutes=90,
        fee_model=FeeModel.PACKAGE,
        fee_amount=Decimal("4800.00"),
        status=EngagementStatus.ACTIVE,
        is_group=True,
        **stamps,
    )
    db.add(engagement)
    db.flush()
    db.add_all(EngagementParticipant(engagement_id=engagement.id, client_id=c) for c in team)
    for n in range(TEAM_SESSIONS):
        starts_at = datetime.combine(start + timedelta(days=14 * n), time(14), tzinfo=UTC)
        session = CoachingSession(
            client_id=team[0],
            engagement_id=engagement.id,
            starts_at=starts_at,
            duration_minutes=90,
            status=SessionStatus.COMPLETED,
            shared_notes="The team agreed how decisions are made and who owns them.",
            sequence=n + 1,
            **stamps,
        )
        db.add(session)
        db.flush()
        absent = team[1 + n % (TEAM_SIZE - 1)] if n % 3 == 2 else None
        db.add_all(
            SessionAttendance(session_id=session.id, client_id=c, attended=c != absent)
            for c in team
        )
    db.flush()
