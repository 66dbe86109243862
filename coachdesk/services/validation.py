"""Field checks that collect every problem at once, so a form can mark each field."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from coachdesk.errors import ValidationError
from coachdesk.formatting import MINOR_UNITS
from coachdesk.i18n import _

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
CURRENCY = re.compile(r"^[A-Z]{3}$")


class FieldErrors:
    """Collects ``field -> message``; ``raise_if_any`` turns them into one ``ValidationError``."""

    def __init__(self) -> None:
        self.errors: dict[str, str] = {}

    def add(self, field: str, message: str) -> None:
        self.errors.setdefault(field, message)

    def require(self, field: str, value: str | None) -> None:
        if not (value or "").strip():
            self.add(field, _("This field is required."))

    def email(self, field: str, value: str) -> None:
        if value and not EMAIL.match(value.strip()):
            self.add(field, _("This is not a valid email address."))

    def max_length(self, field: str, value: str, limit: int) -> None:
        if len(value) > limit:
            self.add(field, _("At most {n} characters.").format(n=limit))

    def in_range(self, field: str, value: int | None, low: int, high: int) -> None:
        if value is not None and not low <= value <= high:
            self.add(field, _("Must be between {low} and {high}.").format(low=low, high=high))

    def date_order(self, field: str, start: date | None, end: date | None) -> None:
        if start and end and end < start:
            self.add(field, _("The end date must not be before the start date."))

    def money(self, field: str, value: Decimal | None, currency: str = "") -> None:
        """Zero or more, with no more decimals than the currency has (none for yen), so a
        document never prints a different amount than the one stored."""
        if value is None:
            return
        places = MINOR_UNITS.get(currency.upper(), 2)
        if not value.is_finite() or value < 0:
            self.add(field, _("The amount must be zero or more."))
        elif value != value.quantize(Decimal(1).scaleb(-places)):
            if places == 0:
                self.add(field, _("{code} amounts have no decimals.").format(code=currency))
            else:
                message = _("The amount can have at most {n} decimals.")
                self.add(field, message.format(n=places))

    def currency(self, field: str, value: str) -> None:
        if not CURRENCY.match(value or ""):
            self.add(field, _("Use a three-letter currency code such as EUR or USD."))

    def time_zone(self, field: str, value: str) -> None:
        if not value:
            return
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError, OSError):  # "Europe" is a folder of the tree
            self.add(field, _("Unknown time zone (use a name such as Europe/Paris)."))

    def vat_number(self, field: str, value: str) -> None:
        """A number of a country python-stdnum knows must pass its check digits; another
        country's tax number (none of the prefixes it knows) is taken as typed."""
        if not value.strip():
            return
        from stdnum import exceptions as stdnum_exceptions  # 0.1 s: only when a number is typed
        from stdnum import vatin

        try:
            vatin.validate(value)
        except stdnum_exceptions.InvalidComponent:
            return
        except stdnum_exceptions.ValidationError:
            self.add(field, _("This VAT number is not valid: check its digits and country code."))

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)


def parse_money(field: str, text: str) -> Decimal:
    """An amount typed by a person ("1200", "1,200.50") as a Decimal, or a field error."""
    try:
        return Decimal(text.replace(",", "").strip())
    except InvalidOperation:
        raise ValidationError({field: _("This is not an amount.")}) from None


def normalise_email(value: str) -> str:
    return value.strip().lower()
