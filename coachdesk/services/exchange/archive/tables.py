"""The tables in an export, how each column's value is written and read back, and what belongs
to one client.

Every table of the model is exported with every column, in foreign-key order, so the same order
imports them. Values follow the column types: instants as ISO 8601 in UTC, money as decimal text,
enums as their stored words, binary columns as a reference to a file in the ZIP.
"""

from __future__ import annotations

import enum
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import (
    Boolean,
    ColumnElement,
    Date,
    Enum,
    Integer,
    LargeBinary,
    Select,
    String,
    Table,
    select,
    union,
)
from sqlalchemy import Column as SAColumn

from coachdesk.model import Base, Client, Engagement, Goal, Invoice
from coachdesk.model.types import Money, UTCDateTime

FORMAT = "coachdesk-export"
VERSION = 1
DOCUMENT_NAME = "coachdesk-export.json"
README_NAME = "README.txt"
SCOPE_PRACTICE = "practice"
SCOPE_CLIENT = "client"
SQLITE_INT_MIN, SQLITE_INT_MAX = -(2**63), 2**63 - 1
SURROGATE = re.compile("[\ud800-\udfff]")
# Where a spreadsheet may see a cell begin (the start, or a separator) with a formula trigger.
TRIGGER = re.compile("[=+\\-@\uff1d\uff0b\uff0d\uff20]")  # none of them: nothing to guard
FORMULA = re.compile(r'((?:^|[,;\t\r\n])[\s"]*)(?=[=+\-@\uff1d\uff0b\uff0d\uff20])')
CLIENT_OWNED = frozenset(
    {
        "client_tag",
        "engagement",
        "coaching_session",
        "goal",
        "action_item",
        "follow_up",
        "invoice",
        "access_request",
        "questionnaire_form",
        "questionnaire_answer",
    }
)

# What a per-client export leaves out: the coach's private notes (never shown to anyone, as in
# every document), the coach's own notes about a sponsor organisation, and note-editor drafts
# (they may hold private notes). Tables about the practice itself are left out as a whole.
CLIENT_EXCLUDED_COLUMNS = {
    "coaching_session": frozenset({"private_notes"}),
    "sponsor": frozenset({"notes"}),
}
# What a plain practice export leaves out unless the coach asks: the private notes and the
# note-editor drafts that may hold them. An encrypted one keeps them, to move computers losslessly.
PRIVATE_COLUMNS = {"coaching_session": frozenset({"private_notes"})}
PRIVATE_TABLES = frozenset({"note_draft"})
# The file extension of a binary column, fixed or taken from the MIME type in another column.
BLOB_SUFFIX = {("agreement", "pdf"): ".pdf", ("invoice", "pdf"): ".pdf"}
BLOB_MIME_COLUMN = {
    ("agreement", "scan"): "scan_mime",
    ("coach_profile", "logo"): "logo_mime",
    ("cce_activity", "evidence"): "evidence_mime",
}
MIME_SUFFIX = {
    "application/pdf": ".pdf",
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "image/tiff": ".tif",
    "image/gif": ".gif",
    "image/webp": ".webp",
    "image/svg+xml": ".svg",
}


class BadValue(ValueError):
    """A value in the archive does not fit its column."""


@dataclass(frozen=True)
class BlobRef:
    """A binary value stored as a file in the ZIP; the digest proves it arrived whole."""

    file: str
    size: int
    sha256: str

    def to_json(self) -> dict[str, Any]:
        return {"file": self.file, "size": self.size, "sha256": self.sha256}


def tables() -> list[Table]:
    """Every table of the model, parents before children."""
    return list(Base.metadata.sorted_tables)


def blob_columns(table: Table) -> list[SAColumn[Any]]:
    return [c for c in table.columns if isinstance(c.type, LargeBinary)]


def client_columns(table: Table) -> list[SAColumn[Any]]:
    return _without(table, CLIENT_EXCLUDED_COLUMNS)


