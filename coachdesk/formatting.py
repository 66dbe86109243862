"""Money, dates, times, counts and lists as a coach reads them, in the coach's (or a client's)
locale: one module shared by the UI, the CLI and the documents, on Babel's CLDR data.

Which locale: ``formats_in(locale)`` while a document is rendered for a client (a context
variable, so a worker thread rendering in German leaves the GUI's formats alone), else the
process's locale set from the coach's profile at unlock and at CLI start with
``set_formats_locale``, else the system's (``LC_ALL`` / ``LC_TIME`` / ``LANG``), else **en_GB**:
day month year, a 24-hour clock and "€1,200.00" are what CoachDesk printed before Babel, and a
"C" or POSIX system says nothing about the coach. Qt-free.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation

from babel import Locale, UnknownLocaleError, default_locale
from babel.core import get_global
from babel.dates import format_date as _babel_date
from babel.dates import format_skeleton, parse_pattern
from babel.dates import format_time as _babel_time
from babel.lists import format_list as _babel_list
from babel.numbers import (
    format_currency,
    format_decimal,
    get_currency_precision,
    get_currency_symbol,
)
from babel.numbers import format_percent as format_percent_babel
from babel.units import format_unit

from coachdesk.i18n import _, set_language

FALLBACK_LOCALE = "en_GB"


class _ProcessChoice:
    """The process's formats locale, one per process (``None``: not chosen yet, the system's
    as it is now; choosing resolves the system's once, as format calls are many)."""

    locale: Locale | None = None


_process = _ProcessChoice()
_document_locale: ContextVar[Locale | None] = ContextVar("document_locale", default=None)


# The formats (and with them the language) the Preferences offer; any CLDR locale is accepted.
SUPPORTED_LOCALES = (
    "en_GB",
    "en_US",
    "en_IE",
    "en_CA",
    "en_AU",
    "de_DE",
    "de_AT",
    "de_CH",
    "fr_FR",
    "fr_CH",
    "fr_BE",
    "fr_CA",
    "es_ES",
    "es_MX",
)
# The languages a client's documents can print in ("" is the coach's).
DOCUMENT_LANGUAGES = ("en", "de", "fr", "es")


def locale_name(tag: str) -> str:
    """``"de_CH"`` -> ``"Deutsch (Schweiz)"``: a locale in its own language, as it is offered."""
    return parse_locale(tag).get_display_name() or tag


def language_name(code: str) -> str:
    """``"fr"`` -> ``"Français"``: a language in its own language."""
    name = parse_locale(code).get_display_name() or code
    return name[:1].upper() + name[1:]


