"""Sessions: booking rules, status changes, rescheduling, "session 4 of 8", and the lists."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal

import pytest
from sqlalchemy.orm import Session

from coachdesk.errors import ValidationError
from coachdesk.model import NoteTemplate, SessionMode, SessionStatus
from coachdesk.services.people import profile
from coachdesk.services.people.profile import ProfileFields
from coachdesk.services.sessions import sessions
from coachdesk.services.sessions.sessions import SessionFields
from tests.services.factories import at, client, engagement, session

S = SessionStatus


def sequences(db: Session, ids: list[int]) -> list[int | None]:
    return [sessions.get_session(db, i).sequence for i in ids]


def test_every_rule_names_its_field(db: Session) -> None:
    amara, other = client(db), client(db, "Other")
    theirs = engagement(db, other)
    bad = SessionFields(
        amara,
        datetime(2026, 3, 2, 9),  # naive: no time zone
        engagement_id=theirs,
        duration_minutes=4,
        feedback_score=6,
        fee_charged=Decimal("10.001"),
    )
    with pytest.raises(ValidationError) as info:
        sessions.schedule_session(db, bad)
    assert set(info.value.fields) == {
        "starts_at",
        "engagement",
        "duration_minutes",
        "feedback_score",
        "fee_charged",
    }
    with pytest.raises(ValidationError) as info:
        sessions.schedule_session(db, replace(bad, starts_at=at(2), engagement_id=999))
    assert info.value.fields["engagement"] == "That engagement does not exist."
    with pytest.raises(ValidationError) as info:
        sessions.schedule_session(db, SessionFields(amara, at(2), duration_minutes=481))
    assert set(info.value.fields) == {"duration_minutes"}


def test_defaults_come_from_the_engagement_or_the_profile(db: Session) -> None:
    profile.update_profile(
        db, ProfileFields(default_session_minutes=50, note_template=NoteTemplate.OSCAR)
    )
    amara = client(db)
    e = engagement(db, amara, session_minutes=90, mode=SessionMode.IN_PERSON, location="Office")
    with_engagement = sessions.get_session(db, session(db, amara, at(2), engagement_id=e))
    assert (with_engagement.duration_minutes, with_engagement.mode) == (90, SessionMode.IN_PERSON)
    assert with_engagement.location == "Office"
    alone = sessions.get_session(db, session(db, amara, at(3)))
    assert (alone.duration_minutes, alone.mode, alone.location) == (50, SessionMode.VIDEO, "")
    assert alone.note_template == NoteTemplate.OSCAR
    assert alone.sequence is None


def test_outside_the_engagement_dates_is_a_warning(db: Session) -> None:
    amara = client(db)
    e = engagement(db, amara, start_date=date(2026, 3, 1), end_date=date(2026, 3, 31))
    inside = sessions.schedule_session(db, SessionFields(amara, at(15), engagement_id=e))
    assert inside.warnings == []
    after = sessions.schedule_session(db, SessionFields(amara, at(2, month=4), engagement_id=e))
    assert after.warnings == ["This session is outside the dates of its engagement."]
    moved = sessions.reschedule(db, inside.id, at(20, month=2))
    assert moved.warnings == ["This session is outside the dates of its engagement."]


def test_status_transitions(db: Session) -> None:
    s = session(db, client(db), at(2))
    sessions.set_status(db, s, S.NO_SHOW)
    sessions.set_status(db, s, S.SCHEDULED)
    sessions.set_status(db, s, S.COMPLETED)
    for refused in (S.SCHEDULED, S.CANCELLED):
        with pytest.raises(ValidationError) as info:
            sessions.set_status(db, s, refused)
        assert "status" in info.value.fields
    with pytest.raises(ValidationError) as info:
        sessions.reschedule(db, s, at(9))
    assert "status" in info.value.fields
    assert sessions.get_session(db, s).starts_at == at(2)


def test_reschedule_books_a_cancelled_session_again(db: Session) -> None:
    s = session(db, client(db), at(2))
    sessions.set_status(db, s, S.CANCELLED)
    sessions.reschedule(db, s, at(5, 16))
    detail = sessions.get_session(db, s)
    assert (detail.status, detail.starts_at) == (S.SCHEDULED, at(5, 16))
    with pytest.raises(ValidationError) as info:
        sessions.reschedule(db, s, datetime(2026, 3, 6, 9))
    assert "starts_at" in info.value.fields


def test_session_4_of_8_stays_true_after_add_move_and_cancel(db: Session) -> None:
    amara = client(db)
    e = engagement(db, amara, planned_sessions=8)
    ids = [session(db, amara, at(day), engagement_id=e) for day in (2, 9, 16, 23)]
    assert sequences(db, ids) == [1, 2, 3, 4]
    early = session(db, amara, at(5), engagement_id=e)
    assert sequences(db, [*ids, early]) == [1, 3, 4, 5, 2]
    sessions.set_status(db, early, S.CANCELLED)
    assert sequences(db, [*ids, early]) == [1, 2, 3, 4, None]
    # A late cancellation still takes its place in the programme.
    sessions.set_status(db, ids[1], S.LATE_CANCEL)
    assert sequences(db, ids) == [1, 2, 3, 4]
    sessions.reschedule(db, ids[0], at(30))
    assert sequences(db, ids) == [4, 1, 2, 3]
    sessions.reschedule(db, early, at(1))
    assert sequences(db, [*ids, early]) == [5, 2, 3, 4, 1]
    row = next(r for r in sessions.list_sessions(db, amara) if r.id == ids[3])
    assert (row.sequence, row.planned) == (4, 8)


def test_moving_a_session_between_engagements_renumbers_both(db: Session) -> None:
    amara = client(db)
    first, second = engagement(db, amara), engagement(db, amara, title="Second")
    a = session(db, amara, at(2), engagement_id=first)
    b = session(db, amara, at(9), engagement_id=first)
    c = session(db, amara, at(3), engagement_id=second)
    data = sessions.session_fields(db, a)
    sessions.update_session(db, a, replace(data, engagement_id=second))
    assert sequences(db, [a, b, c]) == [1, 1, 2]


def test_update_round_trip_and_refusals(db: Session) -> None:
    amara = client(db)
    s = session(db, amara, at(2), agenda="Delegation")
    data = sessions.session_fields(db, s)
    assert (data.agenda, data.duration_minutes) == ("Delegation", 60)
    changed = replace(data, shared_notes="Talked", status=S.COMPLETED, feedback_score=5)
    sessions.update_session(db, s, changed)
    assert sessions.session_fields(db, s) == changed
    with pytest.raises(ValidationError) as info:
        sessions.update_session(db, s, replace(changed, status=S.SCHEDULED))
    assert "status" in info.value.fields
    with pytest.raises(ValidationError) as info:
        sessions.update_session(db, s, replace(changed, client_id=client(db, "B")))
    assert "client" in info.value.fields


def test_list_filters_by_client_dates_and_status(db: Session) -> None:
    amara, ben = client(db), client(db, "Ben Adeyemi")
    e = engagement(db, amara, planned_sessions=4)
    a1 = session(db, amara, at(2), engagement_id=e, shared_notes="notes")
    a2 = session(db, amara, at(9))
    b1 = session(db, ben, at(5))
    sessions.set_status(db, b1, S.COMPLETED)
    assert [r.id for r in sessions.list_sessions(db)] == [a1, b1, a2]
    assert [r.id for r in sessions.list_sessions(db, amara, newest_first=True)] == [a2, a1]
    assert [r.id for r in sessions.list_sessions(db, start=at(3), end=at(9))] == [b1]
    assert [r.id for r in sessions.list_sessions(db, status=S.COMPLETED)] == [b1]
    first = sessions.list_sessions(db, amara)[0]
    assert (first.client_name, first.engagement_title, first.has_notes) == (
        "Amara Okafor",
        "Leadership programme",
        True,
    )
    assert sessions.list_sessions(db, amara)[1].has_notes is False


def test_unknown_session_is_a_validation_error(db: Session) -> None:
    with pytest.raises(ValidationError) as info:
        sessions.get_session(db, 12345)
    assert "session" in info.value.fields


def test_whitespace_alone_is_not_notes_in_the_list_or_on_today(db: Session) -> None:
    """One rule for "has notes": the list and Today's "notes missing" must agree."""
    from datetime import UTC, timedelta
    from zoneinfo import ZoneInfo

    from coachdesk.services.overviews.today import today

    who = client(db)
    now = datetime.now(UTC)
    blank = session(db, who, now - timedelta(days=1), shared_notes=" \n\t ")
    written = session(db, who, now - timedelta(days=2), shared_notes="Goal\nDelegate")
    rows = {r.id: r.has_notes for r in sessions.list_sessions(db, client_id=who)}
    assert rows == {blank: False, written: True}
    missing = [r.id for r in today(db, now, ZoneInfo("UTC")).notes_missing]
    assert missing == [blank]
