"""A refused open leaves a newer app's WAL alone; a restore never inherits a stale WAL."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import text

from coachdesk import vault
from coachdesk.errors import VaultTooNew
from tests.conftest import PASSPHRASE
from tests.support import fingerprint
from tests.vault.test_encryption import write_marker

DB = "coachdesk.db"


def copy_while_open(v: vault.Vault, dest: Path) -> None:
    """The folder as a process killed now would leave it: database, WAL and its index."""
    dest.mkdir()
    for name in (DB, f"{DB}-wal", f"{DB}-shm", "vault.key", "vault.lock"):
        shutil.copy2(v.folder / name, dest / name)


def settings(v: vault.Vault) -> set[str]:
    with v.engine.connect() as conn:
        return set(conn.execute(text("SELECT key FROM practice_setting")).scalars())


def test_a_refused_too_new_vault_keeps_its_wal_and_every_byte(
    vault_dir: Path, tmp_path: Path
) -> None:
    newer = tmp_path / "newer"
    with vault.open(vault_dir, passphrase=PASSPHRASE) as v:
        write_marker(v, "written by the newer app")
        with v.engine.begin() as conn:
            conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999_future'")
        copy_while_open(v, newer)
    assert (newer / f"{DB}-wal").stat().st_size > 0
    before = fingerprint(newer)
    with pytest.raises(VaultTooNew):
        vault.open(newer, passphrase=PASSPHRASE)
    assert fingerprint(newer) == before


def test_a_killed_process_wal_is_still_recovered_on_open(vault_dir: Path, tmp_path: Path) -> None:
    crashed = tmp_path / "crashed"
    with vault.open(vault_dir, passphrase=PASSPHRASE) as v:
        write_marker(v, "only in the wal")
        copy_while_open(v, crashed)
    with vault.open(crashed, passphrase=PASSPHRASE) as v:
        assert "only in the wal" in settings(v)
    assert not list(crashed.glob(".*")), "the private copy used to inspect it is gone"


@pytest.mark.parametrize("database_present", [True, False], ids=["beside-db", "db-deleted"])
def test_restore_beside_a_stale_wal_gives_a_sound_vault(
    vault_dir: Path, tmp_path: Path, database_present: bool
) -> None:
    with vault.open(vault_dir, passphrase=PASSPHRASE) as v:
        write_marker(v, "in the backup")
        backup = v.backup(tmp_path / "b.cdbackup")
        for i in range(40):
            write_marker(v, f"later {i}")
        stale = tmp_path / "stale"
        copy_while_open(v, stale)
    if not database_present:
        (vault_dir / DB).unlink()
    for suffix in ("-wal", "-shm"):
        shutil.copy2(stale / f"{DB}{suffix}", vault_dir / f"{DB}{suffix}")
    vault.restore(backup, vault_dir, passphrase=PASSPHRASE)
    assert not (vault_dir / f"{DB}-wal").exists()
    with vault.open(vault_dir, passphrase=PASSPHRASE) as v:
        assert v.integrity_problems(quick=False) == []
        assert settings(v) == {"in the backup"}
