"""Amounts, tax and totals: the one place the rounding rule lives.

The rule: each line's net is quantity × unit price, rounded half-up to the currency's minor
unit (cents for EUR, none for JPY). Lines are grouped by tax rate; each rate's tax is computed
once on the sum of that rate's nets and rounded half-up to the minor unit. The invoice's tax is
the sum of the per-rate taxes, and its gross is net plus tax. Tax is never rounded line by
line, so the printed per-rate summary always adds up to the total.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from coachdesk.documents.invoices.data import TaxSummary
from coachdesk.errors import ValidationError
from coachdesk.formatting import minor_units
from coachdesk.i18n import _

HUNDRED = Decimal(100)
ZERO = Decimal(0)
RATE_PLACES = 2
QUANTITY_PLACES = 3


@dataclass(frozen=True, slots=True)
class Totals:
    """What an invoice adds up to, per rate and in all."""

    taxes: tuple[TaxSummary, ...]
    net: Decimal
    tax: Decimal
    gross: Decimal


def minor_places(currency: str) -> int:
    """Decimals of the currency's minor unit (ISO 4217): from CLDR."""
    return minor_units(currency.upper())


def round_money(amount: Decimal, currency: str) -> Decimal:
    """Half-up to the currency's minor unit: 0.125 EUR is 0.13, never banker's 0.12."""
    rounded = amount.quantize(Decimal(1).scaleb(-minor_places(currency)), rounding=ROUND_HALF_UP)
    return rounded + 0  # -0.00 (a credit note's tax at 0 %) prints as 0.00


def line_net(quantity: Decimal, unit_price: Decimal, currency: str) -> Decimal:
    return round_money(quantity * unit_price, currency)


def totals(lines: Iterable[tuple[Decimal, Decimal, Decimal]], currency: str) -> Totals:
    """The totals of ``(quantity, unit_price, tax_rate)`` lines by the rule above."""
    by_rate: dict[Decimal, Decimal] = {}
    for quantity, unit_price, rate in lines:
        key = rate.normalize() if rate else ZERO
        by_rate[key] = by_rate.get(key, ZERO) + line_net(quantity, unit_price, currency)
    zero = round_money(ZERO, currency)
    taxes = tuple(
        TaxSummary(rate=rate, net=net, tax=round_money(net * rate / HUNDRED, currency))
        for rate, net in sorted(by_rate.items())
    )
    net = sum((t.net for t in taxes), zero)
    tax = sum((t.tax for t in taxes), zero)
    return Totals(taxes, net, tax, net + tax)


def parse_tax_rate(field: str, text: str) -> Decimal:
    """A percentage typed as "19", "7.5" or "19 %": 0 to 100 with at most two decimals."""
    value = _decimal(text.strip().removesuffix("%").strip())
    if value is None or not ZERO <= value <= HUNDRED or _places(value) > RATE_PLACES:
        raise ValidationError(
            {field: _("Use a tax rate in percent from 0 to 100, such as 19 or 7.5.")}
        )
    return value


def parse_quantity(field: str, text: str) -> Decimal:
    value = _decimal(text.strip())
    if value is None:
        raise ValidationError({field: _("This is not a quantity.")})
    return value


def _decimal(text: str) -> Decimal | None:
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def _places(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0
