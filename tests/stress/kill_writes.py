"""SIGKILL CoachDesk during writes and migrations, many times, and count what that costs.

Not part of the test suite (pytest collects only ``test_*.py``); the suite runs bounded versions
of both (tests/vault/test_crash_safety.py, tests/vault/test_atomic_migrations.py). Run from the
repository root:

    python tests/stress/kill_writes.py [--kills 1000] [--migrations 0.2] [--seed N]

It prints kills, lost (acknowledged commits missing after a kill), unopenable (opens that failed
after a kill) and half-migrated (schemas neither the old nor the new one). All must be 0.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from sqlalchemy import text  # noqa: E402

from coachdesk import vault  # noqa: E402
from coachdesk.vault import Argon2Params, migrate  # noqa: E402
from tests.fixtures.vaults.make_fixture import PASSPHRASE as FIXTURE_PASSPHRASE  # noqa: E402
from tests.support import python  # noqa: E402
from tests.vault.test_atomic_migrations import (  # noqa: E402
    OPENER,
    copy_of_oldest,
    schema_state,
)
from tests.vault.test_crash_safety import WRITER  # noqa: E402

PASSPHRASE = "stress test passphrase"


class Tally:
    def __init__(self) -> None:
        self.kills = self.lost = self.unopenable = self.half_migrated = 0
        self.write_kills = self.migration_kills = 0

    def line(self) -> str:
        return (
            f"kills: {self.kills} (writes {self.write_kills}, migrations "
            f"{self.migration_kills})  lost: {self.lost}  unopenable: {self.unopenable}  "
            f"half-migrated: {self.half_migrated}"
        )


def kill_a_writer(folder: Path, start: int, rng: random.Random) -> set[int]:
    code = WRITER.format(folder=str(folder), passphrase=PASSPHRASE, start=start)
    proc = python(code, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    acked: set[int] = set()
    ready = threading.Event()

    def read() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.strip() == "ready":
                ready.set()
            elif line.strip():
                acked.add(int(line))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    if rng.random() < 0.2:
        time.sleep(rng.uniform(0.0, 0.8))
    else:
        ready.wait(60)
        time.sleep(rng.uniform(0.0, 0.3))
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    reader.join(5)
    return acked


def writes_round(folder: Path, state: dict, rng: random.Random, tally: Tally) -> None:
    acked = kill_a_writer(folder, state["start"], rng)
    state["acked"] |= acked
    state["start"] = max(acked, default=state["start"]) + 1_000
    try:
        with vault.open(folder, passphrase=PASSPHRASE) as v, v.engine.connect() as conn:
            keys = set(conn.execute(text("SELECT key FROM practice_setting")).scalars())
    except Exception as exc:
        tally.unopenable += 1
        print(f"  unopenable after a write kill: {exc}", file=sys.stderr)
        return
    missing = {n for n in state["acked"] if f"row-{n}" not in keys}
    tally.lost += len(missing)
    state["acked"] -= missing


def migration_round(work: Path, n: int, duration: float, rng: random.Random, tally: Tally) -> None:
    folder = copy_of_oldest(work / f"migration-{n % 4}")
    proc = python(
        OPENER.format(folder=str(folder), passphrase=FIXTURE_PASSPHRASE),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert proc.stdout is not None
    proc.stdout.readline()
    time.sleep(rng.uniform(0.0, duration * 1.2))
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    revision, tables = schema_state(folder)
    every = set().union(*migrate.TABLES_ADDED.values()) | {"alembic_version"}
    old = migrate.TABLES_ADDED["0001"] | {"alembic_version"}
    if (revision, tables) not in [("0001", old), (migrate.head_revision(), every)]:
        tally.half_migrated += 1
    try:
        vault.open(folder, passphrase=FIXTURE_PASSPHRASE).close()
    except Exception as exc:
        tally.unopenable += 1
        print(f"  unopenable after a migration kill: {exc}", file=sys.stderr)


def measure_migration(work: Path) -> float:
    folder = copy_of_oldest(work / "calibrate")
    proc = python(
        OPENER.format(folder=str(folder), passphrase=FIXTURE_PASSPHRASE),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    proc.stdout.readline()
    duration = float(proc.stdout.readline())
    proc.kill()
    proc.wait()
    return duration


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=1000)
    parser.add_argument("--migrations", type=float, default=0.2, help="share of migration kills")
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else int.from_bytes(os.urandom(4), "big")
    rng = random.Random(seed)
    print(f"seed {seed}", flush=True)
    work = Path(tempfile.mkdtemp(prefix="coachdesk-kills-"))
    os.environ["COACHDESK_HOME"] = str(work / "home")
    try:
        folder = work / "writes"
        vault.create(folder, PASSPHRASE, kdf=Argon2Params(1, 1, 8 * 1024)).vault.close()
        duration = measure_migration(work)
        state: dict = {"start": 0, "acked": set()}
        tally = Tally()
        for n in range(args.kills):
            if rng.random() < args.migrations:
                migration_round(work, n, duration, rng, tally)
                tally.migration_kills += 1
            else:
                writes_round(folder, state, rng, tally)
                tally.write_kills += 1
            tally.kills += 1
            if tally.kills % 50 == 0:
                print(tally.line(), flush=True)
        print(tally.line())
        print(f"acknowledged commits checked: {len(state['acked'])}")
        return 0 if tally.lost == tally.unopenable == tally.half_migrated == 0 else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
