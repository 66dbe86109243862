"""Small builders for service tests: a client, an engagement, a session, with sensible values."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy.orm import Session

from coachdesk.services.engagements import engagements
from coachdesk.services.engagements.engagements import EngagementFields
from coachdesk.services.people import clients
from coachdesk.services.people.clients import ClientFields
from coachdesk.services.sessions import sessions
from coachdesk.services.sessions.sessions import SessionFields


def at(day: int, hour: int = 9, month: int = 3) -> datetime:
    """An instant in March 2026 (UTC), the month most tests happen in."""
    return datetime(2026, month, day, hour, 0, tzinfo=UTC)


def client(db: Session, name: str = "Amara Okafor", **values: Any) -> int:
    return clients.create_client(db, ClientFields(display_name=name, **values)).id


def engagement(db: Session, client_id: int, **values: Any) -> int:
    data = EngagementFields(
        client_id=client_id,
        title=values.pop("title", "Leadership programme"),
        start_date=values.pop("start_date", date(2026, 3, 1)),
        end_date=values.pop("end_date", date(2026, 6, 30)),
        planned_sessions=values.pop("planned_sessions", 8),
        **values,
    )
    return engagements.create_engagement(db, data).id


def session(db: Session, client_id: int, starts_at: datetime, **values: Any) -> int:
    return sessions.schedule_session(db, SessionFields(client_id, starts_at, **values)).id
