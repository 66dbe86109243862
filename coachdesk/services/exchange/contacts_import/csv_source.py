"""Rows of a CSV export as would-be clients, through a column-to-field mapping.

A middle name joins the given name; address parts (Outlook's "Business City"…) become the postal
address when no column holds it whole, from the business address if any part of it is filled in,
else the home address, else the other. Google puts several values in one cell ("a ::: b"): an
email or phone takes the first.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass

from coachdesk.errors import InvalidInput
from coachdesk.i18n import _
from coachdesk.services.exchange.contacts_import.candidates import (
    Candidate,
    address_text,
    tidy_names,
)
from coachdesk.services.exchange.contacts_import.headers import (
    ADDRESS_GROUPS,
    ADDRESS_PARTS,
    CITY,
    COUNTRY,
    IGNORE,
    MIDDLE_NAME,
    POSTCODE,
    REGION,
    STREET,
    address_group,
    guess_mapping,
)
from coachdesk.services.exchange.contacts_import.reading import (
    MAX_CONTACTS,
    lines_of,
    sniff_delimiter,
)
from coachdesk.services.people.clients import ClientFields

FIRST_DATA_ROW = 2  # the titles are row 1, as a spreadsheet numbers them
MULTI_VALUE = ":::"  # Google's separator between the values of one cell
MULTI_LINE = {"postal_address", STREET}
FIRST_VALUE_ONLY = {"email", "phone"}
# The address groups in order of preference; titles without a group come last.
GROUP_ORDER = {group: rank for rank, group in enumerate((*ADDRESS_GROUPS, ""))}
MAX_TABLE_BYTES = 128 * 1024 * 1024  # three times a 50,000-row, 90-column Outlook export
POINTER, STRING_OVERHEAD = 8, 50


@dataclass(frozen=True)
class CsvTable:
    """The titles and cells of a CSV file, and how it was read."""

    headers: tuple[str, ...]
    rows: list[list[str]]
    encoding: str
    delimiter: str

    def guessed_mapping(self) -> list[str]:
        return guess_mapping(self.headers)


def parse_csv(text: str, encoding: str, name: str) -> CsvTable:
    """The table in ``text``; the first row holds the column titles. Errors name the file
    ``name`` and the line."""
    delimiter = sniff_delimiter(text)
    reader = csv.reader(lines_of(text), delimiter=delimiter)
    rows: list[list[str]] = []
    held = 0
    try:
        for row in reader:
            held += _held_bytes(row)
            if len(rows) > MAX_CONTACTS or held > MAX_TABLE_BYTES:
                message = _("{file} is too large for one import (at most {n} rows): split it up.")
                raise InvalidInput(message.format(file=name, n=MAX_CONTACTS))
            rows.append(row)
    except csv.Error as exc:
        message = _("{file} is not a CSV file we can read: line {line}: {reason}.")
        raise InvalidInput(message.format(file=name, line=reader.line_num, reason=exc)) from None
    if not rows or not any(cell.strip() for cell in rows[0]):
        message = _("{file} is empty: its first row should hold column titles.")
        raise InvalidInput(message.format(file=name))
    headers = tuple(cell.strip().lstrip("\ufeff") for cell in rows[0])
    return CsvTable(headers, rows[1:], encoding, delimiter)


def _held_bytes(row: list[str]) -> int:
    """About what CPython spends holding ``row``: a pointer a cell, and a string object for
    each cell longer than one character (shorter ones are shared). A file of short cells
    costs twenty times its size this way, so the bound is on this, not on the bytes."""
    return POINTER * len(row) + sum(STRING_OVERHEAD + len(cell) for cell in row if len(cell) > 1)


def csv_candidates(table: CsvTable, mapping: Sequence[str]) -> list[Candidate]:
    """One candidate per row that has anything in it; blank rows are not clients."""
    groups = [address_group(title) for title in table.headers]
    found = []
    for offset, row in enumerate(table.rows):
        if any(cell.strip() for cell in row):
            fields = _row_fields(row, mapping, groups)
            found.append(Candidate(FIRST_DATA_ROW + offset, fields))
    return found


def _row_fields(row: Sequence[str], mapping: Sequence[str], groups: list[str]) -> ClientFields:
    values: dict[str, str] = {}
    parts: dict[str, dict[str, list[str]]] = {}  # address group -> part -> filled-in cells
    for field, group, cell in zip(mapping, groups, row, strict=False):
        text = "" if field == IGNORE else _clean(field, cell)
        if not text:
            continue
        if field in ADDRESS_PARTS:
            parts.setdefault(group, {}).setdefault(field, []).append(text)
        elif field not in values:
            values[field] = text
    middle = values.pop(MIDDLE_NAME, "")
    if middle:
        values["given_name"] = " ".join(p for p in (values.get("given_name", ""), middle) if p)
    if parts and "postal_address" not in values:
        values["postal_address"] = _address(parts)
    # Columns map to text fields only (headers.FIELD_KEYS), so every value here is a str.
    return tidy_names(ClientFields(**values))  # type: ignore[arg-type]


def _address(groups: dict[str, dict[str, list[str]]]) -> str:
    """The most wanted address with anything filled in, as one postal address."""
    parts = groups[min(groups, key=GROUP_ORDER.__getitem__)]

    def first(part: str) -> str:
        return parts.get(part, [""])[0]

    return address_text(
        parts.get(STREET, []),
        first(CITY),
        first(REGION),
        first(POSTCODE),
        first(COUNTRY),
    )


def _clean(field: str, cell: str) -> str:
    """Single-line fields lose stray line breaks; an address keeps its lines. An email or phone
    cell holding several values keeps the first."""
    if field in MULTI_LINE:
        return "\n".join(line.strip() for line in cell.strip().splitlines() if line.strip())
    if field in FIRST_VALUE_ONLY:
        cell = next((value for value in cell.split(MULTI_VALUE) if value.strip()), "")
    return " ".join(cell.split())
