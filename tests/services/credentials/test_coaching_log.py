"""The ICF client coaching log of a hand-built practice equals the log computed by hand."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy.orm import Session

from coachdesk.model import EngagementKind
from coachdesk.services.credentials.coaching_log import (
    coaching_log,
    hours,
    log_sessions,
    log_totals,
)
from coachdesk.services.engagements import engagements
from coachdesk.services.engagements.engagements import EngagementFields
from coachdesk.services.people import clients
from tests.services.credentials import practice
from tests.services.credentials.practice import EXPECTED_ROWS, EXPECTED_TOTALS, TODAY
from tests.services.factories import session


def _as_list(row) -> list:
    return [
        row.name,
        row.contact,
        "Group" if row.group else "Individual",
        row.group_size,
        row.start,
        row.end,
        row.paid_hours,
        row.pro_bono_hours,
    ]


def test_the_log_has_the_hand_computed_rows_and_totals(db: Session) -> None:
    practice.build(db)
    log = coaching_log(db, today=TODAY)
    assert [_as_list(r) for r in log.rows] == EXPECTED_ROWS
    totals = log.totals
    assert {name: getattr(totals, name) for name in EXPECTED_TOTALS} == EXPECTED_TOTALS
    assert totals.left_off == 1  # Nora, who did not consent


def test_the_totals_alone_equal_the_logs(db: Session) -> None:
    practice.build(db)
    totals, training_start = log_totals(db, TODAY)
    log = coaching_log(db, today=TODAY)
    assert (totals, training_start) == (log.totals, log.training_start)
    assert {name: getattr(totals, name) for name in EXPECTED_TOTALS} == EXPECTED_TOTALS


def test_half_an_hour_is_half_an_hour() -> None:
    assert (hours(30), hours(45), hours(60), hours(0)) == (
        Decimal("0.50"),
        Decimal("0.75"),
        Decimal("1.00"),
        Decimal("0.00"),
    )


def test_dates_narrow_the_log_and_never_reach_before_the_training_start(db: Session) -> None:
    practice.build(db)
    log = coaching_log(db, start=date(2026, 3, 1), end=date(2026, 3, 31), today=TODAY)
    assert [(r.name, r.paid_hours, r.start, r.end) for r in log.rows] == [
        ("Ines Paid", Decimal("3.75"), date(2026, 3, 2), date(2026, 3, 23))
    ]
    everything = coaching_log(db, start=date(2000, 1, 1), today=TODAY)
    assert everything.rows[0].start == date(2024, 9, 10)  # the 2024-05-15 session stays out


def test_consent_given_later_puts_the_client_on_the_log(db: Session) -> None:
    ids = practice.build(db)
    data = clients.client_fields(db, ids["nora"])
    data.log_consent = True
    clients.update_client(db, ids["nora"], data)
    log = coaching_log(db, today=TODAY)
    assert "Nora Private" in [r.name for r in log.rows]
    assert log.totals.clients == EXPECTED_TOTALS["clients"] + 1
    assert log.totals.left_off == 0


def test_the_drill_down_lists_each_counted_session_without_notes(db: Session) -> None:
    practice.build(db)
    log = coaching_log(db, today=TODAY)
    sessions = log_sessions(db, log)
    assert len(sessions) == 5 + 2 + 3 + 1  # Ines, the group of 4, Pablo, the confidential one
    assert sum(s.minutes for s in sessions) == 555 + 120
    short = next(s for s in sessions if s.minutes == 45)
    assert (short.name, short.pro_bono, short.group) == ("Ines Paid", False, False)
    group = [s for s in sessions if s.group]
    assert [(s.name, s.group_size, s.minutes) for s in group] == [("Gina Group", 4, 90)] * 2


def test_sessions_of_a_mentoring_engagement_never_count(db: Session) -> None:
    ids = practice.build(db)
    mentoring = engagements.create_engagement(
        db,
        EngagementFields(
            client_id=ids["ines"],
            title="Mentoring",
            start_date=date(2026, 1, 1),
            kind=EngagementKind.MENTORING,
        ),
    ).id
    session(db, ids["ines"], practice.on(2026, 5, 4), engagement_id=mentoring, status=practice.HELD)
    log = coaching_log(db, today=TODAY)
    assert [_as_list(r) for r in log.rows] == EXPECTED_ROWS
