"""Retention review: who is past the practice's period, and keeping a client on purpose."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy.orm import Session

from coachdesk.errors import ValidationError
from coachdesk.model import Client, EngagementStatus
from coachdesk.services.people import profile
from coachdesk.services.rights import retention
from tests.services.factories import client, engagement, session

TODAY = date(2026, 12, 4)


def test_the_review_lists_clients_whose_period_has_passed(db: Session) -> None:
    fields = profile.profile_fields(db)
    fields.retention_years = 5
    profile.update_profile(db, fields)
    old = client(db, "Old Engagement")
    engagement(
        db,
        old,
        start_date=date(2020, 1, 1),
        end_date=date(2021, 6, 30),
        status=EngagementStatus.COMPLETED,
    )
    session(db, old, datetime(2021, 6, 1, 9, tzinfo=UTC))
    late_session = client(db, "Late Session")
    engagement(
        db,
        late_session,
        start_date=date(2020, 1, 1),
        end_date=date(2021, 1, 31),
        status=EngagementStatus.COMPLETED,
    )
    session(db, late_session, datetime(2022, 3, 1, 9, tzinfo=UTC))
    recent = client(db, "Recent")
    session(db, recent, datetime(2024, 3, 1, 9, tzinfo=UTC))
    kept = client(db, "Kept On Purpose")
    session(db, kept, datetime(2020, 3, 1, 9, tzinfo=UTC))
    retention.keep_client(db, kept, date(2027, 6, 30), "A complaint is open.", TODAY)
    gone = client(db, "Already Anonymised")
    session(db, gone, datetime(2019, 3, 1, 9, tzinfo=UTC))
    db.get(Client, gone).anonymised_on = date(2026, 1, 1)  # type: ignore[union-attr]

    rows = retention.retention_review(db, TODAY)
    assert [(r.name, r.last_activity, r.review_due) for r in rows] == [
        ("Old Engagement", date(2021, 6, 30), date(2026, 6, 30))
    ]
    assert retention.retention_review(db, date(2027, 3, 2))[1].name == "Late Session"
    names = [r.name for r in retention.retention_review(db, date(2027, 7, 1))]
    assert names == ["Kept On Purpose", "Old Engagement", "Late Session"]


def test_a_running_engagement_is_never_up_for_review(db: Session) -> None:
    who = client(db, "Still Coaching")
    engagement(db, who, start_date=date(2010, 1, 1), end_date=None, status=EngagementStatus.ACTIVE)
    session(db, who, datetime(2012, 3, 1, 9, tzinfo=UTC))
    assert retention.retention_review(db, TODAY) == []


def test_keeping_names_the_fields_it_needs(db: Session) -> None:
    who = client(db, "Zoë Okafor")
    with pytest.raises(ValidationError) as info:
        retention.keep_client(db, who, TODAY, " ", TODAY)
    assert set(info.value.fields) == {"reason", "until"}
    assert db.get(Client, who).retain_until is None  # type: ignore[union-attr]


def test_the_profile_keeps_its_retention_years_within_bounds(db: Session) -> None:
    fields = profile.profile_fields(db)
    assert fields.retention_years == 7
    fields.retention_years = 0
    with pytest.raises(ValidationError) as info:
        profile.update_profile(db, fields)
    assert set(info.value.fields) == {"retention_years"}
