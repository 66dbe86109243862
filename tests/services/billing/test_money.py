"""The rounding rule: tax per rate on the rate's net sum, half-up to the currency's minor unit."""

from __future__ import annotations

from decimal import Decimal

import pytest

from coachdesk.errors import ValidationError
from coachdesk.services.billing import money

D = Decimal


def test_tax_is_rounded_once_per_rate_not_per_line() -> None:
    # 1.05 at 19 % is 0.1995 a line (0.20 rounded, 0.60 for three) and 0.35 at 7 % is 0.0245
    # (0.02, 0.06 for three): 0.66 line by line, but 0.60 + 0.07 on each rate's net sum.
    lines = [
        (D(1), D("1.05"), D(19)),
        (D(1), D("1.05"), D(19)),
        (D(1), D("1.05"), D(19)),
        (D(1), D("0.35"), D(7)),
        (D(1), D("0.35"), D(7)),
        (D(1), D("0.35"), D(7)),
    ]
    totals = money.totals(lines, "EUR")
    assert [(t.rate, t.net, t.tax) for t in totals.taxes] == [
        (D(7), D("1.05"), D("0.07")),
        (D(19), D("3.15"), D("0.60")),
    ]
    per_line = sum(money.round_money(q * p * r / 100, "EUR") for q, p, r in lines)
    assert per_line == D("0.66")  # what rounding each line would have printed
    assert (totals.net, totals.tax, totals.gross) == (D("4.20"), D("0.67"), D("4.87"))


def test_half_a_cent_rounds_up_and_yen_has_no_decimals() -> None:
    assert money.round_money(D("0.125"), "EUR") == D("0.13")
    assert money.round_money(D("0.135"), "EUR") == D("0.14")
    totals = money.totals([(D(1), D(1050), D(10))], "JPY")
    assert (totals.tax, totals.gross) == (D(105), D(1155))
    assert money.round_money(D("2.5"), "JPY") == D(3)


def test_line_net_is_rounded_before_it_is_summed() -> None:
    totals = money.totals([(D("1.5"), D("0.33"), D(0)), (D("1.5"), D("0.33"), D(0))], "EUR")
    assert totals.net == D("1.00")  # 0.495 -> 0.50, twice


@pytest.mark.parametrize("text", ["19", "7.5", "19 %", "0", "100"])
def test_tax_rates_are_percentages(text: str) -> None:
    assert money.parse_tax_rate("tax_rate", text) == D(text.removesuffix(" %"))


@pytest.mark.parametrize("text", ["nineteen", "101", "-1", "19.555", "0.19x", "NaN"])
def test_a_bad_tax_rate_names_the_field(text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        money.parse_tax_rate("tax_rate", text)
    assert list(caught.value.fields) == ["tax_rate"]
