"""Rows of a CSV export as would-be clients, through a column-to-field mapping."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass

from coachdesk.errors import InvalidInput
from coachdesk.i18n import _
from coachdesk.services.clients import ClientFields
from coachdesk.services.contacts_import.candidates import Candidate, tidy_names
from coachdesk.services.contacts_import.headers import IGNORE, guess_mapping
from coachdesk.services.contacts_import.reading import sniff_delimiter

FIRST_DATA_ROW = 2  # the titles are row 1, as a spreadsheet numbers them


@dataclass(frozen=True)
class CsvTable:
    """The titles and cells of a CSV file, and how it was read."""

    headers: tuple[str, ...]
    rows: list[list[str]]
    encoding: str
    delimiter: str

    def guessed_mapping(self) -> list[str]:
        return guess_mapping(self.headers)


def parse_csv(text: str, encoding: str) -> CsvTable:
    """The table in ``text``; the first row holds the column titles."""
    delimiter = sniff_delimiter(text)
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise InvalidInput(
            _("This file is not a CSV file we can read ({reason}).").format(reason=exc)
        ) from None
    if not rows or not any(cell.strip() for cell in rows[0]):
        raise InvalidInput(_("This CSV file is empty: its first row should hold column titles."))
    headers = tuple(cell.strip().lstrip("\ufeff") for cell in rows[0])
    return CsvTable(headers, rows[1:], encoding, delimiter)


def csv_candidates(table: CsvTable, mapping: Sequence[str]) -> list[Candidate]:
    """One candidate per row that has anything in it; blank rows are not clients."""
    found = []
    for offset, row in enumerate(table.rows):
        if not any(cell.strip() for cell in row):
            continue
        values: dict[str, str] = {}
        for field, cell in zip(mapping, row, strict=False):
            if field != IGNORE and cell.strip() and field not in values:
                values[field] = _clean(field, cell)
        found.append(Candidate(FIRST_DATA_ROW + offset, tidy_names(ClientFields(**values))))
    return found


def _clean(field: str, cell: str) -> str:
    """Single-line fields lose stray line breaks; an address keeps its lines."""
    if field == "postal_address":
        return "\n".join(line.strip() for line in cell.strip().splitlines() if line.strip())
    return " ".join(cell.split())
