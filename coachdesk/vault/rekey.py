"""Re-keying: the database copied under a new data key, for when a passphrase has leaked.

Changing the passphrase only rewraps the data key, so an old backup's key file plus the old
passphrase would still yield the key of the current database. A re-key exports the database
under a fresh key (``sqlcipher_export`` into a hidden copy), verifies the copy, writes the new key
file beside it as ``vault.key.rekeyed``, and only then renames the copy over the database: that
rename is the commit point. A kill at any step leaves files that tell which side of it it was,
without needing any key: a copy still present means the old database and key file stand; no
copy but a pending key file means the database is the new one and its key file goes with it.
Backups keep their own key files, so each still opens with the secrets of its day.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from coachdesk.errors import Cancelled, VaultCorrupt, VaultInUse
from coachdesk.i18n import _
from coachdesk.vault.backups import Progress
from coachdesk.vault.engine import connect_raw, make_engine, self_check
from coachdesk.vault.files import create_private_file, fsync_dir, replace_durably
from coachdesk.vault.keyslots import KeyFile
from coachdesk.vault.layout import DB_NAME, KEY_NAME, VaultLayout
from coachdesk.vault.lock import VaultLock
from coachdesk.vault.opening import check_schema, integrity_problems

log = logging.getLogger(__name__)
REKEYED_DB = f".{DB_NAME}.rekeyed"
PENDING_KEY = f"{KEY_NAME}.rekeyed"
STEPS = 3
VM_STEPS = 2000


def replace_database(
    layout: VaultLayout,
    old_key: bytes | bytearray,
    new_key: bytes | bytearray,
    key_file: KeyFile,
    progress: Progress | None = None,
) -> None:
    """Put the database under ``new_key`` and ``key_file`` beside it. Every connection to the
    database must be closed first; ``progress`` may raise ``Cancelled`` until the swap, which
    leaves the vault as it was."""
    report = progress or _no_progress
    copy, pending = layout.folder / REKEYED_DB, layout.folder / PENDING_KEY
    _remove_copy(copy)
    pending.unlink(missing_ok=True)
    try:
        report(0, STEPS)
        _export(layout.db, copy, old_key, new_key, report)
        report(1, STEPS)
        _verify(copy, new_key)
        report(2, STEPS)
        key_file.save(pending)
        if layout.wal.exists():  # a connection is still open: its later writes would be lost
            raise VaultInUse(_("The vault is still in use; close other work and re-key again."))
    except BaseException:
        _remove_copy(copy)
        pending.unlink(missing_ok=True)
        raise
    replace_durably(copy, layout.db)
    os.replace(pending, layout.key)
    fsync_dir(layout.folder)
    report(STEPS, STEPS)
    log.info("vault %s re-keyed", key_file.vault_id)


def finish_interrupted_rekey(layout: VaultLayout) -> None:
    """Complete or undo a re-key that was killed, so the key file fits the database again."""
    copy, pending = layout.folder / REKEYED_DB, layout.folder / PENDING_KEY
    if not copy.exists() and not pending.exists():
        return
    lock = VaultLock(layout)
    lock.acquire()
    try:
        if copy.exists():  # killed before the swap: the old database and key file stand
            _remove_copy(copy)
            pending.unlink(missing_ok=True)
            log.warning("an interrupted re-key was undone")
        elif pending.exists():  # killed after the swap: the new key file belongs to the database
            os.replace(pending, layout.key)
            fsync_dir(layout.folder)
            log.warning("an interrupted re-key was completed")
    finally:
        lock.release()


def copy_under_key(
    source: Path, copy: Path, old_key: bytes | bytearray, new_key: bytes | bytearray
) -> None:
    """Write ``source`` (under ``old_key``) to the new file ``copy`` under ``new_key``: a backup
    made before a re-key, restored under the vault's current key."""
    _export(source, copy, old_key, new_key, _no_progress)


def _export(
    source: Path,
    copy: Path,
    old_key: bytes | bytearray,
    new_key: bytes | bytearray,
    report: Progress,
) -> None:
    create_private_file(copy)
    conn = connect_raw(source, old_key)
    stopped: list[Cancelled] = []

    def handler() -> int:
        try:
            report(1, STEPS)
        except Cancelled as exc:
            stopped.append(exc)
            return 1  # SQLite interrupts the export
        return 0

    try:
        conn.execute("PRAGMA temp_store = MEMORY")
        self_check(conn)
        conn.execute(
            f"ATTACH DATABASE ? AS rekeyed KEY \"x'{new_key.hex()}'\"",
            (str(copy),),
        )
        conn.set_progress_handler(handler, VM_STEPS)
        try:
            conn.execute("SELECT sqlcipher_export('rekeyed')")
        except Exception:
            if stopped:
                raise stopped[0] from None
            raise
        conn.set_progress_handler(None, 0)
        conn.execute("DETACH DATABASE rekeyed")
    finally:
        conn.close()
    if stopped:
        raise stopped[0]


def _verify(copy: Path, key: bytes | bytearray) -> None:
    engine = make_engine(copy, key)
    try:
        check_schema(engine)
        problems = integrity_problems(engine, quick=False)
    finally:
        engine.dispose()
    if problems:
        raise VaultCorrupt(_("The re-keyed copy failed its check; nothing was changed."))


def _remove_copy(copy: Path) -> None:
    for path in (copy, copy.with_name(copy.name + "-journal")):
        path.unlink(missing_ok=True)


def _no_progress(_done: int, _total: int) -> None:
    return None
