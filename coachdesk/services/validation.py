"""Field checks that collect every problem at once, so a form can mark each field."""

from __future__ import annotations

import re
from dataclasses import fields
from datetime import date
from decimal import Decimal, InvalidOperation
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from coachdesk.errors import ValidationError
from coachdesk.formatting import DOCUMENT_LANGUAGES, minor_units, parse_locale
from coachdesk.i18n import _

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
CURRENCY = re.compile(r"^[A-Z]{3}$")
WEB_LINK = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)
# C0 and C1 control characters. A terminal obeys them (ESC ]0; retitles the window, others
# move the cursor or rewrite the line), so an imported name holding one could disguise what
# the command line prints. Multi-line text keeps its line breaks and tabs, nothing else.
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
CONTROL_IN_LINES = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Long enough for a year of verbatim notes on one session; past it, printing and searching
# slow to a crawl (1 MB of notes took minutes to lay out as a PDF).
MAX_NOTES = 200_000


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

    def single_line(self, field: str, value: str | None) -> None:
        """No control characters at all: a name, title or phone number is one line."""
        self._controls(field, value or "", CONTROL)

    def multi_line(self, field: str, value: str | None) -> None:
        """Line breaks and tabs, but no other control characters."""
        self._controls(field, value or "", CONTROL_IN_LINES)

    def notes(self, field: str, value: str | None) -> None:
        """Notes: multi-line, and at most ``MAX_NOTES`` characters."""
        self.multi_line(field, value)
        if len(value or "") > MAX_NOTES:
            message = _("Notes can be at most {n:,} characters; this has {count:,}.")
            self.add(field, message.format(n=MAX_NOTES, count=len(value or "")))

    def plain_text(self, data: object, multi_line: frozenset[str] = frozenset()) -> None:
        """``single_line`` on every text field of the dataclass ``data`` (and on each text of a
        list field, such as tags), ``multi_line`` on those named in ``multi_line``."""
        for item in fields(data):  # type: ignore[arg-type]
            value = getattr(data, item.name)
            texts = value if isinstance(value, list | tuple) else [value]
            for text in texts:
                if not isinstance(text, str):
                    continue
                if item.name in multi_line:
                    self.multi_line(item.name, text)
                else:
                    self.single_line(item.name, text)

    def _controls(self, field: str, value: str, pattern: re.Pattern[str]) -> None:
        found = pattern.search(value)
        if found:
            message = _("Remove the control character U+{code:04X}: it cannot be stored here.")
            self.add(field, message.format(code=ord(found.group())))

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
        places = minor_units(currency.upper())
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

    def locale(self, field: str, value: str) -> None:
        """A CLDR locale such as de_DE, or empty for the system's."""
        if not value:
            return
        try:
            parse_locale(value)
        except ValueError:
            self.add(field, _("Unknown locale (use a name such as de_DE or en_GB)."))

    def language(self, field: str, value: str) -> None:
        """One of the languages documents print in, or empty for the coach's."""
        if value and value not in DOCUMENT_LANGUAGES:
            message = _("Documents print in one of these languages: {languages}.")
            self.add(field, message.format(languages=", ".join(DOCUMENT_LANGUAGES)))

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

    def iban(self, field: str, value: str) -> None:
        """Country, length and check digits, by schwifty."""
        if not value.strip():
            return
        from schwifty import IBAN
        from schwifty.exceptions import SchwiftyException

        try:
            IBAN(value)
        except SchwiftyException:
            self.add(field, _("This IBAN is not valid: check its country code and digits."))

    def bic(self, field: str, value: str) -> None:
        if not value.strip():
            return
        from schwifty import BIC
        from schwifty.exceptions import SchwiftyException

        try:
            BIC(value, allow_invalid=False)
        except SchwiftyException:
            self.add(field, _("This BIC is not valid: it has 8 or 11 letters and digits."))

    def web_link(self, field: str, value: str) -> None:
        if value.strip() and not WEB_LINK.match(value.strip()):
            self.add(field, _("Use a web address starting with https://."))

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


def compact_iban(value: str) -> str:
    """``de89 3704 ...`` as ``DE8937040044...``, the form a bank's QR code carries."""
    return value.replace(" ", "").upper()


def vat_compact(number: str) -> str:
    """``de 136 695 976`` is stored as ``DE136695976``, the form invoices print."""
    from stdnum import exceptions as stdnum_exceptions
    from stdnum import vatin

    try:
        return vatin.compact(number) if number else ""
    except stdnum_exceptions.ValidationError:
        return number
