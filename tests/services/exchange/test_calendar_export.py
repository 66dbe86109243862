"""Sessions as .ics: read back with icalendar, in the coach's and a client's time zone."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar, Event
from sqlalchemy.orm import Session

from coachdesk.errors import ValidationError
from coachdesk.model import Engagement, SessionStatus
from coachdesk.services.exchange.archive import export_practice, import_practice
from coachdesk.services.exchange.calendar_export import calendar_ics, ensure_calendar_namespace
from coachdesk.services.people import clients, profile
from coachdesk.services.sessions import sessions
from coachdesk.vault import Vault
from tests.services import factories
from tests.services.archive_samples import new_vault

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 1, 10, 12, 0, tzinfo=UTC)
MARKER = "ZEBRA-7731"


@pytest.fixture
def berlin(db: Session) -> Session:
    profile.update_profile(db, profile.ProfileFields(name="Coach", time_zone="Europe/Berlin"))
    return db


def events(ics: bytes) -> dict[str, Event]:
    calendar = Calendar.from_ical(ics)
    return {str(e["summary"]): e for e in calendar.walk("VEVENT")}


def instant(event: Event, name: str) -> datetime:
    return event.decoded(name)


def test_times_are_right_in_the_coach_and_the_client_zone(berlin: Session) -> None:
    amara = factories.client(berlin, time_zone="America/New_York")
    # 09:30 in Berlin in winter is 08:30 UTC, and 03:30 where the client lives.
    factories.session(berlin, amara, datetime(2026, 1, 15, 9, 30, tzinfo=BERLIN))
    ics = calendar_ics(berlin, now=NOW)
    event = events(ics)["Coaching with Amara Okafor"]
    start = instant(event, "dtstart")
    assert event["dtstart"].params["TZID"] == "Europe/Berlin"
    assert start.astimezone(UTC) == datetime(2026, 1, 15, 8, 30, tzinfo=UTC)
    client_zone = ZoneInfo(clients.get_client(berlin, amara).time_zone)
    assert start.astimezone(client_zone).strftime("%H:%M") == "03:30"
    assert instant(event, "dtend") - start == timedelta(minutes=60)
    zones = [str(tz["tzid"]) for tz in Calendar.from_ical(ics).walk("VTIMEZONE")]
    assert zones == ["Europe/Berlin"]


def test_a_session_across_the_dst_change_keeps_its_real_length(berlin: Session) -> None:
    amara = factories.client(berlin)
    # Clocks go forward at 02:00 on 29 March 2026: 01:30 CET plus 90 minutes is 04:00 CEST.
    factories.session(
        berlin, amara, datetime(2026, 3, 29, 1, 30, tzinfo=BERLIN), duration_minutes=90
    )
    # The same wall-clock time one week apart is an hour apart in UTC.
    factories.session(berlin, amara, datetime(2026, 3, 26, 9, 30, tzinfo=BERLIN))
    factories.session(berlin, amara, datetime(2026, 4, 2, 9, 30, tzinfo=BERLIN))
    calendar = Calendar.from_ical(calendar_ics(berlin, start=date(2026, 3, 1), now=NOW))
    starts = sorted(
        (e.decoded("dtstart").astimezone(UTC), e.decoded("dtend").astimezone(UTC))
        for e in calendar.walk("VEVENT")
    )
    assert starts == [
        (datetime(2026, 3, 26, 8, 30, tzinfo=UTC), datetime(2026, 3, 26, 9, 30, tzinfo=UTC)),
        (datetime(2026, 3, 29, 0, 30, tzinfo=UTC), datetime(2026, 3, 29, 2, 0, tzinfo=UTC)),
        (datetime(2026, 4, 2, 7, 30, tzinfo=UTC), datetime(2026, 4, 2, 8, 30, tzinfo=UTC)),
    ]
    dst_event = next(
        e for e in calendar.walk("VEVENT") if e.decoded("dtstart").astimezone(UTC).day == 29
    )
    assert dst_event.decoded("dtend").astimezone(BERLIN).strftime("%H:%M") == "04:00"


def test_uids_are_stable_and_name_the_vault(berlin: Session, open_vault: Vault) -> None:
    amara = factories.client(berlin)
    first = factories.session(berlin, amara, datetime(2026, 1, 15, 9, 30, tzinfo=BERLIN))
    second = factories.session(berlin, amara, datetime(2026, 1, 22, 9, 30, tzinfo=BERLIN))
    once = calendar_ics(berlin, now=NOW)
    sessions.reschedule(berlin, second, datetime(2026, 1, 23, 10, 0, tzinfo=BERLIN))
    again = calendar_ics(berlin, now=NOW)
    uids = [str(e["uid"]) for e in Calendar.from_ical(again).walk("VEVENT")]
    assert uids == [
        f"session-{first}@{open_vault.vault_id}.coachdesk",
        f"session-{second}@{open_vault.vault_id}.coachdesk",
    ]
    assert [str(e["uid"]) for e in Calendar.from_ical(once).walk("VEVENT")] == uids
    moved = Calendar.from_ical(again).walk("VEVENT")[1]
    assert moved.decoded("dtstart").astimezone(UTC) == datetime(2026, 1, 23, 9, 0, tzinfo=UTC)


def test_sequence_and_last_modified_follow_the_last_change(berlin: Session) -> None:
    amara = factories.client(berlin)
    session_id = factories.session(berlin, amara, datetime(2026, 1, 15, 9, 30, tzinfo=BERLIN))
    row = sessions.load_session(berlin, session_id)
    row.updated_at = row.created_at + timedelta(hours=1)
    berlin.flush()
    event = Calendar.from_ical(calendar_ics(berlin, now=NOW)).walk("VEVENT")[0]
    assert int(event["sequence"]) == 3600
    changed = (row.created_at + timedelta(hours=1)).replace(microsecond=0)
    assert event.decoded("last-modified") == changed
    assert event.decoded("dtstamp") == event.decoded("last-modified")


def test_no_note_text_ever_reaches_the_calendar(berlin: Session) -> None:
    amara = factories.client(berlin)
    factories.session(
        berlin,
        amara,
        datetime(2026, 1, 15, 9, 30, tzinfo=BERLIN),
        agenda=f"agenda {MARKER}",
        shared_notes=f"shared {MARKER}",
        private_notes=f"private {MARKER}",
        location="https://meet.example.org/amara",
    )
    ics = calendar_ics(berlin, now=NOW)
    assert MARKER.encode() not in ics
    event = events(ics)["Coaching with Amara Okafor"]
    assert str(event["location"]) == "https://meet.example.org/amara"
    assert str(event["url"]) == "https://meet.example.org/amara"


def test_cancelled_sessions_tell_the_calendar_to_remove_them(berlin: Session) -> None:
    amara = factories.client(berlin)
    kept = factories.session(berlin, amara, datetime(2026, 1, 15, 9, 30, tzinfo=BERLIN))
    dropped = factories.session(berlin, amara, datetime(2026, 1, 22, 9, 30, tzinfo=BERLIN))
    sessions.set_status(berlin, dropped, SessionStatus.CANCELLED)
    by_uid = {
        str(e["uid"]).split("@")[0]: str(e["status"])
        for e in Calendar.from_ical(calendar_ics(berlin, now=NOW)).walk("VEVENT")
    }
    assert by_uid == {f"session-{kept}": "CONFIRMED", f"session-{dropped}": "CANCELLED"}


def test_titles_count_sessions_and_filters_choose_them(berlin: Session) -> None:
    amara = factories.client(berlin)
    other = factories.client(berlin, "Bo Lindqvist")
    engagement = factories.engagement(berlin, amara, start_date=date(2026, 1, 1))
    factories.session(berlin, amara, datetime(2025, 12, 1, 9, 30, tzinfo=BERLIN))
    factories.session(
        berlin, amara, datetime(2026, 1, 15, 9, 30, tzinfo=BERLIN), engagement_id=engagement
    )
    factories.session(berlin, other, datetime(2026, 1, 16, 9, 30, tzinfo=BERLIN))
    upcoming = sorted(events(calendar_ics(berlin, now=NOW)))
    assert upcoming == ["Coaching with Amara Okafor (session 1 of 8)", "Coaching with Bo Lindqvist"]
    only_bo = events(calendar_ics(berlin, client_id=other, now=NOW))
    assert list(only_bo) == ["Coaching with Bo Lindqvist"]
    december = events(calendar_ics(berlin, start=date(2025, 12, 1), end=date(2025, 12, 31)))
    assert list(december) == ["Coaching with Amara Okafor"]


def test_an_end_before_the_start_names_the_field(berlin: Session) -> None:
    with pytest.raises(ValidationError) as caught:
        calendar_ics(berlin, start=date(2026, 2, 1), end=date(2026, 1, 1))
    assert set(caught.value.fields) == {"end"}


def uids_of(ics: bytes) -> list[str]:
    return [str(e["uid"]) for e in Calendar.from_ical(ics).walk("VEVENT")]


def test_the_uid_namespace_is_kept_once_and_moves_with_the_practice(
    berlin: Session, open_vault: Vault, tmp_path: Path
) -> None:
    amara = factories.client(berlin)
    factories.session(berlin, amara, datetime(2026, 1, 15, 9, 30, tzinfo=BERLIN))
    before = uids_of(calendar_ics(berlin, now=NOW))
    # Stored as the vault id the events already carry, so nothing in a calendar changes.
    assert ensure_calendar_namespace(berlin) == open_vault.vault_id
    assert ensure_calendar_namespace(berlin) == open_vault.vault_id
    assert uids_of(calendar_ics(berlin, now=NOW)) == before
    archive = tmp_path / "practice.zip"
    export_practice(berlin, archive)
    moved = new_vault(tmp_path / "new")
    try:
        with moved.session() as db, db.begin():
            import_practice(db, archive)
        with moved.session() as db:
            assert uids_of(calendar_ics(db, now=NOW)) == before
        assert moved.vault_id != open_vault.vault_id
    finally:
        moved.close()


def test_a_renamed_client_or_a_changed_engagement_updates_the_event(berlin: Session) -> None:
    amara = factories.client(berlin)
    engagement = factories.engagement(berlin, amara, start_date=date(2026, 1, 1))
    session_id = factories.session(
        berlin, amara, datetime(2026, 1, 15, 9, 30, tzinfo=BERLIN), engagement_id=engagement
    )
    created = sessions.load_session(berlin, session_id).created_at

    def event() -> Event:
        return Calendar.from_ical(calendar_ics(berlin, now=NOW)).walk("VEVENT")[0]

    first = int(event()["sequence"])
    client = clients.get_client(berlin, amara)
    clients.update_client(berlin, amara, clients.ClientFields(display_name="Amara Mensah"))
    client.updated_at = created + timedelta(hours=2)
    berlin.flush()
    renamed = event()
    assert str(renamed["summary"]) == "Coaching with Amara Mensah (session 1 of 8)"
    assert int(renamed["sequence"]) == 7200 > first
    assert renamed.decoded("dtstamp") == (created + timedelta(hours=2)).replace(microsecond=0)
    assert renamed.decoded("last-modified") == renamed.decoded("dtstamp")
    berlin.get(Engagement, engagement).updated_at = created + timedelta(hours=3)
    berlin.flush()
    assert int(event()["sequence"]) == 10800
