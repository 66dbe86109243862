"""Practice benchmarks at 20x a career: 10,000 clients, ~200,000 sessions (the demo practice).

Run: ``python -m tests.perf --only practice`` (or ``pytest tests/perf -m perf -s -k practice``).
Records the medians in ms against their goals for the generated table; the machines are shared
and noisy, so nothing is asserted.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select, update

from coachdesk import vault
from coachdesk.model import CoachingSession
from coachdesk.services.overviews.overview import client_overview
from coachdesk.services.overviews.search import search
from coachdesk.services.overviews.today import today
from coachdesk.services.people.clients import list_clients
from coachdesk.vault import Vault
from tests.conftest import PASSPHRASE
from tests.perf.conftest import BUSY_CLIENT, NOW
from tests.perf.figures import record

pytestmark = pytest.mark.perf
TZ = ZoneInfo("Europe/Dublin")
SEARCHES = ("delegat", "board update", "lukasz", "calendar full", "oluwaseun adeyemi")


def median_ms(fn: Callable[[], Any], runs: int = 15) -> list[float]:
    """The times of ``runs`` calls in ms, after one to warm the page and statement caches."""
    fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return times


def report(label: str, samples: list[float], target: float) -> None:
    record(f"{label}, 10k clients", samples, "ms", goal=target)


@pytest.fixture(scope="module")
def practice(demo_vault_dir: Path) -> Iterator[Vault]:
    v = vault.open(demo_vault_dir, passphrase=PASSPHRASE)
    yield v
    v.close()


def test_practice_queries(practice: Vault) -> None:
    print("\npractice at 10,000 clients (median of 15)")
    with practice.session() as db:
        sessions = db.scalar(select(func.count()).select_from(CoachingSession))
        print(f"  ({sessions:,} sessions)")
        report("client list", median_ms(lambda: list_clients(db, now=NOW)), 40)  # issue 16
        report(
            'filtered client list ("ann")',
            median_ms(lambda: list_clients(db, text="ann", now=NOW)),
            16,
        )
        busy = db.scalar(select(func.count()).where(CoachingSession.client_id == BUSY_CLIENT))
        report(
            f"one client's overview ({busy} sessions)",
            median_ms(lambda: client_overview(db, BUSY_CLIENT, now=NOW)),
            30,
        )
        report("Today", median_ms(lambda: today(db, NOW, TZ)), 50)
        for words in SEARCHES:
            report(f'search "{words}"', median_ms(lambda w=words: search(db, w)), 30)
        report("search, typing letter by letter (2+ letters)", _typing(db, "delegation"), 50)
    counter = iter(range(10**6))

    def save_note() -> None:
        with practice.session() as db, db.begin():
            db.execute(
                update(CoachingSession)
                .where(CoachingSession.id == 12345)
                .values(shared_notes=f"Goal\nA calmer week, take {next(counter)}.\n\nWill\nRest.")
            )

    report("note save (update shared notes, commit)", median_ms(save_note, 50), 10)


def _typing(db: Any, word: str) -> list[float]:
    """The median time of each prefix typed, from two letters on."""
    return [
        statistics.median(median_ms(lambda n=n: search(db, word[:n]), 5))
        for n in range(2, len(word) + 1)
    ]
