"""Copies that killed restores and backups left behind are swept at the next open."""

from __future__ import annotations

import os
import time
from datetime import date, datetime, timedelta
from pathlib import Path

from coachdesk import vault
from coachdesk.vault import backup_sets
from tests.conftest import PASSPHRASE
from tests.support import python


def dead_pid() -> int:
    proc = python("pass")
    proc.wait()
    return proc.pid


def test_a_killed_restore_copy_is_swept_at_open(vault_dir: Path) -> None:
    pid = dead_pid()
    left = vault_dir / f".coachdesk.db.{pid}.tmp"
    left.write_bytes((vault_dir / "coachdesk.db").read_bytes())
    backups = vault_dir / "backups"
    backups.mkdir(exist_ok=True)
    snapshot = backups / ".auto-1234abcd-2026-11-02.cdbackup.db.tmp"
    snapshot.write_bytes(b"half a snapshot")
    old = time.time() - 60
    os.utime(snapshot, (old, old))
    mine = backups / "keep-me.tmp"
    mine.write_bytes(b"a file the coach put here")
    with vault.open(vault_dir, passphrase=PASSPHRASE):
        assert not left.exists()
        assert not snapshot.exists()
        assert mine.exists()


def safety_copy(home: Path, prefix: str, moment: datetime) -> Path:
    path = home / f"{prefix}{moment.strftime('%Y%m%dT%H%M%SZ')}.cdbackup"
    path.write_bytes(b"a safety copy")
    return path


def test_safety_copies_rotate_but_the_newest_of_each_kind_stays(open_vault: vault.Vault) -> None:
    home = open_vault.layout.backups
    home.mkdir(exist_ok=True)
    today = date(2026, 12, 20)
    noon = datetime(2026, 12, 20, 12)
    restores = [safety_copy(home, "pre-restore-", noon - timedelta(days=d)) for d in (1, 40, 90)]
    updates = [safety_copy(home, "pre-migration-0001-", noon - timedelta(days=d)) for d in (60, 70)]
    manual = home / "manual-1234abcd-20260101T000000Z.cdbackup"
    manual.write_bytes(b"the coach's own")
    open_vault.rolling_backup(today)
    assert [p.exists() for p in restores] == [True, False, False]
    assert [p.exists() for p in updates] == [True, False], "the newest update copy is kept"
    assert manual.exists(), "manual backups are never deleted"
    assert backup_sets.KEEP_SAFETY_DAYS == 28
