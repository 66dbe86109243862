"""Turning command-line text into values; a bad value is a field error (exit 1), not usage."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from coachdesk.errors import ValidationError
from coachdesk.i18n import _
from coachdesk.services.validation import parse_money

Handler = Callable[[argparse.Namespace], int]


def group(commands: argparse._SubParsersAction, name: str, help_text: str) -> Any:
    """A noun (``client``, ``session``...) whose verbs are added with ``verb``."""
    parser = commands.add_parser(name, help=help_text, description=help_text)
    return parser.add_subparsers(dest="action", metavar="ACTION", required=True)


def verb(
    actions: Any, common: argparse.ArgumentParser, name: str, help_text: str, handler: Handler
) -> argparse.ArgumentParser:
    sub = actions.add_parser(name, help=help_text, description=help_text, parents=[common])
    sub.set_defaults(handler=handler)
    return sub


def parse_date(field: str, text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValidationError({field: _("Use a date like 2026-11-28.")}) from None


def parse_datetime(field: str, text: str | None, tz: ZoneInfo) -> datetime | None:
    """ISO 8601; without an offset the time is read in the coach's time zone."""
    if text is None:
        return None
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise ValidationError({field: _("Use a date and time like 2026-11-28T09:30.")}) from None
    return value if value.tzinfo else value.replace(tzinfo=tz)


def parse_amount(field: str, text: str | None) -> Decimal | None:
    return None if text is None else parse_money(field, text)
