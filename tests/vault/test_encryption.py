"""Nothing a coach writes is readable in any file of the vault folder."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import text

from coachdesk import vault
from coachdesk.vault import Vault
from tests.conftest import PASSPHRASE
from tests.support import all_bytes

MARKER = "ZOË-CONFIDENTIAL-MARKER-7f3a"


def write_marker(v: Vault, key: str = "marker") -> None:
    with v.engine.begin() as conn:
        conn.execute(
            text("INSERT INTO practice_setting (key, value, updated_at) VALUES (:k, :v, :t)"),
            {"k": key, "v": MARKER * 50, "t": datetime.now(UTC)},
        )


def assert_no_marker(folder: Path) -> None:
    files = all_bytes(folder)
    assert files, "the vault folder should hold files"
    for needle in (MARKER.encode(), MARKER.encode("utf-16-le"), b"SQLite format 3"):
        leaks = [path.name for path, data in files if needle in data]
        assert not leaks, f"{needle!r} readable in {leaks}"


def test_marker_absent_from_every_file_while_open_and_after_close(vault_dir: Path) -> None:
    v = vault.open(vault_dir, passphrase=PASSPHRASE)
    write_marker(v)
    v.rolling_backup()
    v.backup(vault_dir / "backups" / "manual")
    assert (vault_dir / "coachdesk.db-wal").exists(), "the write should sit in the WAL while open"
    assert_no_marker(vault_dir)
    v.close()
    assert_no_marker(vault_dir)
    with vault.open(vault_dir, passphrase=PASSPHRASE) as again, again.engine.connect() as conn:
        stored = conn.execute(text("SELECT value FROM practice_setting")).scalar()
    assert stored == MARKER * 50


def test_files_are_private_to_the_user(open_vault: Vault) -> None:
    write_marker(open_vault)
    open_vault.rolling_backup()
    folder = open_vault.folder
    assert folder.stat().st_mode & 0o777 == 0o700
    assert (folder / "backups").stat().st_mode & 0o777 == 0o700
    for path, _data in all_bytes(folder):
        assert path.stat().st_mode & 0o777 == 0o600, path.name


def test_connection_pragmas_and_self_check(open_vault: Vault) -> None:
    with open_vault.engine.connect() as conn:
        pragma = lambda name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
        assert pragma("cipher_version")
        assert pragma("journal_mode") == "wal"
        assert pragma("foreign_keys") == 1
        assert pragma("synchronous") == 2
        assert pragma("temp_store") == 2
        assert pragma("secure_delete") == 1
