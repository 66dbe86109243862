"""Each kind of wrong path gets its own error, and no file is modified by the failed open."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from coachdesk import vault
from coachdesk.errors import NotAVault, VaultCorrupt, VaultTooNew
from tests.conftest import PASSPHRASE
from tests.support import fingerprint
from tests.vault.test_encryption import write_marker


def make_plain_sqlite(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.execute("INSERT INTO notes VALUES ('plaintext')")
    conn.commit()
    conn.close()


def fill(folder: Path) -> None:
    with vault.open(folder, passphrase=PASSPHRASE) as v:
        for i in range(300):
            write_marker(v, f"k{i}")


def expect(folder: Path, error: type[Exception], match: str) -> None:
    before = fingerprint(folder) if folder.exists() else None
    with pytest.raises(error, match=match):
        vault.open(folder, passphrase=PASSPHRASE)
    after = fingerprint(folder) if folder.exists() else None
    assert after == before, "a failed open must leave every file byte-identical"


def test_random_file_given_as_the_vault(tmp_path: Path) -> None:
    target = tmp_path / "holiday.jpg"
    target.write_bytes(os.urandom(5000))
    expect(target, NotAVault, "is a file, not a CoachDesk vault folder")


def test_plain_sqlite_file_given_as_the_vault(tmp_path: Path) -> None:
    target = tmp_path / "other.db"
    make_plain_sqlite(target)
    expect(target, NotAVault, "plain, unencrypted SQLite database")


def test_plain_sqlite_database_inside_a_folder(tmp_path: Path) -> None:
    make_plain_sqlite(tmp_path / "coachdesk.db")
    expect(tmp_path, NotAVault, "holds a plain, unencrypted SQLite database")


def test_empty_folder(tmp_path: Path) -> None:
    expect(tmp_path, NotAVault, "empty: there is no vault here yet")


def test_folder_of_other_things(tmp_path: Path) -> None:
    (tmp_path / "letter.txt").write_text("hello")
    expect(tmp_path, NotAVault, "not a CoachDesk vault")


def test_missing_folder(tmp_path: Path) -> None:
    expect(tmp_path / "nowhere", NotAVault, "There is no vault at")


def test_database_replaced_by_random_bytes(vault_dir: Path) -> None:
    (vault_dir / "coachdesk.db").write_bytes(os.urandom(4096 * 8))
    expect(vault_dir, VaultCorrupt, "cannot be decrypted")


def test_truncated_database(vault_dir: Path) -> None:
    fill(vault_dir)
    db = vault_dir / "coachdesk.db"
    data = db.read_bytes()
    assert len(data) > 4096 * 4
    db.write_bytes(data[: len(data) // 2 + 100])
    expect(vault_dir, VaultCorrupt, "cut short")


def test_database_with_a_damaged_page(vault_dir: Path) -> None:
    fill(vault_dir)
    db = vault_dir / "coachdesk.db"
    data = bytearray(db.read_bytes())
    data[4096 * 2 + 100] ^= 0xFF
    db.write_bytes(bytes(data))
    with vault.open(vault_dir, passphrase=PASSPHRASE) as v:
        assert v.integrity_problems(), "SQLCipher's page HMAC must catch the flipped byte"


def test_empty_database_file(vault_dir: Path) -> None:
    (vault_dir / "coachdesk.db").write_bytes(b"")
    expect(vault_dir, VaultCorrupt, "database file is empty")


def test_missing_key_file(vault_dir: Path) -> None:
    (vault_dir / "vault.key").unlink()
    expect(vault_dir, VaultCorrupt, "key file is missing")


def test_damaged_key_file(vault_dir: Path) -> None:
    key = vault_dir / "vault.key"
    key.write_bytes(key.read_bytes()[:50])
    expect(vault_dir, VaultCorrupt, "key file is damaged")


def test_foreign_key_file(vault_dir: Path) -> None:
    (vault_dir / "vault.key").write_text('{"format": "something-else"}')
    expect(vault_dir, NotAVault, "does not belong to CoachDesk")


def test_vault_from_a_newer_coachdesk(vault_dir: Path) -> None:
    with vault.open(vault_dir, passphrase=PASSPHRASE) as v, v.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999_future'")
    expect(vault_dir, VaultTooNew, "newer CoachDesk")
    assert not (vault_dir / "coachdesk.db-wal").exists()
