"""The one JSON document of an export, written row by row so a large practice never has to fit
in memory: a header (format, version, when, which app), then one array per table.
"""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

from sqlalchemy.orm import Session

from coachdesk.services.exchange.archive.common import Ticker
from coachdesk.services.exchange.archive.tables import (
    DOCUMENT_NAME,
    BlobRef,
    Part,
    key_of,
    select_rows,
    to_json,
)


def write_document(
    zf: zipfile.ZipFile,
    db: Session,
    header: dict[str, Any],
    parts: list[Part],
    *,
    blobs: dict[tuple[str, str, tuple[object, ...]], BlobRef],
    ticker: Ticker,
) -> None:
    with (
        zf.open(DOCUMENT_NAME, "w", force_zip64=True) as entry,
        io.TextIOWrapper(entry, encoding="utf-8", newline="\n") as out,
    ):
        out.write("{\n")
        for name, value in header.items():
            out.write(f"  {_dumps(name)}: {_dumps(value)},\n")
        for number, part in enumerate(parts):
            out.write(f"  {_dumps(part.table.name)}: [")
            _write_rows(out, db, part, blobs, ticker)
            out.write("]" + (",\n" if number < len(parts) - 1 else "\n"))
        out.write("}\n")


def _write_rows(
    out: io.TextIOWrapper,
    db: Session,
    part: Part,
    blobs: dict[tuple[str, str, tuple[object, ...]], BlobRef],
    ticker: Ticker,
) -> None:
    table = part.table
    columns = list(dict.fromkeys([*table.primary_key.columns, *part.plain_columns]))
    separator = "\n    "
    for row in db.execute(select_rows(part, columns)):
        values = row._mapping
        key = key_of(table, row)
        record = {}
        for column in part.columns:
            if column.name in values:
                record[column.name] = to_json(column, values[column.name])
            else:
                ref = blobs.get((table.name, column.name, key))
                record[column.name] = None if ref is None else ref.to_json()
        out.write(separator + _dumps(record))
        separator = ",\n    "
        ticker.step()
    if separator != "\n    ":
        out.write("\n  ")


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)
