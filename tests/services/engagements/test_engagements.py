"""Engagements: the programme's rules, its status path, usage counts and the next session."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy.orm import Session

from coachdesk.errors import ValidationError
from coachdesk.model import Cadence, EngagementStatus, FeeModel, SessionMode, SessionStatus
from coachdesk.services.engagements import engagements
from coachdesk.services.engagements.engagements import EngagementFields
from coachdesk.services.people import profile, sponsors
from coachdesk.services.people.profile import ProfileFields
from coachdesk.services.people.sponsors import SponsorFields
from coachdesk.services.sessions import sessions
from tests.services.factories import at, client, engagement, session

E = EngagementStatus


def test_every_rule_names_its_field(db: Session) -> None:
    amara = client(db)
    bad = EngagementFields(
        client_id=amara,
        title=" ",
        start_date=date(2026, 5, 1),
        end_date=date(2026, 4, 1),
        planned_sessions=0,
        session_minutes=500,
        cadence=Cadence.CUSTOM,
        fee_amount=Decimal("99.999"),
        currency="eu",
        cancellation_notice_hours=721,
        sponsor_id=42,
    )
    with pytest.raises(ValidationError) as info:
        engagements.create_engagement(db, bad)
    assert set(info.value.fields) == {
        "title",
        "end_date",
        "planned_sessions",
        "session_minutes",
        "cadence_days",
        "fee_amount",
        "currency",
        "cancellation_notice_hours",
        "sponsor",
    }


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"start_date": None}, "start_date"),
        ({"cadence": Cadence.CUSTOM, "cadence_days": 400}, "cadence_days"),
        ({"fee_amount": Decimal("-1")}, "fee_amount"),
        ({"fee_model": FeeModel.PRO_BONO, "fee_amount": Decimal("100")}, "fee_amount"),
        ({"session_minutes": 10}, "session_minutes"),
    ],
)
def test_single_rules(db: Session, change: dict[str, object], field: str) -> None:
    data = EngagementFields(client_id=client(db), title="Career", start_date=date(2026, 1, 1))
    with pytest.raises(ValidationError) as info:
        engagements.create_engagement(db, replace(data, **change))  # type: ignore[arg-type]
    assert set(info.value.fields) == {field}


def test_defaults_come_from_the_profile_and_the_clients_sponsor(db: Session) -> None:
    profile.update_profile(
        db,
        ProfileFields(default_currency="GBP", default_session_minutes=90, default_fee=Decimal(250)),
    )
    acme = sponsors.create_sponsor(db, SponsorFields(name="Acme")).id
    fields = engagements.new_engagement_fields(db, client(db, sponsor_id=acme))
    assert (fields.currency, fields.session_minutes, fields.fee_amount) == ("GBP", 90, 250)
    assert fields.sponsor_id == acme


def test_round_trip_and_pro_bono_with_zero_fee(db: Session) -> None:
    data = EngagementFields(
        client_id=client(db),
        title="Mentoring",
        start_date=date(2026, 2, 1),
        fee_model=FeeModel.PRO_BONO,
        cadence=Cadence.CUSTOM,
        cadence_days=10,
    )
    saved = engagements.create_engagement(db, data)
    assert engagements.engagement_fields(db, saved.id) == data


def test_status_path(db: Session) -> None:
    e = engagement(db, client(db))
    engagements.change_status(db, e, E.PROPOSED)
    engagements.change_status(db, e, E.DRAFT)
    engagements.change_status(db, e, E.ACTIVE)
    for refused in (E.DRAFT, E.PROPOSED):
        with pytest.raises(ValidationError) as info:
            engagements.change_status(db, e, refused)
        assert "status" in info.value.fields
    engagements.change_status(db, e, E.ENDED_EARLY)
    with pytest.raises(ValidationError, match="cannot go from ended_early to active"):
        engagements.change_status(db, e, E.ACTIVE)
    assert engagements.allowed_transitions(E.DRAFT) == {E.PROPOSED, E.ACTIVE}


def test_update_checks_the_transition_and_keeps_the_client(db: Session) -> None:
    amara = client(db)
    e = engagement(db, amara)
    data = engagements.engagement_fields(db, e)
    with pytest.raises(ValidationError) as info:
        engagements.update_engagement(db, e, replace(data, status=E.COMPLETED))
    assert "status" in info.value.fields
    with pytest.raises(ValidationError) as info:
        engagements.update_engagement(db, e, replace(data, client_id=client(db, "Other")))
    assert "client" in info.value.fields
    engagements.update_engagement(db, e, replace(data, title="Renamed", status=E.ACTIVE))
    assert engagements.get_engagement(db, e).title == "Renamed"


def test_usage_counts_held_planned_and_remaining(db: Session) -> None:
    amara = client(db)
    e = engagement(db, amara, planned_sessions=6)
    ids = [session(db, amara, at(day), engagement_id=e) for day in (2, 9, 16, 23, 30)]
    sessions.set_status(db, ids[0], SessionStatus.COMPLETED)
    sessions.set_status(db, ids[1], SessionStatus.COMPLETED)
    sessions.set_status(db, ids[2], SessionStatus.CANCELLED)
    sessions.set_status(db, ids[3], SessionStatus.LATE_CANCEL)
    u = engagements.usage(db, e)
    assert (u.held, u.planned, u.scheduled) == (2, 6, 1)
    assert (u.cancelled, u.late_cancelled, u.no_shows) == (1, 1, 0)
    # The late cancellation used a place; the cancelled one did not.
    assert u.remaining == 3
    assert u.next_sequence == 5
    rows = engagements.list_engagements(db, amara)
    assert [(r.title, r.held, r.planned) for r in rows] == [("Leadership programme", 2, 6)]


def test_next_session_follows_the_cadence(db: Session) -> None:
    amara = client(db)
    weekly = engagement(db, amara, cadence=Cadence.WEEKLY, mode=SessionMode.PHONE)
    after = at(1)
    first = engagements.next_session_defaults(db, weekly, after)
    assert (first.starts_at, first.mode, first.duration) == (after, SessionMode.PHONE, 60)
    session(db, amara, at(3, 14), engagement_id=weekly)
    assert engagements.next_session_defaults(db, weekly, after).starts_at == at(10, 14)
    # Never suggests the past: whole steps forward from the last session.
    later = engagements.next_session_defaults(db, weekly, at(20)).starts_at
    assert later == at(24, 14)
    custom = engagement(db, amara, cadence=Cadence.CUSTOM, cadence_days=3)
    session(db, amara, at(3, 14), engagement_id=custom)
    assert engagements.next_session_defaults(db, custom, after).starts_at == at(6, 14)


def test_monthly_cadence_is_a_calendar_month(db: Session) -> None:
    amara = client(db)
    monthly = engagement(db, amara, cadence=Cadence.MONTHLY, start_date=date(2026, 1, 1))
    session(db, amara, datetime(2026, 1, 31, 9, tzinfo=UTC), engagement_id=monthly)
    suggested = engagements.next_session_defaults(db, monthly, datetime(2026, 2, 1, tzinfo=UTC))
    assert suggested.starts_at == datetime(2026, 2, 28, 9, tzinfo=UTC)
    assert engagements.add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert engagements.add_months(date(2026, 11, 15), 3) == date(2027, 2, 15)


def test_weekly_session_keeps_its_local_hour_across_daylight_saving(db: Session) -> None:
    profile.update_profile(db, ProfileFields(time_zone="Europe/Paris"))
    amara = client(db)
    weekly = engagement(db, amara, cadence=Cadence.WEEKLY)
    # 9:00 in Paris on 23 March 2026 (UTC+1); clocks go forward on 29 March.
    session(db, amara, datetime(2026, 3, 23, 8, tzinfo=UTC), engagement_id=weekly)
    suggested = engagements.next_session_defaults(db, weekly, at(24)).starts_at
    assert suggested == datetime(2026, 3, 30, 7, tzinfo=UTC)
    assert suggested - datetime(2026, 3, 23, 8, tzinfo=UTC) == timedelta(days=7, hours=-1)


def test_amounts_have_no_more_decimals_than_their_currency(db: Session) -> None:
    """A yen fee with cents would print rounded: the stored and printed amounts must agree."""
    from decimal import Decimal

    from coachdesk.services.engagements import engagements as eng
    from coachdesk.services.engagements.engagements import EngagementFields
    from tests.services.factories import client as make_client

    who = make_client(db)
    base = {"client_id": who, "title": "T", "start_date": date(2026, 3, 1)}
    with pytest.raises(ValidationError, match="JPY amounts have no decimals"):
        eng.create_engagement(
            db, EngagementFields(**base, fee_amount=Decimal("15000.50"), currency="JPY")
        )
    eng.create_engagement(db, EngagementFields(**base, fee_amount=Decimal("15000"), currency="JPY"))
    eng.create_engagement(
        db, EngagementFields(**base, fee_amount=Decimal("12.345"), currency="KWD")
    )