def parse_locale(tag: str) -> Locale:
    """``"de_DE"`` or ``"de-DE"`` -> a Babel ``Locale``; ``ValueError`` if CLDR has no such one."""
    text = (tag or "").strip()
    try:
        found = Locale.parse(text.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        raise ValueError(f"not a locale: {tag!r}") from None
    if found.variant == "POSIX":  # "C" says nothing about how a coach writes dates
        raise ValueError(f"not a locale: {tag!r}")
    return found


def system_locale() -> Locale:
    """The system's formats locale, or en_GB when it names none (``C``, ``POSIX``, unset)."""
    found = default_locale(("LC_ALL", "LC_TIME", "LANG"))
    if found and not found.endswith("POSIX"):
        try:
            return parse_locale(found)
        except ValueError:
            pass
    return Locale.parse(FALLBACK_LOCALE)


def set_formats_locale(tag: str | None) -> Locale:
    """Format in ``tag`` from now on, for the whole process; ``""`` or ``None``: the system's.

    An unknown tag falls back to the system's rather than failing at start-up."""
    try:
        _process.locale = parse_locale(tag) if tag else system_locale()
    except ValueError:
        _process.locale = system_locale()
    return _process.locale


def use_coach_locale(tag: str) -> None:
    """At unlock and CLI start: the coach's profile locale gives the formats, and the language
    too unless ``LANGUAGE`` names one (a script's ``LANGUAGE=en`` keeps its output English)."""
    chosen = set_formats_locale(tag)
    if tag and not os.environ.get("LANGUAGE"):
        set_language(chosen.language)


def current_locale() -> Locale:
    """The locale every ``format_*`` call uses right now."""
    return _document_locale.get() or _process.locale or system_locale()


def document_locale(language: str | None, coach: str | Locale | None = None) -> Locale:
    """The formats for a document in ``language`` ("de"), written by a coach in ``coach``'s
    locale: the coach's own when the language is theirs (or not given), the language in the
    coach's region when CLDR has it (fr for a de_CH coach: fr_CH), else the language's likely
    region (de: de_DE)."""
    home = coach if isinstance(coach, Locale) else set_or_current(coach)
    wanted = (language or "").strip().replace("-", "_").split("_")[0].lower()
    if not wanted or wanted == home.language:
        return home
    if home.territory:
        try:
            return Locale.parse(f"{wanted}_{home.territory}")
        except (UnknownLocaleError, ValueError):
            pass
    likely = get_global("likely_subtags").get(wanted, wanted)
    try:
        found = Locale.parse(likely)
        return Locale(found.language, found.territory)
    except (UnknownLocaleError, ValueError):
        return home


def set_or_current(tag: str | None) -> Locale:
    """``tag`` as a locale, or the current one when it is empty or unknown."""
    try:
        return parse_locale(tag) if tag else current_locale()
    except ValueError:
        return current_locale()


@contextmanager
def formats_in(tag: str | Locale) -> Iterator[Locale]:
    """Format in ``tag`` inside the block only, on this thread (or task) only."""
    chosen = tag if isinstance(tag, Locale) else parse_locale(tag)
    token = _document_locale.set(chosen)
    try:
        yield chosen
    finally:
        _document_locale.reset(token)


def minor_units(currency: str) -> int:
    """Decimals of the currency's minor unit (CLDR): 2 for EUR, 0 for JPY, 3 for KWD."""
    code = (currency or "").strip().upper()
    return get_currency_precision(code) if code else 2


def format_number(value: Decimal | int, places: int = 0) -> str:
    """``1234567.5`` -> ``"1,234,567.50"`` with ``places=2`` (rounded half-even) in en_GB."""
    pattern = "#,##0" + ("." + "0" * places if places > 0 else "")
    return format_decimal(Decimal(value), format=pattern, locale=current_locale())


def format_decimal_plain(value: Decimal | int) -> str:
    """``Decimal("1.50")`` -> ``"1.5"`` (de: ``"1,5"``): up to three decimals, none trailing, for
    quantities."""
    return format_decimal(Decimal(value), format="#,##0.###", locale=current_locale())


def format_percent(rate: Decimal | int) -> str:
    """A rate in percent, ``Decimal("8.1")`` -> ``"8.1%"`` (de: ``"8,1 %"``), as CLDR writes it."""
    locale = current_locale()
    pattern = locale.percent_formats[None].pattern.replace("#,##0", "#,##0.##", 1)
    return format_percent_babel(Decimal(rate) / 100, format=pattern, locale=locale)


def _spaced(text: str, symbol: str) -> str:
    """CLDR's currency spacing, which Babel leaves out: a symbol ending (or starting) in a letter
    gets a no-break space next to the digits, "CHF 980.50" but "€980.50"."""
    at = text.find(symbol)
    if at < 0 or not symbol:
        return text
    end = at + len(symbol)

    def apart(ch: str) -> bool:
        return unicodedata.category(ch)[0] not in "SZ"

    if end < len(text) and text[end].isdigit() and apart(symbol[-1]):
        text = text[:end] + "\u00a0" + text[end:]
    if at > 0 and text[at - 1].isdigit() and apart(symbol[0]):
        text = text[:at] + "\u00a0" + text[at:]
    return text


def format_money(amount: Decimal | int | str, currency: str, *, symbol: bool = True) -> str:
    """``Decimal("1200"), "EUR"`` -> ``"€1,200.00"`` in en_GB, ``"1.200,00 €"`` in de_DE (or the
    code, ``"EUR 1,200.00"``, with symbol=False), to the currency's minor unit, half-even."""
    code = (currency or "").strip().upper()
    try:
        value = Decimal(amount)
    except (InvalidOperation, TypeError, ValueError):
        raise ValueError(f"not an amount: {amount!r}") from None
    locale = current_locale()
    if not code:
        return format_number(value, 2)
    if symbol:
        text = format_currency(value, code, locale=locale)
        return _spaced(text, get_currency_symbol(code, locale=locale))
    pattern = locale.currency_formats["standard"].pattern
    pattern = re.sub("¤+", "¤¤", pattern)
    return _spaced(format_currency(value, code, format=pattern, locale=locale), code)


def format_date(value: date | datetime | None) -> str:
    """``date(2026, 11, 28)`` -> ``"28 November 2026"`` (de: ``"28. November 2026"``)."""
    if value is None:
        return ""
    return _babel_date(value, "long", locale=current_locale())


def format_short_date(value: date | datetime | None) -> str:
    """``date(2026, 11, 28)`` -> ``"28 Nov 2026"``, for tables and chart axes."""
    if value is None:
        return ""
    return format_skeleton("yMMMd", value, locale=current_locale())


def format_weekday(value: date | datetime) -> str:
    """``date(2026, 3, 3)`` -> ``"Tuesday"`` (de: ``"Dienstag"``)."""
    return _babel_date(value, "EEEE", locale=current_locale())


def format_day_month(value: date | datetime) -> str:
    """``date(2026, 3, 3)`` -> ``"3 Mar"``, for chart axes where the year is shown elsewhere."""
    return format_skeleton("MMMd", value, locale=current_locale())


def format_weekday_day_month(value: date | datetime) -> str:
    """``date(2026, 3, 5)`` -> ``"Thu 5 Mar"`` (de: ``"Do., 5. März"``), for the week ahead."""
    return format_skeleton("MMMEd", value, locale=current_locale())


def _long_interval(start: date, end: date, locale: Locale) -> str:
    """CLDR's interval for day, month and year, with the month written out as in the long date
    format (most locales have only the abbreviated interval, which ICU widens the same way)."""
    formats = locale.interval_formats.get("yMMMd") or {}
    for field, part in (("y", "year"), ("M", "month"), ("d", "day")):
        halves = formats.get(field)
        if halves and getattr(start, part) != getattr(end, part):
            wide = [re.sub(r"(?<!M)MMM(?!M)", "MMMM", half) for half in halves]
            return "".join(
                parse_pattern(half).apply(moment, locale)
                for half, moment in zip(wide, (start, end), strict=True)
            )
    return _("{start} – {end}").format(
        start=_babel_date(start, "long", locale=locale), end=_babel_date(end, "long", locale=locale)
    )


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
    return _long_interval(start, end, current_locale())


def format_time(value: time | datetime) -> str:
    """``"14:30"`` in en_GB and de, ``"2:30 PM"`` in en_US: the locale's short time."""
    return _babel_time(value, "short", locale=current_locale())


def format_minutes(minutes: int) -> str:
    """``90`` -> ``"90 minutes"`` (de: ``"90 Minuten"``): coaches quote session lengths in
    minutes, not hours."""
    return format_unit(minutes, "duration-minute", length="long", locale=current_locale())


def format_list(items: Iterable[str]) -> str:
    """``["a", "b", "c"]`` -> ``"a, b and c"`` (en_US: ``"a, b, and c"``; de: ``"a, b und c"``)."""
    return _babel_list(list(items), locale=current_locale())
