"""Opening a vault: passphrase, recovery key, passphrase change; failures touch nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coachdesk import vault
from coachdesk.errors import InvalidInput, VaultExists, WrongPassphrase
from coachdesk.vault import DEFAULT_ARGON2
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.support import fingerprint
from tests.vault.test_encryption import write_marker


def test_wrong_passphrase_leaves_files_byte_identical(vault_dir: Path) -> None:
    before = fingerprint(vault_dir)
    with pytest.raises(WrongPassphrase, match="passphrase is not correct"):
        vault.open(vault_dir, passphrase="not the passphrase")
    assert fingerprint(vault_dir) == before
    assert not (vault_dir / "coachdesk.db-wal").exists()
    assert not (vault_dir / "coachdesk.db-shm").exists()


def test_recovery_key_opens_however_it_is_typed(vault_dir: Path, recovery_key: str) -> None:
    sloppy = " ".join(recovery_key.lower().split("-")).replace("o", "0")
    with vault.open(vault_dir, recovery_key=sloppy) as v:
        assert v.is_open


def test_wrong_or_malformed_recovery_key(vault_dir: Path, recovery_key: str) -> None:
    other = vault.create(vault_dir.parent / "other", PASSPHRASE, kdf=FAST_KDF)
    other.vault.close()
    with pytest.raises(WrongPassphrase, match="recovery key is not correct"):
        vault.open(vault_dir, recovery_key=other.recovery_key)
    with pytest.raises(WrongPassphrase, match="not a recovery key"):
        vault.open(vault_dir, recovery_key=recovery_key[:-5])


def test_passphrase_change_round_trip(vault_dir: Path, recovery_key: str) -> None:
    with vault.open(vault_dir, passphrase=PASSPHRASE) as v:
        write_marker(v)
        db_before = (vault_dir / "coachdesk.db").read_bytes()
        v.change_passphrase(PASSPHRASE, "a brand new passphrase")
        assert (vault_dir / "coachdesk.db").read_bytes() == db_before, "no re-encryption"
    with pytest.raises(WrongPassphrase):
        vault.open(vault_dir, passphrase=PASSPHRASE)
    with vault.open(vault_dir, passphrase="a brand new passphrase") as v:
        assert v.table_counts()["practice_setting"] == 1
    with vault.open(vault_dir, recovery_key=recovery_key) as v:
        assert v.table_counts()["practice_setting"] == 1


def test_change_passphrase_needs_the_old_one(open_vault: vault.Vault) -> None:
    with pytest.raises(WrongPassphrase):
        open_vault.change_passphrase("guess", "a brand new passphrase")
    with pytest.raises(InvalidInput, match="at least 8"):
        open_vault.change_passphrase(PASSPHRASE, "short")


def test_forgotten_passphrase_reset_with_recovery_key(vault_dir: Path, recovery_key: str) -> None:
    with vault.open(vault_dir, recovery_key=recovery_key) as v:
        v.set_passphrase("remembered this time")
    vault.open(vault_dir, passphrase="remembered this time").close()


def test_create_records_argon2id_parameters_and_never_stores_the_recovery_key(
    tmp_path: Path,
) -> None:
    created = vault.create(tmp_path / "v", "default cost passphrase")
    created.vault.close()
    key_doc = json.loads((tmp_path / "v" / "vault.key").read_text())
    slot = key_doc["slots"]["passphrase"]
    assert slot["kdf"] == "argon2id"
    assert slot["memory_kib"] == DEFAULT_ARGON2.memory_kib
    assert slot["iterations"] == DEFAULT_ARGON2.iterations
    compact = created.recovery_key.replace("-", "")
    assert compact not in (tmp_path / "v" / "vault.key").read_text()
    assert len(compact) == 32
    vault.open(tmp_path / "v", passphrase="default cost passphrase").close()


def test_create_never_replaces_a_vault(vault_dir: Path) -> None:
    before = fingerprint(vault_dir)
    with pytest.raises(VaultExists):
        vault.create(vault_dir, "another passphrase", kdf=FAST_KDF)
    assert fingerprint(vault_dir) == before
