"""A 10,000-client demo practice, shared by the benchmarks and cached between runs.

Building it takes minutes on the shared machine, so the closed vault is kept under
``COACHDESK_BENCH_CACHE`` (default ``~/.cache/coachdesk-bench``), named by the schema's head
revision and a digest of the demo generator; each run works on a fresh copy of it.
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import insert

from coachdesk import vault
from coachdesk.model import CoachingSession, NoteTemplate, SessionStatus
from coachdesk.services.demo.practice import fill_demo
from coachdesk.services.demo.text import grow_notes
from coachdesk.vault import Vault, migrate
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.perf.invoicing import INVOICES, add_invoices

CLIENTS = 10_000
TODAY = date(2026, 11, 25)
NOW = datetime(2026, 11, 25, 12, tzinfo=UTC)
BUSY_CLIENT = 1


def add_busy_sessions(v: Vault, client_id: int, count: int) -> None:
    """A long-standing client: ``count`` more completed sessions with notes, weekly."""
    rng = random.Random(1)
    start = NOW - timedelta(days=7 * count)
    rows = [
        {
            "client_id": client_id,
            "starts_at": start + timedelta(days=7 * n),
            "status": SessionStatus.COMPLETED,
            "shared_notes": grow_notes(
                rng, name="Zoë", topic="a long career", org="", action="Rest"
            ),
            "note_template": NoteTemplate.GROW,
            "created_at": NOW,
            "updated_at": NOW,
        }
        for n in range(count)
    ]
    with v.engine.begin() as conn:
        conn.execute(insert(CoachingSession.__table__), rows)


def cached_vault_name() -> str:
    """Changes when the schema or the demo generator does, so a stale practice is never reused."""
    demo = Path(fill_demo.__code__.co_filename).parent
    digest = hashlib.sha256()
    for source in [*sorted(demo.glob("*.py")), Path(__file__)]:
        digest.update(source.read_bytes())
    return f"vault-{migrate.head_revision()}-{CLIENTS}-{digest.hexdigest()[:12]}"


def build_demo_vault(folder: Path) -> None:
    v = vault.create(folder, PASSPHRASE, kdf=FAST_KDF).vault
    started = time.perf_counter()
    summary = fill_demo(v.engine, CLIENTS, seed=2026, today=TODAY)
    elapsed = time.perf_counter() - started
    add_busy_sessions(v, BUSY_CLIENT, 500)
    v.close()
    size = sum(p.stat().st_size for p in folder.iterdir() if p.is_file()) / 2**20
    print(f"\ndemo practice: {CLIENTS:,} clients filled in {elapsed:.1f} s ({size:.0f} MiB)")
    print(f"  {summary}")


@pytest.fixture(scope="session")
def demo_vault_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A closed vault (test passphrase, fast KDF) with the demo practice at 20x a career, and
    one client with 500 more sessions: a copy of the cached one, built first if missing."""
    cache = Path(os.environ.get("COACHDESK_BENCH_CACHE", "~/.cache/coachdesk-bench")).expanduser()
    cached = cache / cached_vault_name()
    if not cached.is_dir():
        building = cache / f"{cached.name}.building"
        shutil.rmtree(building, ignore_errors=True)
        cache.mkdir(parents=True, exist_ok=True, mode=0o700)
        build_demo_vault(building)
        building.rename(cached)
    folder: Path = tmp_path_factory.mktemp("bench") / "vault"
    shutil.copytree(cached, folder)
    return folder


@pytest.fixture(scope="session")
def billed_vault_dir(demo_vault_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the demo practice with 60,000 invoices, for the money benchmarks."""
    folder: Path = tmp_path_factory.mktemp("billed") / "vault"
    shutil.copytree(demo_vault_dir, folder)
    v = vault.open(folder, passphrase=PASSPHRASE)
    add_invoices(v, CLIENTS, INVOICES)
    v.close()
    return folder


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Benchmarks build and time a 10,000-client practice, for minutes on a slow machine: the
    test suite's timeout (pyproject.toml) is for hung tests, not for them."""
    for item in items:
        if item.get_closest_marker("perf") is not None:
            item.add_marker(pytest.mark.timeout(0))
