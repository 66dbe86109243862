"""Retention: a client's records are kept the practice's number of years after the coaching
ended (the last engagement's end or the last session, whichever is later), then reviewed.

The ICF Code of Ethics asks coaches to keep records for as long as needed and no longer; the
GDPR's storage limitation says the same. A client comes up for review when that time has
passed, unless already anonymised or kept on purpose (``retain_until`` with a reason). The
review offers three answers: keep (until a date, with a reason), anonymise, or erase.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coachdesk.i18n import _
from coachdesk.model import Client, CoachingSession, Engagement, EngagementStatus
from coachdesk.services.engagements.engagements import add_months
from coachdesk.services.people.clients import get_client
from coachdesk.services.people.profile import get_profile
from coachdesk.services.validation import FieldErrors

ONGOING = (EngagementStatus.ACTIVE, EngagementStatus.PROPOSED, EngagementStatus.DRAFT)


@dataclass(frozen=True, slots=True)
class ReviewRow:
    """A client past retention: when the coaching ended and since when the review is due."""

    client_id: int
    name: str
    last_activity: date
    review_due: date
    retain_until: date | None
    retention_reason: str


def review_due(last_activity: date, years: int) -> date:
    """The day the records of coaching that ended on ``last_activity`` come up for review."""
    return add_months(last_activity, 12 * years)


def retention_review(db: Session, today: date) -> list[ReviewRow]:
    """Clients whose retention has passed by ``today``, the longest overdue first. A client
    with an engagement still running is never listed; one with no sessions or engagements at
    all (a lead) counts from when the record was made."""
    years = get_profile(db).retention_years
    ended = dict(
        db.execute(
            select(Engagement.client_id, func.max(Engagement.end_date)).group_by(
                Engagement.client_id
            )
        ).all()
    )
    running = set(
        db.scalars(
            select(Engagement.client_id).where(
                Engagement.status.in_(ONGOING),
                (Engagement.end_date.is_(None)) | (Engagement.end_date >= today),
            )
        )
    )
    last_session = dict(
        db.execute(
            select(CoachingSession.client_id, func.max(CoachingSession.starts_at)).group_by(
                CoachingSession.client_id
            )
        ).all()
    )
    rows = []
    candidates = db.execute(
        select(
            Client.id,
            Client.display_name,
            Client.created_at,
            Client.retain_until,
            Client.retention_reason,
        ).where(Client.anonymised_on.is_(None))
    )
    for client_id, name, created, retain_until, reason in candidates:
        if client_id in running:
            continue
        days = [d for d in (ended.get(client_id), _day(last_session.get(client_id))) if d]
        last = max(days) if days else created.date()
        due = review_due(last, years)
        if due >= today or (retain_until is not None and retain_until >= today):
            continue
        rows.append(ReviewRow(client_id, name, last, due, retain_until, reason))
    return sorted(rows, key=lambda r: (r.review_due, r.name.casefold(), r.client_id))


def _day(value: datetime | str | None) -> date | None:
    """A session's start as a day (its UTC day: a year's rule needs no finer)."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    return date.fromisoformat(value[:10])


def keep_client(db: Session, client_id: int, until: date, reason: str, today: date) -> None:
    """Keep the client's records until ``until``, for ``reason`` (a complaint, a legal hold,
    coaching expected to resume): the review passes over them until then."""
    client = get_client(db, client_id)
    errors = FieldErrors()
    errors.require("reason", reason)
    errors.multi_line("reason", reason)
    if until <= today:
        errors.add("until", _("Keep the records until a day after today."))
    errors.raise_if_any()
    client.retain_until = until
    client.retention_reason = reason.strip()
    db.flush()
