"""Money, dates and lists are formatted in one place, the same for the UI and the documents, in
the coach's locale (en_GB in tests) or a client's, from Babel's CLDR data."""

from __future__ import annotations

import threading
from datetime import date, time
from decimal import Decimal

import pytest
from babel.numbers import format_currency

from coachdesk.formatting import (
    current_locale,
    document_locale,
    format_date,
    format_date_range,
    format_day_month,
    format_decimal_plain,
    format_list,
    format_minutes,
    format_money,
    format_number,
    format_percent,
    format_short_date,
    format_time,
    format_weekday,
    format_weekday_day_month,
    formats_in,
    minor_units,
    parse_locale,
    set_formats_locale,
)

THIN = "\u2009"  # CLDR's space around the dash of a date interval
NNBSP = "\u202f"  # French digit grouping


@pytest.mark.parametrize(
    ("amount", "currency", "expected"),
    [
        (Decimal("1200"), "EUR", "€1,200.00"),
        (Decimal("1234567.5"), "USD", "US$1,234,567.50"),
        (Decimal("1234567.5"), "GBP", "£1,234,567.50"),
        (Decimal("0.005"), "GBP", "£0.00"),
        (Decimal("0.015"), "GBP", "£0.02"),
        (Decimal("15000"), "JPY", "JP¥15,000"),
        (Decimal("-50"), "EUR", "-€50.00"),
        (Decimal("980.5"), "chf", "CHF\u00a0980.50"),
        (Decimal("1.2345"), "KWD", "KWD\u00a01.234"),
    ],
)
def test_money_in_the_default_english(amount: Decimal, currency: str, expected: str) -> None:
    assert format_money(amount, currency) == expected


def test_money_without_symbol_uses_the_code() -> None:
    assert format_money(Decimal("1200"), "EUR", symbol=False) == "EUR\u00a01,200.00"
    with formats_in("de_DE"):
        assert format_money(Decimal("1200"), "EUR", symbol=False) == "1.200,00\u00a0EUR"


def test_money_refuses_what_is_not_an_amount() -> None:
    with pytest.raises(ValueError, match="not an amount"):
        format_money("twelve", "EUR")


# Babel's own output, less the no-break space CLDR's currency spacing puts between a lettered
# symbol and the digits (which Babel leaves out and we add).
PAIRS = [
    ("de_DE", "EUR"),
    ("de_AT", "EUR"),
    ("fr_FR", "EUR"),
    ("fr_CH", "CHF"),
    ("es_ES", "EUR"),
    ("en_US", "USD"),
    ("en_GB", "GBP"),
    ("en_IE", "EUR"),
    ("ja_JP", "JPY"),
    ("de_DE", "JPY"),
    ("ar_KW", "KWD"),
    ("en_GB", "KWD"),
    ("sv_SE", "SEK"),
    ("pl_PL", "PLN"),
    ("it_IT", "EUR"),
]


@pytest.mark.parametrize(("locale", "currency"), PAIRS)
def test_money_matches_babel(locale: str, currency: str) -> None:
    amount = Decimal("1840.5")
    with formats_in(locale):
        ours = format_money(amount, currency)
    theirs = format_currency(amount, currency, locale=locale)
    assert ours.replace("\u00a0", "") == theirs.replace("\u00a0", "")
    assert minor_units(currency) == {"JPY": 0, "KWD": 3}.get(currency, 2)


@pytest.mark.parametrize(
    ("locale", "currency", "expected"),
    [
        ("de_DE", "EUR", "1.840,50\u00a0€"),
        ("fr_FR", "EUR", f"1{NNBSP}840,50\u00a0€"),
        # CLDR 47 (Babel 2.19) groups Swiss German with an ASCII apostrophe, not U+2019.
        ("de_CH", "CHF", "CHF\u00a01'840.50"),
        ("en_IE", "EUR", "€1,840.50"),
        ("en_US", "JPY", "¥1,840"),  # half-even, as every amount
        ("de_DE", "KWD", "1.840,500\u00a0KWD"),
    ],
)
def test_money_exact(locale: str, currency: str, expected: str) -> None:
    with formats_in(locale):
        assert format_money(Decimal("1840.50"), currency) == expected


def test_numbers_and_dates() -> None:
    assert format_number(Decimal("1234.5"), 1) == "1,234.5"
    assert format_number(1234567) == "1,234,567"
    assert format_date(date(2026, 11, 28)) == "28 November 2026"
    assert format_date(None) == ""
    assert format_short_date(date(2026, 9, 3)) == "3 Sept 2026"
    assert format_short_date(date(2026, 11, 28)) == "28 Nov 2026"
    assert format_day_month(date(2026, 3, 3)) == "3 Mar"
    assert format_time(time(14, 30)) == "14:30"
    assert format_minutes(90) == "90 minutes"
    assert format_minutes(1) == "1 minute"
    assert format_list(["Goals", "Actions", "Notes"]) == "Goals, Actions and Notes"


