"""Making a new recovery key: the old one stops opening the vault, the new one opens it."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from coachdesk import vault
from coachdesk.errors import WrongPassphrase
from tests.conftest import PASSPHRASE
from tests.vault.test_encryption import write_marker


def test_new_key_replaces_the_old_one(vault_dir: Path, recovery_key: str) -> None:
    with vault.open(vault_dir, passphrase=PASSPHRASE) as v:
        write_marker(v)
        new_key = v.new_recovery_key(PASSPHRASE)
    assert new_key != recovery_key
    assert len(new_key.split("-")) == 8

    with pytest.raises(WrongPassphrase, match="recovery key is not correct"):
        vault.open(vault_dir, recovery_key=recovery_key)
    with vault.open(vault_dir, recovery_key=new_key) as v, v.engine.connect() as conn:
        count = conn.execute(text("SELECT count(*) FROM practice_setting")).scalar()
        assert count == 1  # the records are untouched
    with vault.open(vault_dir, passphrase=PASSPHRASE):
        pass


def test_wrong_passphrase_changes_nothing(vault_dir: Path, recovery_key: str) -> None:
    with vault.open(vault_dir, passphrase=PASSPHRASE) as v:
        key_before = v.layout.key.read_bytes()
        with pytest.raises(WrongPassphrase, match="passphrase is not correct"):
            v.new_recovery_key("not the passphrase")
        assert v.layout.key.read_bytes() == key_before
    with vault.open(vault_dir, recovery_key=recovery_key):  # the old key still works
        pass


def test_backups_taken_before_keep_the_old_key(
    vault_dir: Path, recovery_key: str, tmp_path: Path
) -> None:
    with vault.open(vault_dir, passphrase=PASSPHRASE) as v:
        backup = v.backup(tmp_path / "before.cdbackup")
        v.new_recovery_key(PASSPHRASE)
    restored = tmp_path / "restored"
    vault.restore(backup, restored, recovery_key=recovery_key)
    with vault.open(restored, recovery_key=recovery_key):
        pass
