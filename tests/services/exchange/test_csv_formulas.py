"""The export's spreadsheets never run a client's text as a formula, whatever separator the
spreadsheet reads them with: comma, European Excel's semicolon, or tab."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import pytest

from coachdesk.services.exchange.archive import export_practice
from coachdesk.vault import Vault
from tests.services import factories

TRIGGERS = ("=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20")
HOSTILE = [
    "x;=1+1",
    'y,=HYPERLINK("http://example.org")',
    "\uff1d1+1",
    "\uff0bcmd",
    "\uff0d2+3",
    "\uff20SUM(1)",
    " =1+1",
    'q;"=1+1',
    "-2+3",
]


@pytest.fixture
def exported(open_vault: Vault, tmp_path: Path) -> Path:
    with open_vault.session() as db, db.begin():
        for number, text in enumerate(HOSTILE):
            factories.client(
                db,
                f"Client {number}",
                organisation=text,
                postal_address=f"1 Main Street\n{text}\nz\t@SUM(A1)",
            )
        dest = tmp_path / "practice.zip"
        export_practice(db, dest)
    return dest


@pytest.mark.parametrize("delimiter", [",", ";", "\t"], ids=["comma", "semicolon", "tab"])
def test_no_cell_starts_a_formula_whatever_the_separator(exported: Path, delimiter: str) -> None:
    with zipfile.ZipFile(exported) as zf:
        text = zf.read("csv/client.csv").decode("utf-8-sig")
    cells = [cell for row in csv.reader(io.StringIO(text), delimiter=delimiter) for cell in row]
    assert cells
    starts = [cell for cell in cells if cell.lstrip(' "').startswith(TRIGGERS)]
    assert starts == []


def test_the_guard_adds_only_apostrophes_and_the_json_keeps_the_exact_text(
    exported: Path,
) -> None:
    with zipfile.ZipFile(exported) as zf:
        rows = list(csv.DictReader(io.StringIO(zf.read("csv/client.csv").decode("utf-8-sig"))))
        document = json.loads(zf.read("coachdesk-export.json"))
    assert sorted(row["organisation"].replace("'", "") for row in rows) == sorted(
        text.replace("'", "") for text in HOSTILE
    )
    assert sorted(c["organisation"] for c in document["client"]) == sorted(HOSTILE)
