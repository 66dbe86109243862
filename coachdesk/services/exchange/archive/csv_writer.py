"""One CSV file per table, for spreadsheets: UTF-8 with a byte-order mark so Excel reads names
such as Zoë or Łukasz right, one header row of column names, and a row per record.
"""

from __future__ import annotations

import csv
import io
import zipfile

from sqlalchemy.orm import Session

from coachdesk.services.exchange.archive.common import Ticker
from coachdesk.services.exchange.archive.tables import BlobRef, Part, key_of, select_rows, to_cell


def write_csv(
    zf: zipfile.ZipFile,
    db: Session,
    part: Part,
    blobs: dict[tuple[str, str, tuple[object, ...]], BlobRef],
    ticker: Ticker,
) -> None:
    """``csv/<table>.csv``; a binary column holds the name of its file in the archive."""
    table = part.table
    with (
        zf.open(f"csv/{table.name}.csv", "w", force_zip64=True) as entry,
        io.TextIOWrapper(entry, encoding="utf-8-sig", newline="") as text,
    ):
        writer = csv.writer(text)
        writer.writerow([c.name for c in part.columns])
        columns = list(dict.fromkeys([*table.primary_key.columns, *part.plain_columns]))
        for row in db.execute(select_rows(part, columns)):
            values = row._mapping
            key = key_of(table, row)
            writer.writerow(
                [
                    _blob_cell(blobs.get((table.name, c.name, key)))
                    if c.name not in values
                    else to_cell(c, values[c.name])
                    for c in part.columns
                ]
            )
            ticker.step()


def _blob_cell(ref: BlobRef | None) -> str:
    return "" if ref is None else ref.file
