"""Crash safety: a writer killed by SIGKILL at random moments never loses an acknowledged commit."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import threading
import time
from pathlib import Path

from sqlalchemy import text

from coachdesk import vault
from tests.conftest import PASSPHRASE
from tests.support import python

KILLS = 32
WRITER = """
import os, sys
from datetime import UTC, datetime
from pathlib import Path
from sqlalchemy import text
from coachdesk import vault
v = vault.open(Path({folder!r}), passphrase={passphrase!r})
print("ready", flush=True)
n = {start}
while True:
    with v.engine.begin() as conn:
        conn.execute(
            text("INSERT INTO practice_setting (key, value, updated_at) VALUES (:k, :v, :t)"),
            {{"k": f"row-{{n}}", "v": os.urandom(1500).hex(), "t": datetime.now(UTC)}},
        )
    print(n, flush=True)
    n += 1
"""


def run_and_kill(folder: Path, start: int, rng: random.Random) -> set[int]:
    """Start a writer, SIGKILL it at a random moment, return the commits it acknowledged."""
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
        time.sleep(rng.uniform(0.0, 0.8))  # sometimes during start-up and open
    else:
        assert ready.wait(30), "the writer did not open the vault"
        time.sleep(rng.uniform(0.0, 0.3))
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    reader.join(5)
    return acked


def test_every_acknowledged_commit_survives_sigkill(vault_dir: Path) -> None:
    rng = random.Random(int.from_bytes(os.urandom(4), "big"))
    acknowledged: set[int] = set()
    start = 0
    for _ in range(KILLS):
        acked = run_and_kill(vault_dir, start, rng)
        acknowledged |= acked
        start = max(acked, default=start) + 1_000
        with vault.open(vault_dir, passphrase=PASSPHRASE) as v, v.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            keys = set(conn.execute(text("SELECT key FROM practice_setting")).scalars())
        missing = {n for n in acknowledged if f"row-{n}" not in keys}
        assert not missing, f"acknowledged commits lost: {sorted(missing)[:10]}"
    assert len(acknowledged) > KILLS, "the writers should have committed between kills"
