"""One CSV file per table, for spreadsheets: UTF-8 with a byte-order mark so Excel reads names
such as Zoë or Łukasz right, one header row of column names, and a row per record.
"""

from __future__ import annotations

import csv
import io
import zipfile

from sqlalchemy.orm import Session

from coachdesk.services.exchange.archive.common import Ticker
from coachdesk.services.exchange.archive.tables import (
    BlobRef,
    Part,
    cell_value,
    layout,
    select_rows,
)


def write_csv(
    zf: zipfile.ZipFile,
    db: Session,
    part: Part,
    blobs: dict[tuple[str, str, tuple[object, ...]], BlobRef],
    ticker: Ticker,
) -> None:
    """``csv/<table>.csv``; a binary column holds the name of its file in the archive."""
    table = part.table
    shape = layout(part)
    cells = [cell_value(column) for column in part.columns]
    names = [column.name for column in part.columns]
    with (
        zf.open(f"csv/{table.name}.csv", "w", force_zip64=True) as entry,
        io.TextIOWrapper(entry, encoding="utf-8-sig", newline="") as text,
    ):
        writer = csv.writer(text)
        writer.writerow(names)
        for row in db.connection().execute(select_rows(part, shape.selected)):
            key = tuple(row[number] for number in shape.key)
            writer.writerow(
                [
                    _blob_cell(blobs.get((table.name, name, key)))
                    if place is None
                    else cell(row[place])
                    for name, place, cell in zip(names, shape.positions, cells, strict=True)
                ]
            )
            ticker.step()


def _blob_cell(ref: BlobRef | None) -> str:
    return "" if ref is None else ref.file
