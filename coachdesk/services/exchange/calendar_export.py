"""Coaching sessions as an iCalendar (.ics) file for the coach's own calendar app.

Only what a calendar needs leaves the vault: who, when, how long, where (a room or a video link),
and "session 3 of 8". Agendas and notes never do. Every event's UID is derived from the
practice's calendar namespace and the session id, so importing a newer file updates events
instead of duplicating them. The namespace is a practice setting, so it travels in an export and
the same events keep their UIDs after the practice moves into a new vault. SEQUENCE, DTSTAMP and
LAST-MODIFIED follow the last change to the session, its client or its engagement (a renamed
client renames the event), and a cancelled session is sent as STATUS:CANCELLED so the calendar
removes it. Times carry the coach's zone (TZID plus a VTIMEZONE),
which calendars in any other zone convert correctly.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from icalendar import Calendar
from sqlalchemy import select
from sqlalchemy.orm import Session

from coachdesk import __version__, words
from coachdesk.errors import ValidationError
from coachdesk.i18n import _
from coachdesk.model import (
    Client,
    CoachingSession,
    Engagement,
    EngagementKind,
    PracticeSetting,
    SessionMode,
    SessionStatus,
)
from coachdesk.services.exchange.calendar_lines import EventLines, write_calendar
from coachdesk.services.people.profile import coach_zone
from coachdesk.vault import read_key_file

PRODID = f"-//CoachDesk//CoachDesk {__version__}//EN"
CANCELLED = frozenset({SessionStatus.CANCELLED, SessionStatus.LATE_CANCEL})
# A session that started less than this long ago may still be running: "upcoming" keeps it.
LONGEST_SESSION = timedelta(days=1)
NAMESPACE_KEY = "calendar_uid_namespace"


@dataclass(frozen=True, slots=True)
class _CalendarRow:
    id: int
    starts_at: datetime
    duration_minutes: int
    mode: SessionMode
    location: str
    status: SessionStatus
    sequence: int | None
    created_at: datetime
    updated_at: datetime
    client_updated_at: datetime
    engagement_updated_at: datetime | None
    client_name: str
    kind: EngagementKind | None
    planned_sessions: int | None


def calendar_ics(
    db: Session,
    *,
    client_id: int | None = None,
    start: date | None = None,
    end: date | None = None,
    now: datetime | None = None,
) -> bytes:
    """The sessions of one client or all, as .ics bytes.

    ``start`` and ``end`` are days in the coach's time zone, both included. Without ``start`` the
    file holds the sessions from ``now`` on (upcoming), so an old calendar entry is not touched.
    """
    if start is not None and end is not None and end < start:
        raise ValidationError({"end": _("The end date is before the start date.")})
    tz = coach_zone(db)
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    lower = _midnight(start, tz) if start is not None else moment - LONGEST_SESSION
    upper = _midnight(end + timedelta(days=1), tz) if end is not None else None
    rows = _rows(db, client_id, lower, upper)
    if start is None:
        rows = [r for r in rows if r.starts_at + timedelta(minutes=r.duration_minutes) > moment]
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", _("Coaching sessions"))
    domain = calendar_namespace(db)
    descriptions: dict[tuple[SessionMode, int], str] = {}
    return write_calendar(calendar, (_event(row, domain, descriptions) for row in rows), tz)


def session_uid(session_id: int, namespace: str) -> str:
    """The event's identity in every calendar: the same session always has the same UID."""
    return f"session-{session_id}@{namespace}.coachdesk"


def calendar_namespace(db: Session) -> str:
    """The practice's UID namespace; until one is stored, the vault's id, which is what
    ``ensure_calendar_namespace`` stores, so UIDs already in a calendar never change."""
    stored = db.get(PracticeSetting, NAMESPACE_KEY)
    return stored.value if stored is not None else _vault_id(db)


def ensure_calendar_namespace(db: Session) -> str:
    """Store the namespace if the practice has none yet (in the caller's write transaction),
    so a later export and import into a new vault keeps every event's UID."""
    stored = db.get(PracticeSetting, NAMESPACE_KEY)
    if stored is None:
        stored = PracticeSetting(key=NAMESPACE_KEY, value=_vault_id(db))
        db.add(stored)
        db.flush()
    return stored.value


