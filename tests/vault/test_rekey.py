"""Re-keying after a leaked passphrase: the old key file and passphrase stop opening the vault,
old backups still open with their own key files, and an interrupted re-key never strands it."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from coachdesk import vault
from coachdesk.errors import BackupBeforeRekey, Cancelled, VaultCorrupt, WrongPassphrase
from coachdesk.vault.engine import make_engine
from coachdesk.vault.keyslots import KeyFile, unlock_with_passphrase
from coachdesk.vault.opening import check_schema
from coachdesk.vault.rekey import PENDING_KEY, REKEYED_DB
from tests.conftest import PASSPHRASE
from tests.support import fingerprint
from tests.vault.test_encryption import write_marker

NEW = "a brand new passphrase"


def markers(v: vault.Vault) -> int:
    with v.engine.connect() as conn:
        return int(conn.execute(text("SELECT count(*) FROM practice_setting")).scalar() or 0)


def test_old_key_file_and_passphrase_no_longer_open_the_vault(
    vault_dir: Path, recovery_key: str
) -> None:
    old_key_file = KeyFile.load(vault_dir / "vault.key")
    with vault.open(vault_dir, passphrase=PASSPHRASE) as v:
        write_marker(v)
        new_recovery = v.rekey(PASSPHRASE, NEW)
        write_marker(v, "after")  # the vault stays open and writable under the new key
    leaked_key = unlock_with_passphrase(old_key_file, PASSPHRASE)
    engine = make_engine(vault_dir / "coachdesk.db", leaked_key)
    try:
        with pytest.raises(VaultCorrupt):
            check_schema(engine)
    finally:
        engine.dispose()
    with pytest.raises(WrongPassphrase):
        vault.open(vault_dir, passphrase=PASSPHRASE)
    with pytest.raises(WrongPassphrase):
        vault.open(vault_dir, recovery_key=recovery_key)
    with vault.open(vault_dir, passphrase=NEW) as v:
        assert markers(v) == 2
    with vault.open(vault_dir, recovery_key=new_recovery) as v:
        assert markers(v) == 2
    assert not (vault_dir / REKEYED_DB).exists()
    assert not (vault_dir / PENDING_KEY).exists()


def test_an_old_backup_opens_with_its_own_key_file(vault_dir: Path, tmp_path: Path) -> None:
    with vault.open(vault_dir, passphrase=PASSPHRASE) as v:
        write_marker(v)
        old_backup = v.backup(tmp_path / "before.cdbackup")
        v.rekey(PASSPHRASE, NEW)
    elsewhere = tmp_path / "restored"
    vault.restore(old_backup, elsewhere, passphrase=PASSPHRASE)
    with vault.open(elsewhere, passphrase=PASSPHRASE) as v:
        assert markers(v) == 1


def test_an_old_backup_restored_in_place_keeps_todays_passphrase(
    vault_dir: Path, tmp_path: Path
) -> None:
    with vault.open(vault_dir, passphrase=PASSPHRASE) as v:
        write_marker(v)
        old_backup = v.backup(tmp_path / "before.cdbackup")
        v.rekey(PASSPHRASE, NEW)
        write_marker(v, "after")
    before = fingerprint(vault_dir)
    with pytest.raises(BackupBeforeRekey, match="passphrase it was made with"):
        vault.restore(old_backup, vault_dir, passphrase=NEW)
    assert fingerprint(vault_dir) == before, "a refused restore changes nothing"
    with pytest.raises(WrongPassphrase):
        vault.restore(old_backup, vault_dir, passphrase=NEW, backup_passphrase="not it")
    assert fingerprint(vault_dir) == before
    vault.restore(old_backup, vault_dir, passphrase=NEW, backup_passphrase=PASSPHRASE)
    with vault.open(vault_dir, passphrase=NEW) as v:
        assert markers(v) == 1, "the backup's data, from before the re-key"
    with pytest.raises(WrongPassphrase):
        vault.open(vault_dir, passphrase=PASSPHRASE)
    leaked_key = unlock_with_passphrase(KeyFile.load(old_backup_key(old_backup)), PASSPHRASE)
    engine = make_engine(vault_dir / "coachdesk.db", leaked_key)
    try:
        with pytest.raises(VaultCorrupt):
            check_schema(engine)
    finally:
        engine.dispose()
    assert not list(vault_dir.glob(".*.tmp"))


def old_backup_key(backup: Path) -> Path:
    """The backup's own key file, written out for the leaked-key check."""
    from coachdesk.vault import backups

    _info, key_file = backups.read_backup(backup)
    path = backup.with_suffix(".key")
    key_file.save(path)
    return path


def test_a_cancelled_rekey_changes_nothing(vault_dir: Path) -> None:
    before = fingerprint(vault_dir)

    def stop(_done: int, _total: int) -> None:
        if _done >= 1:
            raise Cancelled()

    with vault.open(vault_dir, passphrase=PASSPHRASE) as v:
        with pytest.raises(Cancelled):
            v.rekey(PASSPHRASE, NEW, stop)
        assert markers(v) == 0  # still usable under the old key
    assert fingerprint(vault_dir) == before
    vault.open(vault_dir, passphrase=PASSPHRASE).close()


def test_wrong_passphrase_rekeys_nothing(vault_dir: Path) -> None:
    before = fingerprint(vault_dir)
    with vault.open(vault_dir, passphrase=PASSPHRASE) as v, pytest.raises(WrongPassphrase):
        v.rekey("not the passphrase", NEW)
    assert fingerprint(vault_dir) == before


def test_killed_before_the_swap_the_old_vault_stands(vault_dir: Path) -> None:
    with vault.open(vault_dir, passphrase=PASSPHRASE) as v:
        write_marker(v)
    (vault_dir / REKEYED_DB).write_bytes(b"half an export")
    (vault_dir / PENDING_KEY).write_bytes((vault_dir / "vault.key").read_bytes())
    with vault.open(vault_dir, passphrase=PASSPHRASE) as v:
        assert markers(v) == 1
    assert not (vault_dir / REKEYED_DB).exists()
    assert not (vault_dir / PENDING_KEY).exists()


def test_killed_after_the_swap_the_new_key_file_is_put_in_place(vault_dir: Path) -> None:
    old_key_file = (vault_dir / "vault.key").read_bytes()
    with vault.open(vault_dir, passphrase=PASSPHRASE) as v:
        write_marker(v)
        v.rekey(PASSPHRASE, NEW)
    # the state a kill between the database's rename and the key file's leaves
    (vault_dir / "vault.key").rename(vault_dir / PENDING_KEY)
    (vault_dir / "vault.key").write_bytes(old_key_file)
    with vault.open(vault_dir, passphrase=NEW) as v:
        assert markers(v) == 1
    assert not (vault_dir / PENDING_KEY).exists()
