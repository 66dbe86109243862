"""Backups into a chosen folder, at a chosen frequency, cancellable without leaving a trace."""

from __future__ import annotations

import os
from datetime import date, timedelta
from pathlib import Path

import pytest

from coachdesk import vault
from coachdesk.errors import Cancelled
from coachdesk.vault import Vault
from coachdesk.vault.backup_sets import BackupKind, backup_entries, manual_backup_path
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.vault.test_backups import rows
from tests.vault.test_encryption import write_marker

MONDAY = date(2026, 11, 2)


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """An empty folder of its own (``tmp_path`` also holds the vault)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def test_automatic_backups_go_to_the_chosen_folder(open_vault: Vault, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    write_marker(open_vault, "in-the-backup")

    path = open_vault.rolling_backup(MONDAY, folder=usb)

    assert path is not None
    assert path.parent == usb
    assert open_vault.rolling_backup(MONDAY, folder=usb) is None, "once a day"
    assert oct(path.stat().st_mode & 0o777) == oct(0o600)
    folder = open_vault.folder
    open_vault.close()
    vault.restore(path, folder, passphrase=PASSPHRASE)
    with vault.open(folder, passphrase=PASSPHRASE) as v:
        assert "in-the-backup" in dict(rows(v))


def test_an_unplugged_drive_falls_back_to_the_vaults_own_folder(
    open_vault: Vault, tmp_path: Path
) -> None:
    path = open_vault.rolling_backup(MONDAY, folder=tmp_path / "unplugged")

    assert path is not None
    assert path.parent == open_vault.layout.backups
    assert not (tmp_path / "unplugged").exists()


def test_weekly_backups_skip_the_days_between(open_vault: Vault, tmp_path: Path) -> None:
    taken = [
        MONDAY + timedelta(days=n)
        for n in range(15)
        if open_vault.rolling_backup(MONDAY + timedelta(days=n), folder=tmp_path, every_days=7)
    ]
    assert taken == [MONDAY, MONDAY + timedelta(days=7), MONDAY + timedelta(days=14)]


def test_never_means_no_automatic_backup(open_vault: Vault, out: Path) -> None:
    assert open_vault.rolling_backup(MONDAY, folder=out, every_days=0) is None
    assert list(out.iterdir()) == []
    assert not open_vault.layout.backups.exists()


def test_last_backup_counts_the_chosen_folder(open_vault: Vault, tmp_path: Path) -> None:
    assert open_vault.last_backup_time(tmp_path) is None
    open_vault.backup(tmp_path / "elsewhere")
    assert open_vault.last_backup_time(tmp_path) is not None
    assert open_vault.last_backup_time() is None, "the vault's own folder has none"


def test_cancelling_a_backup_leaves_no_partial_file(open_vault: Vault, out: Path) -> None:
    for i in range(300):
        write_marker(open_vault, f"k{i}")
    dest = out / "stopped.cdbackup"
    calls: list[tuple[int, int]] = []

    def stop(done: int, total: int) -> None:
        calls.append((done, total))
        raise Cancelled()

    with pytest.raises(Cancelled):
        open_vault.backup(dest, stop)
    assert calls
    assert list(out.iterdir()) == []
    assert open_vault.integrity_problems() == []
    assert open_vault.backup(dest).exists(), "the connection works after the interruption"


def test_cancelling_while_writing_keeps_the_older_backup(open_vault: Vault, out: Path) -> None:
    dest = open_vault.backup(out / "kept")
    before = dest.read_bytes()

    def stop_once_writing(done: int, total: int) -> None:
        if total:
            raise Cancelled()

    with pytest.raises(Cancelled):
        open_vault.backup(dest, stop_once_writing)
    assert dest.read_bytes() == before
    assert [p.name for p in out.iterdir()] == [dest.name]


def test_progress_ends_at_the_total(open_vault: Vault, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    open_vault.backup(tmp_path / "b", lambda done, total: seen.append((done, total)))
    done, total = seen[-1]
    assert total > 0
    assert done == total


def test_entries_list_this_vaults_backups_newest_first(open_vault: Vault, tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    open_vault.rolling_backup(MONDAY, folder=shared)
    manual = open_vault.backup(manual_backup_path(shared, open_vault.vault_id))
    other = vault.create(tmp_path / "other", PASSPHRASE, kdf=FAST_KDF).vault
    other.backup(shared / "other-vault")
    other.close()
    damaged = shared / "damaged.cdbackup"
    damaged.write_bytes(b"not a zip")
    os.utime(damaged, (1, 1))

    entries = backup_entries([shared, open_vault.layout.backups], open_vault.vault_id)

    auto = shared / f"auto-{open_vault.vault_id[:8]}-2026-11-02.cdbackup"
    assert [e.path for e in entries] == [manual, auto, damaged]
    assert [e.kind for e in entries[:2]] == [BackupKind.MANUAL, BackupKind.AUTOMATIC]
    assert entries[2].created is None
    assert all(e.size > 0 for e in entries)
