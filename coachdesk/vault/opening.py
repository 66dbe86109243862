"""Recognising what a path holds before anything is opened, so each failure gets its own message.

Nothing here writes: a failed open must leave every file byte-identical.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine
from sqlalchemy.exc import DatabaseError

from coachdesk.errors import VaultCorrupt, VaultTooNew
from coachdesk.i18n import _
from coachdesk.vault import migrate
from coachdesk.vault.engine import connect_immutable, connect_raw
from coachdesk.vault.files import DIR_MODE, temp_path_for
from coachdesk.vault.layout import BACKUP_SUFFIX, VaultLayout

PAGE_SIZE = 4096


def check_database_file(path: Path) -> None:
    """Cheap checks on the encrypted file itself, before it is decrypted."""
    size = path.stat().st_size
    if size == 0:
        raise VaultCorrupt(_("The vault's database file is empty."))
    if size % PAGE_SIZE:
        raise VaultCorrupt(_("The vault's database file is cut short: it was not fully written."))


def inspect_schema(layout: VaultLayout, data_key: bytes | bytearray) -> str | None:
    """The stored schema revision, once it is known this version can open the database; read
    without changing a byte of any file, so a refused open leaves the folder as it was."""
    with _readable_copy(layout) as db:
        try:
            conn = connect_immutable(db, data_key) if db == layout.db else connect_raw(db, data_key)
            try:
                tables = [row[0] for row in conn.execute(_TABLES)]
                revision = None
                if migrate.VERSION_TABLE in tables:
                    row = conn.execute(_REVISION).fetchone()
                    revision = row[0] if row else None
            finally:
                conn.close()
        except sqlcipher.DatabaseError as exc:
            raise _unreadable(exc) from None
    if revision is not None and revision not in migrate.known_revisions():
        raise VaultTooNew(
            _("This vault was written by a newer CoachDesk. Update CoachDesk to open it.")
        )
    if revision != migrate.head_revision() and migrate.later_tables(revision, tables):
        raise VaultCorrupt(half_migrated_message(layout, revision))
    return revision


_TABLES = "SELECT name FROM sqlite_master WHERE type = 'table'"
_REVISION = f"SELECT version_num FROM {migrate.VERSION_TABLE}"


@contextlib.contextmanager
def _readable_copy(layout: VaultLayout) -> Iterator[Path]:
    """The database file itself when no WAL holds pages beyond it; else a private copy of the
    database and its WAL beside it (removed after), since SQLite folds a WAL into the database
    when its last reader closes, and a read-only reader still writes the ``-shm`` index."""
    if not layout.wal.exists() or layout.wal.stat().st_size == 0:
        yield layout.db
        return
    folder = temp_path_for(layout.folder / "inspect")
    shutil.rmtree(folder, ignore_errors=True)
    os.mkdir(folder, DIR_MODE)
    try:
        copy = folder / layout.db.name
        shutil.copyfile(layout.db, copy)
        shutil.copyfile(layout.wal, folder / layout.wal.name)
        yield copy
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _unreadable(exc: BaseException | None) -> VaultCorrupt:
    if "not a database" in str(exc):
        return VaultCorrupt(
            _("The vault's database cannot be decrypted: the file is damaged or was replaced.")
        )
    return VaultCorrupt(_("The vault's database is damaged and cannot be read."))


def half_migrated_message(layout: VaultLayout, revision: str | None) -> str:
    """Say that an interrupted update left the schema half-done, and which backup to restore."""
    before = sorted(layout.backups.glob(f"pre-migration-{revision}-*{BACKUP_SUFFIX}"))
    if before:
        return _(
            "An interrupted update left this vault half-updated, so it cannot be opened. "
            "Restore the backup taken just before the update: {path}"
        ).format(path=before[-1])
    return _(
        "An interrupted update left this vault half-updated, so it cannot be opened. "
        "Restore it from a backup."
    )


def check_schema(engine: Engine) -> str | None:
    """Read the schema revision, turning decryption failures into ``VaultCorrupt``."""
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
            revision = migrate.current_revision(conn)
    except DatabaseError as exc:
        raise _unreadable(exc.orig) from None
    if revision is not None and revision not in migrate.known_revisions():
        raise VaultTooNew(
            _("This vault was written by a newer CoachDesk. Update CoachDesk to open it.")
        )
    return revision


def integrity_problems(engine: Engine, quick: bool = True) -> list[str]:
    """The problems SQLite's integrity check finds; empty when the database is sound."""
    pragma = "quick_check" if quick else "integrity_check"
    try:
        with engine.connect() as conn:
            rows = [str(row[0]) for row in conn.exec_driver_sql(f"PRAGMA {pragma}")]
    except DatabaseError:
        return [_("the database could not be read")]
    return [] if rows == ["ok"] else rows
