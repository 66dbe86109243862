"""Group engagements: participants, attendance, each participant's history, and erasing one."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coachdesk.errors import ValidationError
from coachdesk.model import CoachingSession, Engagement, SessionAttendance, SessionKind
from coachdesk.services.engagements import engagements, groups
from coachdesk.services.engagements.engagements import EngagementFields
from coachdesk.services.people import erasure
from coachdesk.services.sessions import notes, sessions
from coachdesk.services.sessions.notes import NotesInput
from coachdesk.vault import Vault
from tests.services.factories import at, client, session


def team(db: Session) -> tuple[int, list[int]]:
    people = [client(db, name) for name in ("Ada Lead", "Ben Two", "Cy Three", "Di Four")]
    data = EngagementFields(
        client_id=people[0], title="Team", start_date=date(2026, 3, 1), is_group=True
    )
    return engagements.create_engagement(db, data, people[1:]).id, people


def test_a_group_session_expects_every_participant_and_records_who_came(db: Session) -> None:
    engagement_id, people = team(db)
    assert groups.participants(db, engagement_id) == people
    held = session(db, people[0], at(10), engagement_id=engagement_id)
    assert groups.attendance(db, held) == dict.fromkeys(people)
    notes.record_notes(
        db,
        held,
        NotesInput(
            shared_notes="We agreed team norms.", attendance={people[1]: True, people[2]: False}
        ),
    )
    assert groups.attendance(db, held) == {
        people[0]: None,
        people[1]: True,
        people[2]: False,
        people[3]: None,
    }


def test_the_group_session_is_in_each_participant_history_but_not_an_absentees(
    db: Session,
) -> None:
    engagement_id, people = team(db)
    held = session(db, people[1], at(10), engagement_id=engagement_id)  # booked from Ben's page
    assert sessions.get_session(db, held).client_id == people[0]  # the group's, under Ada
    groups.record_attendance(db, held, {people[3]: False})
    for person in people[:3]:
        assert [r.id for r in sessions.list_sessions(db, client_id=person)] == [held]
    assert sessions.list_sessions(db, client_id=people[3]) == []


def test_an_outsider_cannot_be_marked_or_booked_into_the_group(db: Session) -> None:
    engagement_id, people = team(db)
    outsider = client(db, "Eve Outside")
    held = session(db, people[0], at(10), engagement_id=engagement_id)
    with pytest.raises(ValidationError) as refused:
        notes.record_notes(db, held, NotesInput(attendance={outsider: True}))
    assert "attendance" in refused.value.fields
    with pytest.raises(ValidationError) as refused:
        session(db, outsider, at(11), engagement_id=engagement_id)
    assert "engagement" in refused.value.fields


def test_participants_need_a_group_of_at_least_two(db: Session) -> None:
    solo, other = client(db, "Solo"), client(db, "Other")
    one = EngagementFields(
        client_id=solo, title="Alone", start_date=date(2026, 3, 1), is_group=True
    )
    with pytest.raises(ValidationError) as refused:
        engagements.create_engagement(db, one)
    assert "participant" in refused.value.fields
    plain = EngagementFields(client_id=solo, title="Plain", start_date=date(2026, 3, 1))
    with pytest.raises(ValidationError) as refused:
        engagements.create_engagement(db, plain, [other])
    assert refused.value.fields["participant"] == "Only a group engagement has participants."


def test_erasing_one_participant_leaves_the_group_session_for_the_others(
    open_vault: Vault,
) -> None:
    with open_vault.session() as db, db.begin():
        engagement_id, people = team(db)
        held = session(db, people[0], at(10), engagement_id=engagement_id)
        own = session(db, people[0], at(12))  # Ada's individual session goes with her
    erasure.erase_client(open_vault.engine, people[0])
    with open_vault.session() as db:
        assert db.get(CoachingSession, own) is None
        kept = db.get(CoachingSession, held)
        assert kept is not None
        assert kept.client_id == people[1]
        assert db.get(Engagement, engagement_id).client_id == people[1]
        assert groups.participants(db, engagement_id) == people[1:]
        assert db.scalar(select(func.count()).where(SessionAttendance.client_id == people[0])) == 0
        for person in people[1:]:
            assert [r.id for r in sessions.list_sessions(db, client_id=person)] == [held]


def test_a_member_sees_the_group_engagement_only_when_asked_and_can_be_swapped(
    db: Session,
) -> None:
    engagement_id, people = team(db)
    assert engagements.list_engagements(db, people[1]) == []
    listed = engagements.list_engagements(db, people[1], with_groups=True)
    assert [r.id for r in listed] == [engagement_id]
    data = engagements.engagement_fields(db, engagement_id)
    engagements.update_engagement(db, engagement_id, data, [people[2]])
    assert groups.participants(db, engagement_id) == [people[0], people[2]]
    assert engagements.list_engagements(db, people[1], with_groups=True) == []


def test_the_notes_override_pro_bono_and_the_kind_of_a_session(db: Session) -> None:
    engagement_id, people = team(db)
    held = session(db, people[0], at(10), engagement_id=engagement_id)
    notes.record_notes(db, held, NotesInput(actual_minutes=50, pro_bono=True))
    stored = db.get(CoachingSession, held)
    assert (stored.actual_minutes, stored.pro_bono, stored.kind.value) == (50, True, "coaching")
    notes.record_notes(db, held, NotesInput(kind=SessionKind.SUPERVISION))
    assert (stored.pro_bono, stored.kind) == (True, SessionKind.SUPERVISION)