def _without(table: Table, excluded: dict[str, frozenset[str]]) -> list[SAColumn[Any]]:
    left_out = excluded.get(table.name, frozenset())
    return [c for c in table.columns if c.name not in left_out]


def key_of(table: Table, row: Any) -> tuple[Any, ...]:
    return tuple(row._mapping[c.name] for c in table.primary_key.columns)


def blob_name(table: Table, column: str, key: tuple[Any, ...], mime: str) -> str:
    suffix = BLOB_SUFFIX.get((table.name, column)) or MIME_SUFFIX.get(mime, ".bin")
    ident = "-".join(str(part) for part in key)
    return f"files/{table.name}-{ident}-{column}{suffix}"


def blob_ref(name: str, data: bytes) -> BlobRef:
    return BlobRef(name, len(data), hashlib.sha256(data).hexdigest())


def client_rows(table: Table, client_id: int) -> ColumnElement[bool] | None:
    """Which rows of ``table`` belong to the client, or None when the table is not theirs."""
    c = table.c
    if table.name == "client":
        return c.id == client_id
    if table.name == "sponsor":
        return c.id.in_(
            union(
                select(Client.sponsor_id).where(Client.id == client_id),
                select(Engagement.sponsor_id).where(Engagement.client_id == client_id),
            )
        )
    if table.name == "agreement":
        return c.engagement_id.in_(select(Engagement.id).where(Engagement.client_id == client_id))
    if table.name in ("invoice_line", "payment"):
        return c.invoice_id.in_(select(Invoice.id).where(Invoice.client_id == client_id))
    if table.name in ("milestone", "progress_rating"):
        return c.goal_id.in_(select(Goal.id).where(Goal.client_id == client_id))
    if table.name in CLIENT_OWNED:
        return c.client_id == client_id
    return None


def json_value(column: SAColumn[Any]) -> Callable[[Any], Any]:
    """How the column's values are written as JSON (``docs/export-format.md``): chosen once per
    column, since an export converts a million values."""
    kind = column.type
    if isinstance(kind, (UTCDateTime, Date)):
        return _iso
    if isinstance(kind, Money):
        return _decimal
    if isinstance(kind, (Boolean, Integer)) or (
        isinstance(kind, String) and not isinstance(kind, Enum)
    ):
        return _same
    return _plain


def cell_value(column: SAColumn[Any]) -> Callable[[Any], str]:
    """How the column's values are written in a spreadsheet: times in UTC without the "T",
    booleans as words, and text guarded against running as a formula (``guard_formulas``)."""
    kind = column.type
    if isinstance(kind, UTCDateTime):
        return _spreadsheet_time
    if isinstance(kind, Boolean):
        return _words
    if isinstance(kind, String) and not isinstance(kind, Enum):
        return _guarded
    as_json = json_value(column)

    def cell(value: Any) -> str:
        if value is None:
            return ""
        text = str(as_json(value))
        return guard_formulas(text) if isinstance(value, str) else text

    return cell