def event_title(
    name: str, kind: EngagementKind | None, number: int | None, planned: int | None
) -> str:
    """ "Coaching with Amara Okafor (session 3 of 8)": what the coach reads in the calendar."""
    if kind == EngagementKind.MENTORING:
        title = _("Mentoring with {name}").format(name=name)
    else:
        title = _("Coaching with {name}").format(name=name)
    if number is not None and planned:
        return _("{title} (session {n} of {total})").format(title=title, n=number, total=planned)
    if number is not None:
        return _("{title} (session {n})").format(title=title, n=number)
    return title


def _event(
    row: _CalendarRow, domain: str, descriptions: dict[tuple[SessionMode, int], str]
) -> EventLines:
    """One session as its event; ``descriptions`` keeps the few distinct ones, each made once."""
    # The end is reckoned in UTC: wall-clock arithmetic would make a session that spans a
    # daylight-saving change an hour too long or too short.
    ends = row.starts_at + timedelta(minutes=row.duration_minutes)
    # Without a METHOD, DTSTAMP is the time of the last revision (RFC 5545, 3.8.7.2): the same
    # session exported twice gives the same event, and a changed one a newer SEQUENCE. The
    # title and "session 3 of 8" come from the client and the engagement, so their changes count.
    changed = max(
        row.updated_at, row.client_updated_at, row.engagement_updated_at or row.updated_at
    )
    how = (row.mode, row.duration_minutes)
    if how not in descriptions:
        descriptions[how] = _mode_words(*how)
    return EventLines(
        uid=session_uid(row.id, domain),
        summary=event_title(row.client_name, row.kind, row.sequence, row.planned_sessions),
        starts_at=row.starts_at,
        ends_at=ends,
        changed=changed,
        created=row.created_at,
        sequence=max(0, int((changed - row.created_at).total_seconds())),
        description=descriptions[how],
        location=row.location,
        url=row.location if row.location.startswith(("https://", "http://")) else "",
        status="CANCELLED" if row.status in CANCELLED else "CONFIRMED",
    )


def _mode_words(mode: SessionMode, minutes: int) -> str:
    return _("{mode}, {minutes} minutes").format(mode=words.label(mode), minutes=minutes)


def _rows(
    db: Session, client_id: int | None, lower: datetime, upper: datetime | None
) -> list[_CalendarRow]:
    s = CoachingSession
    query = (
        select(
            s.id,
            s.starts_at,
            s.duration_minutes,
            s.mode,
            s.location,
            s.status,
            s.sequence,
            s.created_at,
            s.updated_at,
            Client.updated_at,
            Engagement.updated_at,
            Client.display_name,
            Engagement.kind,
            Engagement.planned_sessions,
        )
        .join(Client, Client.id == s.client_id)
        .outerjoin(Engagement, Engagement.id == s.engagement_id)
        .where(s.starts_at >= lower)
        .order_by(s.starts_at, s.id)
    )
    if upper is not None:
        query = query.where(s.starts_at < upper)
    if client_id is not None:
        if db.get(Client, client_id) is None:
            raise ValidationError({"client": _("This client no longer exists.")})
        query = query.where(s.client_id == client_id)
    # Core rows, not the ORM's: a year is ten thousand of them. A row of more than ten typed
    # columns spreads wrongly in mypy (python/mypy#19692).
    return [_CalendarRow(*row) for row in db.connection().execute(query)]  # type: ignore[call-arg]


def _midnight(day: date, tz: ZoneInfo) -> datetime:
    return datetime.combine(day, time(0), tzinfo=tz).astimezone(UTC)


def _vault_id(db: Session) -> str:
    """The vault's id, read from the key file beside the database this session is bound to."""
    database = db.get_bind().engine.url.database
    if not database:
        raise ValidationError({"vault": _("This vault has no identity to name its events.")})
    return read_key_file(Path(database).parent).vault_id
