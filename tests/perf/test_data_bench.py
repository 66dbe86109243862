"""Data in and out at a busy career's size: 10,000 clients from a CSV, and a 1,000-client
practice (about 20,000 sessions) exported, encrypted, imported into a new vault, and sent to a
calendar.

Run: ``python -m tests.perf --only data`` (or ``pytest tests/perf -m perf -s -k data``).
Medians of 3 runs; the practice's export, import and calendar are recorded against issue 16's
goals (2 s, 2 s, 1.5 s) for the generated table, the CSV import is printed only.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from functools import partial
from pathlib import Path
from typing import Any

import pytest

from coachdesk import vault
from coachdesk.services.demo.practice import fill_demo
from coachdesk.services.exchange.archive import export_practice, import_practice
from coachdesk.services.exchange.calendar_export import calendar_ics
from coachdesk.services.exchange.contacts_import import import_rows, load_contacts, plan_import
from coachdesk.services.exchange.contacts_import.plan import RowStatus
from coachdesk.vault import Vault
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.perf.figures import record

pytestmark = pytest.mark.perf
RUNS = 3
CSV_ROWS = 10_000
PRACTICE_CLIENTS = 1_000
SECRET = "a long export passphrase"


def timed(work: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = work()
    return (time.perf_counter() - started) * 1000, result


def median_of(runs: list[float]) -> float:
    return statistics.median(runs)


def report(label: str, ms: float, detail: str = "") -> None:
    print(f"  {label:<46} {ms:9.0f} ms  {detail}")


def new_vault(folder: Path) -> Vault:
    return vault.create(folder, PASSPHRASE, kdf=FAST_KDF).vault


def write_csv(path: Path, rows: int) -> None:
    lines = ["Name,Email,Phone,Organisation"]
    lines += [
        f"Client {n} Łukasiewicz,client{n}@example.org,+353 1 555 {n:04d},Firm {n % 97}"
        for n in range(rows)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_csv_import_of_ten_thousand_clients(tmp_path: Path) -> None:
    source = tmp_path / "clients.csv"
    write_csv(source, CSV_ROWS)
    reading, planning, importing = [], [], []
    for run in range(RUNS):
        v = new_vault(tmp_path / f"vault{run}")
        ms, contacts = timed(lambda: load_contacts(source))
        reading.append(ms)
        with v.session() as db:
            ms, plan = timed(partial(plan_import, db, contacts.candidates()))
        planning.append(ms)
        fresh = [row for row in plan.rows if row.status == RowStatus.NEW]
        assert len(fresh) == CSV_ROWS
        with v.session() as db, db.begin():
            ms, added = timed(partial(import_rows, db, fresh))
        importing.append(ms)
        assert added == CSV_ROWS
        v.close()
    print(f"\nCSV import of {CSV_ROWS:,} clients (median of {RUNS})")
    report("read and map the file", median_of(reading))
    report("judge every row (duplicates, validity)", median_of(planning))
    report("import in one transaction", median_of(importing))


def test_export_import_and_calendar_of_a_busy_practice(tmp_path: Path) -> None:
    source = new_vault(tmp_path / "source")
    fill_demo(source.engine, PRACTICE_CLIENTS, 7, today=date(2026, 11, 28))
    plain, sealed, restored, ics = [], [], [], []
    sizes: dict[str, int] = {}
    for run in range(RUNS):
        with source.session() as db:
            ms, summary = timed(partial(export_practice, db, tmp_path / f"p{run}.zip"))
            plain.append(ms)
            sizes["plain"] = summary.path.stat().st_size
            sealed_file = tmp_path / f"e{run}.cdexport"
            ms, summary = timed(partial(export_practice, db, sealed_file, passphrase=SECRET))
            sealed.append(ms)
            sizes["encrypted"] = summary.path.stat().st_size
            year = {"start": date(2026, 1, 1), "end": date(2026, 12, 31)}
            ms, data = timed(partial(calendar_ics, db, **year))
            ics.append(ms)
            sizes["events"] = data.count(b"BEGIN:VEVENT")
        target = new_vault(tmp_path / f"target{run}")
        with target.session() as db, db.begin():
            ms, _summary = timed(partial(import_practice, db, sealed_file, passphrase=SECRET))
        restored.append(ms)
        target.close()
    source.close()
    print(f"\na {PRACTICE_CLIENTS:,}-client practice (median of {RUNS}, {datetime.now(UTC):%H:%M})")
    practice = f"{PRACTICE_CLIENTS:,}-client practice"
    record(f"export of a {practice}, plain ZIP", plain, "ms", note=f"{sizes['plain'] / 1e6:.1f} MB")
    size = f"{sizes['encrypted'] / 1e6:.1f} MB"
    record(f"export of a {practice}, encrypted", sealed, "ms", goal=2000, note=size)
    record(f"import of a {practice} into a new vault", restored, "ms", goal=2000)
    events = f"{sizes['events']:,} events"
    record(f"calendar of a year, {practice}", ics, "ms", goal=1500, note=events)