def _iso(value: date | datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _decimal(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _same(value: Any) -> Any:
    return value


def _plain(value: Any) -> Any:
    return value.value if isinstance(value, enum.Enum) else value


def _spreadsheet_time(value: datetime | None) -> str:
    return "" if value is None else value.strftime("%Y-%m-%d %H:%M:%S")


def _words(value: bool | None) -> str:
    return "" if value is None else ("true" if value else "false")


def _guarded(value: Any) -> str:
    if value is None:
        return ""
    return guard_formulas(value) if isinstance(value, str) else str(value)


def guard_formulas(text: str) -> str:
    """``text`` with an apostrophe before every formula a spreadsheet could find in it, so the
    spreadsheet shows the text instead of running it; the JSON document keeps the exact text.

    A formula starts with = + - @ or their full-width forms (Excel reads ＝ as =), after
    spaces or quotes. It is guarded at the start of the cell and after every comma, semicolon,
    tab and line break in it too: a spreadsheet set to another separator (European Excel's
    semicolon) cuts the cell there and the piece after it starts a cell of its own. A cell
    starting with a tab or carriage return is guarded whatever follows.
    """
    if text[:1] in ("\t", "\r"):
        text = "'" + text
    return FORMULA.sub(r"\1'", text) if TRIGGER.search(text) else text


def from_json(column: SAColumn[Any], value: Any) -> Any:
    """A JSON value back to what the column stores; raises ``BadValue`` when it does not fit."""
    if value is None:
        if not column.nullable:
            raise BadValue(column.name)
        return None
    kind = column.type
    try:
        if isinstance(kind, UTCDateTime):
            instant = datetime.fromisoformat(_text(value))
            if instant.tzinfo is None:
                raise BadValue(column.name)
            return instant
        if isinstance(kind, Date):
            return date.fromisoformat(_text(value))
        if isinstance(kind, Money):
            return Decimal(_text(value))
        if isinstance(kind, Enum) and kind.enum_class is not None:
            return kind.enum_class(_text(value))
        if isinstance(kind, Boolean):
            if not isinstance(value, bool):
                raise BadValue(column.name)
            return value
        if isinstance(kind, Integer):
            return _integer(column, value)
        return _text(value)
    except (ValueError, InvalidOperation):
        raise BadValue(column.name) from None


def _integer(column: SAColumn[Any], value: Any) -> int:
    """A whole number that fits SQLite's 64 bits (JSON true is not one)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise BadValue(column.name)
    if not SQLITE_INT_MIN <= value <= SQLITE_INT_MAX:
        raise BadValue(column.name)
    return value


def _text(value: Any) -> str:
    """A string UTF-8 can hold: JSON's ``\\ud800`` escapes make half characters that SQLite
    refuses."""
    if not isinstance(value, str) or SURROGATE.search(value):
        raise BadValue("text")
    return value


@dataclass(frozen=True)
class Part:
    """One table in an export: which columns, and which rows (None: all of them)."""

    table: Table
    columns: list[SAColumn[Any]]
    where: ColumnElement[bool] | None

    @property
    def plain_columns(self) -> list[SAColumn[Any]]:
        return [c for c in self.columns if not isinstance(c.type, LargeBinary)]


def parts(client_id: int | None, *, private_notes: bool = True) -> list[Part]:
    """The tables of an export in import order: all of them (without the private notes unless
    ``private_notes``), or what belongs to one client, never with private notes."""
    if client_id is None:
        if private_notes:
            return [Part(table, list(table.columns), None) for table in tables()]
        return [
            Part(table, _without(table, PRIVATE_COLUMNS), None)
            for table in tables()
            if table.name not in PRIVATE_TABLES
        ]
    found = []
    for table in tables():
        where = client_rows(table, client_id)
        if where is not None:
            found.append(Part(table, client_columns(table), where))
    return found


@dataclass(frozen=True)
class Layout:
    """Where each exported column sits in the rows ``select_rows(part, layout.selected)``
    gives (``None``: a binary column, written as a file), and where the primary key sits."""

    selected: list[SAColumn[Any]]
    positions: list[int | None]
    key: list[int]


def layout(part: Part) -> Layout:
    table = part.table
    selected = list(dict.fromkeys([*table.primary_key.columns, *part.plain_columns]))
    where = {column.name: number for number, column in enumerate(selected)}
    return Layout(
        selected,
        [where.get(column.name) for column in part.columns],
        [where[column.name] for column in table.primary_key.columns],
    )


def select_rows(part: Part, columns: list[SAColumn[Any]], batch: int = 500) -> Select[Any]:
    """The part's rows in primary-key order, fetched in batches so memory stays bounded."""
    query = select(*columns).order_by(*part.table.primary_key.columns)
    if part.where is not None:
        query = query.where(part.where)
    return query.execution_options(yield_per=batch)
