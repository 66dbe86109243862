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
    json_value,
    layout,
    select_rows,
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
    shape = layout(part)
    values = [json_value(column) for column in part.columns]
    names = [column.name for column in part.columns]
    separator = "\n    "
    for row in db.connection().execute(select_rows(part, shape.selected)):
        key = tuple(row[number] for number in shape.key)
        record = {}
        for name, place, value in zip(names, shape.positions, values, strict=True):
            if place is None:
                ref = blobs.get((table.name, name, key))
                record[name] = None if ref is None else ref.to_json()
            else:
                record[name] = value(row[place])
        out.write(separator + _dumps(record))
        separator = ",\n    "
        ticker.step()
    if separator != "\n    ":
        out.write("\n  ")


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)
