"""How many chargeable sessions of a period each client has on no live invoice yet, for Today.

The same rule as ``sources`` (held, late-cancelled or no-show; a session's own fee first, a
recorded zero waives it; else the per-session engagement's fee, or the profile's default fee
outside an engagement), written as one grouped query so that Today never prices sessions one by
one. ``tests/services/billing/test_uninvoiced.py`` holds the two to the same answers.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import Float, and_, cast, false, or_, select, true
from sqlalchemy.orm import Session

from coachdesk.model import Client, CoachingSession, Engagement, FeeModel, InvoiceLine
from coachdesk.services.engagements.engagements import USED_PLACE
from coachdesk.services.people.profile import coach_zone, profile_fields

NAME_BATCH = 500  # ids to a query, well inside SQLite's limit on bound values


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
    query = (
        select(s.client_id)
        .outerjoin(e, e.id == s.engagement_id)
        .outerjoin(InvoiceLine, InvoiceLine.session_claim == s.id)
        .where(
            s.status.in_(USED_PLACE),
            s.starts_at >= datetime.combine(start, time.min, zone),
            s.starts_at < datetime.combine(end + timedelta(days=1), time.min, zone),
            InvoiceLine.id.is_(None),
            priced,
        )
    )
    # Counted here, not by GROUP BY: its two temporary B-trees cost 190-260 ms at 10,000
    # clients (allocations SQLCipher locks and wipes) where reading the month's ids costs 35.
    counts = Counter(db.execute(query).scalars())
    if not counts or limit <= 0:
        return []
    cutoff = sorted(counts.values(), reverse=True)[:limit][-1]
    contenders = [client_id for client_id, n in counts.items() if n >= cutoff]
    names = _names(db, contenders)
    ranked = sorted(contenders, key=lambda c: (-counts[c], names[c][1], c))[:limit]
    return [Uninvoiced(c, names[c][0], counts[c]) for c in ranked]


def _names(db: Session, ids: list[int]) -> dict[int, tuple[str, str]]:
    """Each client's display name and sort key, a batch of ids to a query."""
    names: dict[int, tuple[str, str]] = {}
    for first in range(0, len(ids), NAME_BATCH):
        chosen = select(Client.id, Client.display_name, Client.sort_name).where(
            Client.id.in_(ids[first : first + NAME_BATCH])
        )
        names.update((row.id, (row.display_name, row.sort_name)) for row in db.execute(chosen))
    return names


def last_month(day: date) -> tuple[date, date]:
    """The first and last day of the calendar month before ``day``'s."""
    end = day.replace(day=1) - timedelta(days=1)
    return end.replace(day=1), end
