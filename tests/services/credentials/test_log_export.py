"""The exported log read back (XLSX with openpyxl, CSV with csv) equals the hand-computed log."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from decimal import Decimal

import openpyxl
import pytest
from sqlalchemy.orm import Session

from coachdesk.services.credentials import log_export
from coachdesk.services.people import clients
from coachdesk.services.sessions import notes, sessions
from tests.services.credentials import practice
from tests.services.credentials.practice import EXPECTED_ROWS, EXPECTED_TOTALS, HEADER, TODAY
from tests.services.factories import client, session


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    """The 18-month window ends on the practice's "today", not the machine's."""
    from coachdesk.services.credentials import coaching_log

    monkeypatch.setattr(coaching_log, "coach_today", lambda db: TODAY)


def _value(cell: object) -> object:
    """A cell as the log holds it: dates as dates, hours as two-decimal Decimals."""
    if isinstance(cell, datetime):
        return cell.date()
    if isinstance(cell, float):
        return Decimal(str(cell)).quantize(Decimal("0.01"))
    return cell


def _hours(value: object) -> Decimal:
    return Decimal(str(value)).quantize(Decimal("0.01"))


TOTAL_LABELS = ["Total paid hours", "Total pro bono hours", "Total hours", "Clients counted"]


def _expected_totals() -> list[tuple[str, object]]:
    t = EXPECTED_TOTALS
    return list(
        zip(
            TOTAL_LABELS,
            [t["paid_hours"], t["pro_bono_hours"], t["total_hours"], t["clients"]],
            strict=True,
        )
    )


def test_the_xlsx_log_reads_back_as_the_hand_computed_rows_and_totals(db: Session) -> None:
    practice.build(db)
    book = openpyxl.load_workbook(io.BytesIO(log_export.log_xlsx(db)))
    sheet = book["Client coaching log"]
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert rows[0] == HEADER
    body = rows[1 : 1 + len(EXPECTED_ROWS)]
    as_logged = [[_value(c) for c in r[:6]] + [_hours(r[6]), _hours(r[7])] for r in body]
    assert as_logged == EXPECTED_ROWS
    block = rows[2 + len(EXPECTED_ROWS) :]
    assert all(c is None for c in rows[1 + len(EXPECTED_ROWS)])  # a blank line before totals
    totals = [(label, _hours(value) if "hours" in label else value) for label, value, *_ in block]
    assert totals[:4] == _expected_totals()
    assert totals[4] == ("Hours since 2024-12-30 (the last 18 months)", Decimal("10.25"))


def test_the_xlsx_drill_down_lists_the_counted_sessions(db: Session) -> None:
    practice.build(db)
    book = openpyxl.load_workbook(io.BytesIO(log_export.log_xlsx(db)))
    rows = list(book["Sessions"].iter_rows(values_only=True))
    assert rows[0][:5] == ("Date", "Client name", "Minutes", "Hours", "Paid or pro bono")
    body = rows[1:]
    assert len(body) == 11
    assert sum(r[2] for r in body) == 675
    assert (_value(body[0][0]), body[0][1], body[0][2], body[0][4]) == (
        date(2024, 9, 10),
        "Ines Paid",
        60,
        "Paid",
    )
    pro_bono = [r for r in body if r[4] == "Pro bono"]
    assert [(r[1], r[2]) for r in pro_bono] == [("Pablo Bono", 60), ("Pablo Bono", 60)]
    assert [r[6] for r in body if r[5] == "Group"] == [4, 4]


def test_the_csv_log_reads_back_as_the_hand_computed_rows_and_totals(db: Session) -> None:
    practice.build(db)
    data = log_export.log_csv(db)
    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == HEADER
    expected = [
        ["" if v is None else v.isoformat() if isinstance(v, date) else str(v) for v in row]
        for row in EXPECTED_ROWS
    ]
    expected[1][1] = "'+44 20 7946 0000"  # a leading + would start a formula in a spreadsheet
    assert rows[1 : 1 + len(expected)] == expected
    assert rows[1 + len(expected)] == []
    totals = rows[2 + len(expected) :]
    assert [tuple(r) for r in totals[:4]] == [(k, str(v)) for k, v in _expected_totals()]


def test_no_note_text_reaches_either_export(db: Session) -> None:
    ids = practice.build(db)
    secret = "Confided the merger plan"
    notes.record_notes(
        db,
        ids["short"],
        notes.NotesInput(agenda=secret, shared_notes=secret, private_notes=secret),
    )
    book = openpyxl.load_workbook(io.BytesIO(log_export.log_xlsx(db)))
    every_cell = [c for sheet in book for row in sheet.iter_rows(values_only=True) for c in row]
    assert not any(secret in str(c) for c in every_cell)
    assert secret.encode() not in log_export.log_csv(db)
    assert sessions.get_session(db, ids["short"]).private_notes == secret  # it was saved


def test_a_name_that_looks_like_a_formula_stays_text(db: Session) -> None:
    sly = client(db, '=HYPERLINK("http://x")', email="x@example.org", log_consent=True)
    session(db, sly, practice.on(2026, 5, 1), status=practice.HELD)
    book = openpyxl.load_workbook(io.BytesIO(log_export.log_xlsx(db)))
    cell = book["Client coaching log"]["A2"]
    assert (cell.value, cell.data_type) == ('=HYPERLINK("http://x")', "s")
    rows = list(csv.reader(io.StringIO(log_export.log_csv(db).decode("utf-8-sig"))))
    assert rows[1][0] == '\'=HYPERLINK("http://x")'
    assert clients.get_client(db, sly).display_name.startswith("=")
