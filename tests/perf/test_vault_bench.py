"""Vault benchmarks: figures to report, not limits to assert (these machines are shared and noisy).

Run: ``pytest tests/perf -m perf -s``. Prints medians and ratios:
- vault open with the keychain's key vs with the passphrase (default Argon2id cost);
- commit latency of a small write;
- SQLCipher vs plain SQLite on the same insert and select workload (goal: at most 1.3x).
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from coachdesk import vault
from coachdesk.vault.engine import connect_raw
from tests.conftest import MemoryKeyring

pytestmark = pytest.mark.perf
PASSPHRASE = "benchmark passphrase"


def median_ms(fn: Callable[[], Any], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def report(label: str, value: float, unit: str = "ms") -> None:
    print(f"  {label:<52} {value:9.2f} {unit}")


def test_open_keychain_vs_passphrase(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    folder = tmp_path / "v"
    with vault.create(folder, PASSPHRASE).vault as v:
        v.remember_on_this_computer()
    with_key = median_ms(lambda: vault.open(folder, use_keychain=True).close(), 15)
    with_pass = median_ms(lambda: vault.open(folder, passphrase=PASSPHRASE).close(), 15)
    print("\nvault open (median of 15)")
    report("with the keychain's data key", with_key)
    report("with the passphrase (Argon2id 64 MiB, t=3, p=4)", with_pass)
    report("passphrase / keychain", with_pass / with_key, "x")


def test_small_commit_latency(tmp_path: Path) -> None:
    with vault.create(tmp_path / "v", PASSPHRASE).vault as v:
        counter = iter(range(10**9))

        def commit() -> None:
            with v.engine.begin() as conn:
                conn.execute(
                    text("INSERT INTO practice_setting VALUES (:k, :v, :t)"),
                    {"k": f"k{next(counter)}", "v": "a short note", "t": datetime.now(UTC)},
                )

        latency = median_ms(commit, 300)
    print("\nsmall write (median of 300 commits, synchronous=FULL)")
    report("commit latency", latency)


def workload(conn: Any) -> tuple[float, float]:
    """Insert 10,000 notes in 100 transactions, then 500 indexed lookups and 20 scans."""
    conn.execute("CREATE TABLE note (id INTEGER PRIMARY KEY, client INTEGER, body TEXT)")
    conn.execute("CREATE INDEX note_client ON note(client)")
    body = "The client explored options for the team offsite and chose one next step. " * 3
    start = time.perf_counter()
    for batch in range(100):
        conn.executemany(
            "INSERT INTO note (client, body) VALUES (?, ?)",
            [((batch * 100 + i) % 500, body) for i in range(100)],
        )
        conn.commit()
    inserted = time.perf_counter() - start
    start = time.perf_counter()
    for client in range(500):
        conn.execute("SELECT id, body FROM note WHERE client = ?", (client,)).fetchall()
    for _ in range(20):
        conn.execute("SELECT count(*) FROM note WHERE body LIKE '%next step%'").fetchone()
    selected = time.perf_counter() - start
    return inserted * 1000, selected * 1000


def configure(conn: Any) -> Any:
    for pragma in (
        "journal_mode = WAL",
        "synchronous = FULL",
        "temp_store = MEMORY",
        "cache_size = -8000",
    ):
        conn.execute(f"PRAGMA {pragma}")
    return conn


def test_sqlcipher_vs_plain_sqlite(tmp_path: Path) -> None:
    key = os.urandom(32)
    results: dict[str, list[tuple[float, float]]] = {"plain": [], "cipher": []}
    for run in range(5):
        plain = configure(sqlite3.connect(tmp_path / f"plain{run}.db"))
        results["plain"].append(workload(plain))
        plain.close()
        cipher = configure(connect_raw(tmp_path / f"cipher{run}.db", key))
        results["cipher"].append(workload(cipher))
        cipher.close()
    med = {
        name: (statistics.median(r[0] for r in rs), statistics.median(r[1] for r in rs))
        for name, rs in results.items()
    }
    print("\nSQLCipher vs plain SQLite (median of 5; 10,000 inserts in 100 commits; selects)")
    report("plain SQLite insert", med["plain"][0])
    report("SQLCipher insert", med["cipher"][0])
    report("insert ratio (goal <= 1.3)", med["cipher"][0] / med["plain"][0], "x")
    report("plain SQLite select", med["plain"][1])
    report("SQLCipher select", med["cipher"][1])
    report("select ratio (goal <= 1.3)", med["cipher"][1] / med["plain"][1], "x")
