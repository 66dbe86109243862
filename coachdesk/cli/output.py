"""Printing results: aligned tables for people, ``--json`` for scripts (a stable interface)."""

from __future__ import annotations

import dataclasses
import enum
import json
import re
import sys
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from coachdesk import words
from coachdesk.i18n import _


def plain(value: Any) -> Any:
    """A JSON-ready copy: dataclasses as objects, enums as their words, instants in ISO 8601."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [plain(v) for v in value]
    if isinstance(value, bytes):
        return None
    return value


# What a terminal would obey rather than show. JSON escapes C0 itself but not DEL and C1.
TERMINAL_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
JSON_UNESCAPED_CONTROL = re.compile("[\x7f-\x9f]")


def terminal_text(text: str) -> str:
    """``text`` with every control character but line breaks and tabs shown as ``\\x1b`` and
    the like: a value stored before controls were refused (or restored from an archive) must
    not retitle the terminal, move its cursor or rewrite what was printed."""
    return TERMINAL_CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def print_json(value: Any) -> None:
    text = json.dumps(plain(value), indent=2, ensure_ascii=False)
    sys.stdout.write(JSON_UNESCAPED_CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", text))
    sys.stdout.write("\n")


def cell(value: Any, tz: ZoneInfo | None = None) -> str:
    """How one value reads in a table: local time without seconds, the model's enums by their
    labels (as the window shows them), other enums by their value."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return (value.astimezone(tz) if tz else value).strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return words.label(value) if words.has_label(value) else str(value.value).replace("_", " ")
    if isinstance(value, list | tuple):
        return ", ".join(cell(v, tz) for v in value)
    return terminal_text(str(value))


def print_table(
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    tz: ZoneInfo | None = None,
    *,
    empty: str = "",
) -> None:
    """Rows under their headers; ``empty`` says so in words when there are none (a list
    command's "No clients match.": a bare header line reads like a fault)."""
    text_rows = [[cell(v, tz) for v in row] for row in rows]
    if not text_rows and empty:
        print(empty)
        return
    widths = [len(h) for h in headers]
    for row in text_rows:
        widths = [max(w, len(c)) for w, c in zip(widths, row, strict=True)]
    line = "  ".join(f"{{:<{w}}}" for w in widths)
    print(line.format(*headers).rstrip())
    for row in text_rows:
        print(line.format(*row).rstrip())


def print_fields(pairs: Iterable[tuple[str, Any]], tz: ZoneInfo | None = None) -> None:
    """A record as "label: value" lines, skipping empty values."""
    shown = [(label, cell(value, tz)) for label, value in pairs]
    width = max((len(label) for label, text in shown if text), default=0)
    for label, text in shown:
        if text:
            print(f"{label + ':':<{width + 1}} {text}")


def warn(messages: Iterable[str]) -> None:
    for message in messages:
        print(
            _("coachdesk: warning: {message}").format(message=terminal_text(message)),
            file=sys.stderr,
        )
