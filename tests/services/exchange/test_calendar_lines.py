"""The events written in bulk are byte for byte what icalendar itself writes for them."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar, Event
from sqlalchemy.orm import Session

from coachdesk.model import SessionStatus
from coachdesk.services.exchange.calendar_export import calendar_ics
from coachdesk.services.exchange.calendar_lines import EventLines, write_calendar
from coachdesk.services.people import profile
from coachdesk.services.sessions import sessions
from tests.services import factories

BERLIN = ZoneInfo("Europe/Berlin")
CREATED = datetime(2026, 1, 2, 8, 15, 30, 123456, tzinfo=UTC)
# Escaped characters, a line long enough to fold, letters of two and three octets.
LONG_NAME = "Łukasz Żółć-Nguyễn Thị Minh Khai, Ph.D.; \\ Backslash Ångström Ōtsuka 東京"


def header() -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", "-//Test//EN")
    calendar.add("version", "2.0")
    return calendar


def sample(n: int, **values: object) -> EventLines:
    fields: dict[str, object] = {
        "uid": f"session-{n}@ns.coachdesk",
        "summary": f"Coaching with {LONG_NAME} (session {n} of 8)",
        "starts_at": datetime(2026, 3, 29, 0, 30, tzinfo=UTC) + timedelta(days=n),
        "ends_at": datetime(2026, 3, 29, 2, 0, tzinfo=UTC) + timedelta(days=n),
        "changed": CREATED + timedelta(hours=n),
        "created": CREATED,
        "sequence": 3600 * n,
        "description": "Video call, 90 minutes",
        "location": "",
        "url": "",
        "status": "CONFIRMED",
        **values,
    }
    return EventLines(**fields)  # type: ignore[arg-type]


def library_calendar(events: list[EventLines], tz: ZoneInfo) -> bytes:
    """The same events made and written the library's own way."""
    calendar = header()
    for lines in events:
        event = Event()
        event.add("uid", lines.uid)
        event.add("summary", lines.summary)
        event.add("dtstart", lines.starts_at.astimezone(tz))
        event.add("dtend", lines.ends_at.astimezone(tz))
        event.add("dtstamp", lines.changed)
        event.add("created", lines.created)
        event.add("last-modified", lines.changed)
        event.add("sequence", lines.sequence)
        event.add("status", lines.status)
        event.add("transp", "OPAQUE")
        event.add("class", "PRIVATE")
        event.add("description", lines.description)
        if lines.location:
            event.add("location", lines.location)
        if lines.url:
            event.add("url", lines.url)
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()


@pytest.mark.parametrize("zone", ["Europe/Berlin", "UTC", "America/St_Johns"])
def test_events_are_written_as_icalendar_writes_them(zone: str) -> None:
    tz = ZoneInfo(zone)
    events = [
        sample(1),
        sample(2, location="Room 4, Hill St; second floor", status="CANCELLED"),
        sample(
            3,
            location="https://meet.example.org/" + "x" * 80,
            url="https://meet.example.org/" + "x" * 80,
        ),
        sample(4, summary="Coaching with Bo", description="In person, 60 minutes"),
    ]
    assert write_calendar(header(), events, tz) == library_calendar(events, tz)


def test_an_empty_calendar_has_no_time_zone() -> None:
    assert write_calendar(header(), [], BERLIN) == library_calendar([], BERLIN)
    assert b"VTIMEZONE" not in write_calendar(header(), [], BERLIN)


def test_a_practice_calendar_reads_back_and_writes_the_same_bytes(db: Session) -> None:
    profile.update_profile(db, profile.ProfileFields(name="Coach", time_zone="Europe/Berlin"))
    amara = factories.client(db, LONG_NAME)
    engagement = factories.engagement(db, amara, start_date=date(2026, 1, 1))
    factories.session(
        db, amara, datetime(2026, 3, 29, 1, 30, tzinfo=BERLIN), engagement_id=engagement
    )
    dropped = factories.session(
        db, amara, datetime(2026, 4, 2, 9, 30, tzinfo=BERLIN), location="https://meet.example.org/a"
    )
    sessions.set_status(db, dropped, SessionStatus.CANCELLED)
    ics = calendar_ics(db, start=date(2026, 1, 1), end=date(2026, 12, 31))
    assert ics.count(b"BEGIN:VEVENT") == 2
    assert Calendar.from_ical(ics).to_ical() == ics
