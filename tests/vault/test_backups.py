"""Backups: consistent, encrypted, openable with the same secrets; restore never risks data."""

from __future__ import annotations

import zipfile
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import text

from coachdesk import vault
from coachdesk.errors import InvalidInput, NotAVault, VaultCorrupt, VaultInUse
from coachdesk.vault import Vault
from coachdesk.vault.backup_sets import KEEP_DAILY, KEEP_WEEKLY, auto_backups, days_to_keep
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.support import fingerprint
from tests.vault.test_encryption import write_marker


def rows(v: Vault) -> list[tuple[str, str]]:
    with v.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text("SELECT key, value FROM practice_setting"))]


def test_backup_then_restore_equals_the_original(open_vault: Vault, tmp_path: Path) -> None:
    for i in range(20):
        write_marker(open_vault, f"before-{i}")
    original = rows(open_vault)
    backup = open_vault.backup(tmp_path / "practice")
    assert backup.name == "practice.cdbackup"
    write_marker(open_vault, "after-the-backup")
    folder = open_vault.folder
    open_vault.close()

    safety = vault.restore(backup, folder, passphrase=PASSPHRASE)

    with vault.open(folder, passphrase=PASSPHRASE) as v:
        assert rows(v) == original
        assert v.integrity_problems() == []
    assert safety is not None
    assert safety.parent == folder / "backups"
    vault.restore(safety, folder, passphrase=PASSPHRASE)
    with vault.open(folder, passphrase=PASSPHRASE) as v:
        assert "after-the-backup" in dict(rows(v)), "a restore can itself be undone"


def test_backup_opens_with_the_same_passphrase_and_recovery_key(
    open_vault: Vault, recovery_key: str, tmp_path: Path
) -> None:
    write_marker(open_vault)
    backup = open_vault.backup(tmp_path / "copy")
    for i, secret in enumerate(({"passphrase": PASSPHRASE}, {"recovery_key": recovery_key})):
        elsewhere = tmp_path / f"new-computer-{i}"
        assert vault.restore(backup, elsewhere, **secret) is None
        with vault.open(elsewhere, **secret) as v:
            assert rows(v) == rows(open_vault)


def test_restore_is_refused_while_the_vault_is_open(open_vault: Vault, tmp_path: Path) -> None:
    backup = open_vault.backup(tmp_path / "b")
    with pytest.raises(VaultInUse):
        vault.restore(backup, open_vault.folder, passphrase=PASSPHRASE)


def test_backup_of_another_vault_is_refused(vault_dir: Path, tmp_path: Path) -> None:
    other = vault.create(tmp_path / "other", PASSPHRASE, kdf=FAST_KDF).vault
    backup = other.backup(tmp_path / "other-backup")
    other.close()
    before = fingerprint(vault_dir)
    with pytest.raises(InvalidInput, match="different vault"):
        vault.restore(backup, vault_dir, passphrase=PASSPHRASE)
    assert fingerprint(vault_dir) == before


def test_damaged_backup_leaves_the_vault_untouched(open_vault: Vault, tmp_path: Path) -> None:
    for i in range(200):
        write_marker(open_vault, f"k{i}")
    backup = open_vault.backup(tmp_path / "b")
    folder = open_vault.folder
    open_vault.close()
    damaged = tmp_path / "damaged.cdbackup"
    with zipfile.ZipFile(backup) as src, zipfile.ZipFile(damaged, "w") as out:
        for item in src.infolist():
            data = bytearray(src.read(item))
            if item.filename == "coachdesk.db":
                data[4096 * 3 + 10] ^= 0xFF
            out.writestr(item, bytes(data))
    before = fingerprint(folder)
    with pytest.raises(VaultCorrupt, match="nothing was restored"):
        vault.restore(damaged, folder, passphrase=PASSPHRASE)
    assert fingerprint(folder) == before


def test_a_file_that_is_not_a_backup(vault_dir: Path, tmp_path: Path) -> None:
    junk = tmp_path / "junk.cdbackup"
    junk.write_bytes(b"not a zip at all")
    with pytest.raises(NotAVault, match="not a CoachDesk backup"):
        vault.restore(junk, vault_dir, passphrase=PASSPHRASE)


def test_rolling_backup_once_a_day_with_retention(open_vault: Vault) -> None:
    start = date(2026, 1, 1)
    for offset in range(60):
        open_vault.rolling_backup(today=start + timedelta(days=offset))
    assert open_vault.rolling_backup(today=start + timedelta(days=59)) is None
    home = open_vault.layout.backups
    kept = set(auto_backups(home, open_vault.vault_id, home))
    assert kept == days_to_keep(start + timedelta(days=d) for d in range(60))
    assert len(kept) <= KEEP_DAILY + KEEP_WEEKLY
    assert max(kept) == start + timedelta(days=59)


@given(st.sets(st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 1, 1)), max_size=80))
def test_retention_keeps_newest_days_and_one_per_recent_week(days: set[date]) -> None:
    keep = days_to_keep(days)
    newest = sorted(days, reverse=True)
    assert keep <= days
    assert set(newest[:KEEP_DAILY]) <= keep
    weeks = sorted({d.isocalendar()[:2] for d in days}, reverse=True)[:KEEP_WEEKLY]
    for week in weeks:
        assert max(d for d in days if d.isocalendar()[:2] == week) in keep
    assert len(keep) <= KEEP_DAILY + KEEP_WEEKLY


def test_restore_mends_a_damaged_database(open_vault: Vault, tmp_path: Path) -> None:
    write_marker(open_vault, "precious")
    backup = open_vault.backup(tmp_path / "b")
    folder = open_vault.folder
    open_vault.close()
    (folder / "coachdesk.db").write_bytes(b"\x00" * 8192)  # a disk error wiped it
    with pytest.raises(VaultCorrupt):
        vault.open(folder, passphrase=PASSPHRASE)
    moved = vault.restore(backup, folder, passphrase=PASSPHRASE)
    assert moved is not None
    assert moved.name.startswith("damaged-"), "the damaged file is kept, never deleted"
    with vault.open(folder, passphrase=PASSPHRASE) as v:
        assert "precious" in dict(rows(v))
        with v.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_restore_mends_a_missing_key_file(open_vault: Vault, tmp_path: Path) -> None:
    write_marker(open_vault, "precious")
    backup = open_vault.backup(tmp_path / "b")
    folder = open_vault.folder
    open_vault.close()
    (folder / "vault.key").unlink()
    vault.restore(backup, folder, passphrase=PASSPHRASE)
    with vault.open(folder, passphrase=PASSPHRASE) as v:
        assert "precious" in dict(rows(v))