def test_dates_times_and_lists_in_other_locales() -> None:
    with formats_in("de_DE"):
        assert format_date(date(2026, 9, 1)) == "1. September 2026"
        assert format_number(Decimal("1234.5"), 2) == "1.234,50"
        assert format_minutes(90) == "90 Minuten"
        assert format_list(["a", "b", "c"]) == "a, b und c"
    with formats_in("fr_FR"):
        assert format_date(date(2026, 9, 1)) == "1 septembre 2026"
    with formats_in("es_ES"):
        assert format_date(date(2026, 9, 1)) == "1 de septiembre de 2026"
    with formats_in("en_US"):
        assert format_date(date(2026, 9, 1)) == "September 1, 2026"
        assert format_time(time(14, 30)) == "2:30\u202fPM"


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (date(2026, 9, 1), date(2026, 11, 30), f"1 September{THIN}–{THIN}30 November 2026"),
        (date(2026, 9, 1), date(2026, 9, 30), f"1{THIN}–{THIN}30 September 2026"),
        (date(2026, 9, 1), date(2027, 2, 28), f"1 September 2026{THIN}–{THIN}28 February 2027"),
        (date(2026, 9, 1), None, "from 1 September 2026"),
        (date(2026, 12, 2), date(2026, 12, 2), "2 December 2026"),
    ],
)
def test_date_ranges(start: date, end: date | None, expected: str) -> None:
    assert format_date_range(start, end) == expected


def test_date_ranges_in_german_write_the_month_out() -> None:
    with formats_in("de_DE"):
        assert format_date_range(date(2026, 9, 1), date(2026, 9, 30)) == "1.–30. September 2026"


def test_the_process_locale_and_a_documents_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    set_formats_locale("de_CH")
    assert str(current_locale()) == "de_CH"
    with formats_in("fr_FR"):
        assert str(current_locale()) == "fr_FR"
    assert str(current_locale()) == "de_CH"
    for variable in ("LC_ALL", "LC_TIME"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    set_formats_locale("")
    assert str(current_locale()) == "en_GB"  # a system that names no locale
    monkeypatch.setenv("LANG", "fr_BE.UTF-8")
    assert str(set_formats_locale("")) == "fr_BE"
    assert str(current_locale()) == "fr_BE"


def test_a_document_for_a_client_in_another_language() -> None:
    assert str(document_locale("fr", "de_CH")) == "fr_CH"
    assert str(document_locale("de", "en_GB")) == "de_DE"
    assert str(document_locale("", "de_AT")) == "de_AT"
    assert str(document_locale("de", "de_AT")) == "de_AT"
    assert str(document_locale("es", "en_GB")) == "es_ES"


def test_a_documents_locale_stays_on_its_thread() -> None:
    seen: list[str] = []
    inside = threading.Event()
    done = threading.Event()

    def render() -> None:
        with formats_in("de_DE"):
            inside.set()
            done.wait(5)
            seen.append(format_date(date(2026, 9, 1)))

    worker = threading.Thread(target=render)
    worker.start()
    inside.wait(5)
    assert format_date(date(2026, 9, 1)) == "1 September 2026"
    done.set()
    worker.join(5)
    assert seen == ["1. September 2026"]


def test_unknown_locales_are_refused() -> None:
    with pytest.raises(ValueError, match="not a locale"):
        parse_locale("xx_QQ")
    with pytest.raises(ValueError, match="not a locale"):
        parse_locale("C")
    assert str(parse_locale("de-AT")) == "de_AT"


def test_rates_and_quantities() -> None:
    assert format_percent(Decimal("19")) == "19%"
    assert format_percent(Decimal("8.1")) == "8.1%"
    assert format_decimal_plain(Decimal("1.50")) == "1.5"
    with formats_in("de_DE"):
        assert format_percent(Decimal("8.1")) == "8,1\u00a0%"
        assert format_decimal_plain(Decimal("1.50")) == "1,5"
    with formats_in("fr_FR"):
        assert format_percent(Decimal("19")) == "19\u00a0%"


def test_the_week_ahead_names_its_days() -> None:
    assert format_weekday(date(2026, 3, 3)) == "Tuesday"
    assert format_weekday_day_month(date(2026, 3, 5)) == "Thu 5 Mar"
    with formats_in("de_DE"):
        assert format_weekday(date(2026, 3, 3)) == "Dienstag"
        assert format_weekday_day_month(date(2026, 3, 5)) == "Do., 5. März"
