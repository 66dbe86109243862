"""Money and dates are formatted in one place, the same for the UI and the documents."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from coachdesk.formatting import (
    format_date,
    format_date_range,
    format_money,
    format_number,
    format_short_date,
)


@pytest.mark.parametrize(
    ("amount", "currency", "expected"),
    [
        (Decimal("1200"), "EUR", "€1,200.00"),
        (Decimal("1234567.5"), "USD", "$1,234,567.50"),
        (Decimal("0.005"), "GBP", "£0.00"),
        (Decimal("0.015"), "GBP", "£0.02"),
        (Decimal("15000"), "JPY", "¥15,000"),
        (Decimal("-50"), "EUR", "-€50.00"),
        (Decimal("980.5"), "chf", "CHF\u00a0980.50"),
        (Decimal("1.2345"), "KWD", "KWD\u00a01.234"),
    ],
)
def test_money(amount: Decimal, currency: str, expected: str) -> None:
    assert format_money(amount, currency) == expected


def test_money_without_symbol_uses_the_code() -> None:
    assert format_money(Decimal("1200"), "EUR", symbol=False) == "EUR\u00a01,200.00"


def test_money_refuses_what_is_not_an_amount() -> None:
    with pytest.raises(ValueError, match="not an amount"):
        format_money("twelve", "EUR")


def test_numbers_and_dates() -> None:
    assert format_number(Decimal("1234.5"), 1) == "1,234.5"
    assert format_date(date(2026, 11, 28)) == "28 November 2026"
    assert format_date(None) == ""
    assert format_short_date(date(2026, 9, 3)) == "3 Sep 2026"


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (date(2026, 9, 1), date(2026, 11, 30), "1 September – 30 November 2026"),
        (date(2026, 9, 1), date(2026, 9, 30), "1 – 30 September 2026"),
        (date(2026, 9, 1), date(2027, 2, 28), "1 September 2026 – 28 February 2027"),
        (date(2026, 9, 1), None, "from 1 September 2026"),
        (date(2026, 12, 2), date(2026, 12, 2), "2 December 2026"),
    ],
)
def test_date_ranges(start: date, end: date | None, expected: str) -> None:
    assert format_date_range(start, end) == expected
