"""How many chargeable sessions of a period each client has on no live invoice yet, for Today.

The same rule as ``sources`` (held, late-cancelled or no-show; a session's own fee first, a
recorded zero waives it; else the per-session engagement's fee, or the profile's default fee
outside an engagement), written as one grouped query so that Today never prices sessions one by
one. ``tests/services/billing/test_uninvoiced.py`` holds the two to the same answers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import Float, and_, cast, false, func, or_, select, true
from sqlalchemy.orm import Session

from coachdesk.model import Client, CoachingSession, Engagement, FeeModel, InvoiceLine
from coachdesk.services.engagements.engagements import USED_PLACE
from coachdesk.services.people.profile import coach_zone, profile_fields


@dataclass(frozen=True, slots=True)
class Uninvoiced:
    client_id: int
    client_name: str
    sessions: int


def uninvoiced_by_client(db: Session, start: date, end: date, limit: int) -> list[Uninvoiced]:
    """Clients with sessions of ``start``..``end`` (the coach's days) still to invoice, the
    most first."""
    s, e = CoachingSession, Engagement
    zone = coach_zone(db)
    default_fee = true() if profile_fields(db).default_fee else false()
    priced = or_(
        and_(s.fee_charged.is_not(None), cast(s.fee_charged, Float) != 0),
        and_(s.fee_charged.is_(None), s.engagement_id.is_(None), default_fee),
        and_(
            s.fee_charged.is_(None),
            e.fee_model == FeeModel.PER_SESSION,
            cast(e.fee_amount, Float) != 0,
        ),
    )
    count = func.count(s.id)
    query = (
        select(s.client_id, Client.display_name, count)
        .join(Client, Client.id == s.client_id)
        .outerjoin(e, e.id == s.engagement_id)
        .outerjoin(InvoiceLine, InvoiceLine.session_claim == s.id)
        .where(
            s.status.in_(USED_PLACE),
            s.starts_at >= datetime.combine(start, time.min, zone),
            s.starts_at < datetime.combine(end + timedelta(days=1), time.min, zone),
            InvoiceLine.id.is_(None),
            priced,
        )
        .group_by(s.client_id, Client.display_name, Client.sort_name)
        .order_by(count.desc(), Client.sort_name, s.client_id)
        .limit(limit)
    )
    return [Uninvoiced(*row) for row in db.execute(query)]


def last_month(day: date) -> tuple[date, date]:
    """The first and last day of the calendar month before ``day``'s."""
    end = day.replace(day=1) - timedelta(days=1)
    return end.replace(day=1), end
