"""Migrations run in one transaction: a kill leaves the old schema or the new, never a mix."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from coachdesk import vault
from coachdesk.errors import VaultCorrupt
from coachdesk.vault import migrate
from coachdesk.vault.engine import connect_raw
from coachdesk.vault.keyslots import KeyFile, unlock_with_passphrase
from tests.conftest import PASSPHRASE
from tests.fixtures.vaults.make_fixture import PASSPHRASE as FIXTURE_PASSPHRASE
from tests.fixtures.vaults.make_fixture import SETTINGS
from tests.support import fingerprint, python

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "vaults"
OLDEST = FIXTURES / "0001"
KILLS = 24
OPENER = """
import sys, time
from pathlib import Path
import alembic.command, alembic.script  # imported first, so the delay below lands in the open
from coachdesk import vault
print("go", flush=True)
start = time.perf_counter()
vault.open(Path({folder!r}), passphrase={passphrase!r})
print(time.perf_counter() - start, flush=True)
sys.stdin.read()
"""


def copy_of_oldest(folder: Path) -> Path:
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(OLDEST, folder)
    return folder


def schema_state(folder: Path) -> tuple[str | None, set[str]]:
    """The stored revision and the tables, read with a plain connection (no migration)."""
    key = unlock_with_passphrase(KeyFile.load(folder / "vault.key"), FIXTURE_PASSPHRASE)
    conn = connect_raw(folder / "coachdesk.db", key)
    try:
        tables = {
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        conn.close()
    return revision, {t for t in tables if not t.startswith("sqlite_")}


def start_opener(folder: Path) -> subprocess.Popen:
    code = OPENER.format(folder=str(folder), passphrase=FIXTURE_PASSPHRASE)
    proc = python(code, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "go"
    return proc


# 25 processes started and 24 migrations run: seconds alone, minutes beside a busy machine.
@pytest.mark.timeout(900)
def test_a_migration_killed_at_random_points_leaves_old_or_new(tmp_path: Path) -> None:
    folder = copy_of_oldest(tmp_path / "calibrate")
    proc = start_opener(folder)
    assert proc.stdout is not None
    duration = float(proc.stdout.readline())
    proc.kill()
    proc.wait()
    rng = random.Random(int.from_bytes(os.urandom(4), "big"))
    old_tables = migrate.TABLES_ADDED["0001"] | {"alembic_version"}
    all_tables = set().union(*migrate.TABLES_ADDED.values()) | {"alembic_version"}
    seen = []
    for n in range(KILLS):
        folder = copy_of_oldest(tmp_path / f"kill-{n}")
        proc = start_opener(folder)
        time.sleep(rng.uniform(0.0, duration * 1.2))
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        revision, tables = schema_state(folder)
        assert (revision, tables) in [("0001", old_tables), (migrate.head_revision(), all_tables)]
        seen.append(revision)
        with vault.open(folder, passphrase=FIXTURE_PASSPHRASE) as v, v.engine.connect() as conn:
            assert v.schema_revision() == migrate.head_revision()
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            stored = dict(conn.execute(text("SELECT key, value FROM practice_setting")).all())
            assert stored == SETTINGS
        assert not [p for p in folder.rglob(".*.tmp")], "temporary copies are swept at open"
    head = migrate.head_revision()
    print(f"kills: {KILLS}, left old: {seen.count('0001')}, left new: {seen.count(head)}")


def half_migrate(folder: Path) -> None:
    """What an interrupted migration of an earlier CoachDesk left: 0001, some 0002 tables."""
    key = unlock_with_passphrase(KeyFile.load(folder / "vault.key"), FIXTURE_PASSPHRASE)
    conn = connect_raw(folder / "coachdesk.db", key)
    conn.execute("CREATE TABLE agreement_template (id INTEGER PRIMARY KEY, name TEXT)")
    conn.commit()
    conn.close()
    (folder / "vault.lock").touch()


def test_a_half_migrated_vault_is_reported_with_its_backup_and_left_alone(tmp_path: Path) -> None:
    folder = copy_of_oldest(tmp_path / "vault")
    half_migrate(folder)
    (folder / "backups").mkdir()
    earlier = folder / "backups" / "pre-migration-0001-20261201T090000Z.cdbackup"
    earlier.write_bytes(b"the backup the interrupted update took")
    before = fingerprint(folder)
    for _ in range(2):
        with pytest.raises(VaultCorrupt, match="half-updated") as info:
            vault.open(folder, passphrase=FIXTURE_PASSPHRASE)
        assert str(earlier) in info.value.message
        assert fingerprint(folder) == before, "no new pre-migration backup, no file changed"


def test_a_failing_migration_is_rolled_back_whole(tmp_path: Path) -> None:
    """An index the upgrade also creates makes it fail halfway: every table it made is gone."""
    folder = copy_of_oldest(tmp_path / "vault")
    key = unlock_with_passphrase(KeyFile.load(folder / "vault.key"), FIXTURE_PASSPHRASE)
    conn = connect_raw(folder / "coachdesk.db", key)
    conn.execute("CREATE INDEX ix_goal_client ON practice_setting (value)")
    conn.commit()
    conn.close()
    with pytest.raises(VaultCorrupt, match="update was undone"):
        vault.open(folder, passphrase=FIXTURE_PASSPHRASE)
    revision, tables = schema_state(folder)
    assert (revision, tables) == ("0001", {"practice_setting", "alembic_version"})
    assert not list((folder / "backups").glob("*.cdbackup")), "its backup equals the database"


def test_revision_names_from_files_match_alembic() -> None:
    assert migrate.head_revision() == migrate.alembic_head()


@pytest.mark.parametrize("revision", sorted(migrate.known_revisions()))
def test_tables_added_lists_what_each_revision_creates(revision: str, tmp_path: Path) -> None:
    earlier = [r for r in sorted(migrate.known_revisions()) if r < revision]
    if earlier:
        _before_revision, before = schema_state(
            shutil.copytree(FIXTURES / earlier[-1], tmp_path / "a")
        )
    else:
        before = {"alembic_version"}
    _revision, after = schema_state(shutil.copytree(FIXTURES / revision, tmp_path / "b"))
    assert after - before == migrate.TABLES_ADDED[revision]


def test_opening_a_vault_at_head_does_not_load_alembic(vault_dir: Path) -> None:
    code = (
        "import sys\n"
        "from coachdesk import vault\n"
        f"vault.open({str(vault_dir)!r}, passphrase={PASSPHRASE!r}).close()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'alembic'))\n"
    )
    proc = python(code, stdout=subprocess.PIPE, text=True)
    out, _err = proc.communicate(timeout=60)
    assert proc.returncode == 0
    assert out.strip() == "[]"
