"""ACC, PCC and MCC: met or not, and exactly what is still missing."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy.orm import Session

from coachdesk.model import Credential
from coachdesk.services.credentials.coaching_log import LogTotals
from coachdesk.services.credentials.thresholds import REQUIREMENTS, icf_summary, standing
from tests.services.credentials import practice
from tests.services.credentials.practice import TODAY

ACC, PCC, MCC = REQUIREMENTS


def totals(
    paid_hours: float, pro_bono_hours: float, clients: int, recent_hours: float
) -> LogTotals:
    return LogTotals(
        paid_minutes=int(paid_hours * 60),
        pro_bono_minutes=int(pro_bono_hours * 60),
        clients=clients,
        recent_minutes=int(recent_hours * 60),
        recent_since=date(2025, 1, 1),
        left_off=0,
    )


def test_acc_is_met_exactly_at_its_thresholds() -> None:
    assert standing(totals(75, 25, 8, 25), ACC).met
    assert not standing(totals(75, 25, 7, 25), PCC).met


def test_a_minute_short_is_not_met() -> None:
    short = LogTotals(75 * 60, 25 * 60 - 1, 8, 25 * 60, date(2025, 1, 1), 0)
    result = standing(short, ACC)
    assert not result.met
    assert result.missing.hours == Decimal("0.02")  # one minute, to the nearest hundredth
    assert result.missing.paid_hours == 0


def test_what_is_missing_names_each_shortfall() -> None:
    result = standing(totals(70, 40, 5, 10), ACC)
    assert not result.met
    assert (
        result.missing.hours,
        result.missing.paid_hours,
        result.missing.clients,
        result.missing.recent_hours,
    ) == (Decimal("0.00"), Decimal("5.00"), 3, Decimal("15.00"))


def test_pro_bono_hours_never_make_up_paid_ones() -> None:
    result = standing(totals(449, 100, 25, 50), PCC)
    assert (result.met, result.missing.paid_hours, result.missing.hours) == (
        False,
        Decimal("1.00"),
        Decimal("0.00"),
    )


def test_mcc_has_no_recent_hours_requirement() -> None:
    result = standing(totals(2250, 250, 35, 0), MCC)
    assert result.met
    assert result.missing.recent_hours == 0


def test_the_summary_of_the_hand_built_practice(db: Session) -> None:
    practice.build(db)
    summary = icf_summary(db, today=TODAY)
    assert (summary.total_hours, summary.paid_hours, summary.pro_bono_hours) == (
        Decimal("11.25"),
        Decimal("9.25"),
        Decimal("2.00"),
    )
    assert (summary.clients, summary.recent_hours, summary.left_off) == (7, Decimal("10.25"), 1)
    acc = summary.credentials[0]
    assert acc.credential is Credential.ACC
    assert not acc.met
    assert acc.missing.hours == Decimal("88.75")
    assert acc.missing.paid_hours == Decimal("65.75")
    assert acc.missing.clients == 1
    assert acc.missing.recent_hours == Decimal("14.75")
