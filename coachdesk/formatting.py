"""Money, dates and counts as a coach reads them: one module shared by the UI and the documents.

DESIGN.md names Babel for this; it is not a dependency yet, so these are small stdlib helpers for
English output (month names go through ``_()`` so a catalogue can translate them). When Babel
arrives, only this module changes. Qt-free and cheap to import.
"""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation

from coachdesk.i18n import _

# ISO 4217 codes printed with their symbol; every other code is printed as "CHF 1,200.00".
CURRENCY_SYMBOLS = {
    "EUR": "€",
    "GBP": "£",
    "USD": "$",
    "JPY": "¥",
    "INR": "₹",
    "ILS": "₪",
    "KRW": "₩",
    "NGN": "₦",
    "PHP": "₱",
    "UAH": "₴",
    "VND": "₫",
}
# Currencies whose minor unit is not two digits (ISO 4217).
MINOR_UNITS = {
    "JPY": 0,
    "KRW": 0,
    "VND": 0,
    "ISK": 0,
    "CLP": 0,
    "HUF": 2,
    "BHD": 3,
    "JOD": 3,
    "KWD": 3,
    "OMR": 3,
    "TND": 3,
}


def _month_names() -> tuple[str, ...]:
    return (
        _("January"),
        _("February"),
        _("March"),
        _("April"),
        _("May"),
        _("June"),
        _("July"),
        _("August"),
        _("September"),
        _("October"),
        _("November"),
        _("December"),
    )


def format_number(value: Decimal | int, places: int = 0) -> str:
    """``1234567.5`` -> ``"1,234,567.50"`` with ``places=2`` (rounded half-even)."""
    amount = Decimal(value)
    if places:
        amount = amount.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN)
    else:
        amount = amount.quantize(Decimal(1), rounding=ROUND_HALF_EVEN)
    return f"{amount:,.{places}f}"


def format_money(amount: Decimal | int | str, currency: str, *, symbol: bool = True) -> str:
    """``Decimal("1200"), "EUR"`` -> ``"€1,200.00"`` (or ``"EUR 1,200.00"`` with symbol=False).

    Negative amounts read ``"-€50.00"``. Codes without a well-known symbol print as the code.
    """
    code = (currency or "").strip().upper()
    try:
        value = Decimal(amount)
    except (InvalidOperation, TypeError, ValueError):
        raise ValueError(f"not an amount: {amount!r}") from None
    places = MINOR_UNITS.get(code, 2)
    sign = "-" if value < 0 else ""
    digits = format_number(abs(value), places)
    sym = CURRENCY_SYMBOLS.get(code) if symbol else None
    if sym:
        return f"{sign}{sym}{digits}"
    if not code:
        return f"{sign}{digits}"
    return f"{sign}{code}\u00a0{digits}"


def format_date(value: date | datetime | None) -> str:
    """``date(2026, 11, 28)`` -> ``"28 November 2026"``; ``None`` -> ``""``."""
    if value is None:
        return ""
    return f"{value.day} {_month_names()[value.month - 1]} {value.year}"


def format_short_date(value: date | datetime | None) -> str:
    """``date(2026, 11, 28)`` -> ``"28 Nov 2026"``, for tables and chart axes."""
    if value is None:
        return ""
    return f"{value.day} {_month_names()[value.month - 1][:3]} {value.year}"


def format_day_month(value: date | datetime) -> str:
    """``date(2026, 3, 3)`` -> ``"3 Mar"``, for chart axes where the year is shown elsewhere."""
    return f"{value.day} {_month_names()[value.month - 1][:3]}"


def format_date_range(start: date | None, end: date | None) -> str:
    """``"1 September – 30 November 2026"``; an open end reads ``"from 1 September 2026"``,
    a single day ``"2 December 2026"``."""
    if start is None and end is None:
        return ""
    if end is None:
        return _("from {date}").format(date=format_date(start))
    if start is None:
        return _("until {date}").format(date=format_date(end))
    if start == end:
        return format_date(end)
    if start.year == end.year:
        if start.month == end.month:
            head = str(start.day)
        else:
            head = f"{start.day} {_month_names()[start.month - 1]}"
        return f"{head} – {format_date(end)}"
    return f"{format_date(start)} – {format_date(end)}"


def format_time(value: time | datetime) -> str:
    """24-hour ``"14:30"``: unambiguous in every English-speaking country."""
    return f"{value.hour:02d}:{value.minute:02d}"


def format_minutes(minutes: int) -> str:
    """``90`` -> ``"90 minutes"``: coaches quote session lengths in minutes, not hours."""
    return _("{n} minutes").format(n=minutes) if minutes != 1 else _("1 minute")
