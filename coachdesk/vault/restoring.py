"""Restoring a vault from a backup without ever risking the current data.

The backup's database is copied beside the vault, fsynced and verified (it decrypts, passes the
integrity check, and its schema is one this version knows) before it replaces the current file.
The current database is first saved as a backup of its own, so a restore can itself be undone.

A backup made before the vault was re-keyed is under the old data key: it opens with its own key
file and the passphrase of its day. It is then copied under the vault's current key, so the
vault keeps today's passphrase and recovery key, and the leaked secret a re-key answered stays
useless for the live vault.
"""

from __future__ import annotations

import logging
import os
from datetime import UTC, datetime
from pathlib import Path

from coachdesk.errors import BackupBeforeRekey, InvalidInput, NotAVault, VaultCorrupt
from coachdesk.i18n import _
from coachdesk.vault import backups, rekey
from coachdesk.vault.engine import make_engine
from coachdesk.vault.files import make_private_dir, replace_durably, temp_path_for
from coachdesk.vault.keyslots import KeyFile, data_key_fits, unlock_with_passphrase
from coachdesk.vault.layout import BACKUP_SUFFIX, VaultLayout
from coachdesk.vault.lock import VaultLock
from coachdesk.vault.opening import check_schema, integrity_problems
from coachdesk.vault.vault import unlock_key

log = logging.getLogger(__name__)


def restore(
    backup: Path,
    folder: Path,
    *,
    passphrase: str | None = None,
    recovery_key: str | None = None,
    use_keychain: bool = False,
    backup_passphrase: str | None = None,
) -> Path | None:
    """Replace the vault in ``folder`` with ``backup``, or recreate it there if the folder is
    empty. The vault's current passphrase (or the backup's, for a new folder) unlocks it;
    ``backup_passphrase`` opens a backup made before a re-key (``BackupBeforeRekey`` asks
    for it). Returns the safety backup of the replaced database, if there was one.
    """
    backup, folder = Path(backup), Path(folder)
    info, backup_key_file = backups.read_backup(backup)
    layout = VaultLayout(folder)
    rekey.finish_interrupted_rekey(layout)
    replacing = layout.db.exists()
    key_file = _current_key_file(layout, backup_key_file)
    data_key = unlock_key(key_file, passphrase, recovery_key, use_keychain)
    backup_key = _backup_key(key_file, backup_key_file, data_key, backup_passphrase)
    make_private_dir(folder)
    lock = VaultLock(layout)
    lock.acquire()
    try:
        candidate = temp_path_for(layout.db)
        backups.extract_database(backup, candidate)
        try:
            if backup_key != data_key:
                candidate = _under_current_key(candidate, backup_key, data_key)
            _verify(candidate, data_key)
            safety = _save_current(layout, key_file, data_key) if replacing else None
            _remove_stale_wal(layout)
            replace_durably(candidate, layout.db)
        finally:
            candidate.unlink(missing_ok=True)
        if not layout.key.exists() or key_file is backup_key_file:
            key_file.save(layout.key)
    finally:
        lock.release()
    log.info("vault %s restored from a backup made %s", info.vault_id, info.created.isoformat())
    return safety


def needs_backup_passphrase(backup: Path, data_key: bytes) -> bool:
    """Whether ``backup`` was made before the vault (open with ``data_key``) was re-keyed."""
    _info, backup_key_file = backups.read_backup(Path(backup))
    return not data_key_fits(backup_key_file, data_key)


def _backup_key(
    key_file: KeyFile, backup_key_file: KeyFile, data_key: bytes, backup_passphrase: str | None
) -> bytes:
    """The key the backup's database is under: the vault's own, or (made before a re-key)
    the one its own key file gives with the passphrase of its day."""
    if data_key_fits(backup_key_file, data_key):
        return data_key
    if key_file is backup_key_file:  # the backup's own key file already refused the secret
        raise InvalidInput(_("This backup belongs to a different vault."))
    if backup_passphrase is None:
        raise BackupBeforeRekey(
            _(
                "This backup was made before the vault was re-keyed: it also needs the "
                "passphrase it was made with. The vault keeps today's passphrase."
            )
        )
    return unlock_with_passphrase(backup_key_file, backup_passphrase)


def _under_current_key(candidate: Path, backup_key: bytes, data_key: bytes) -> Path:
    """The extracted backup copied under the vault's current key, the old-key copy removed."""
    rekeyed = temp_path_for(candidate)
    try:
        rekey.copy_under_key(candidate, rekeyed, backup_key, data_key)
    except BaseException:
        rekeyed.unlink(missing_ok=True)
        raise
    finally:
        candidate.unlink(missing_ok=True)
    return rekeyed


def _remove_stale_wal(layout: VaultLayout) -> None:
    """Remove a WAL and its index left beside the database about to be replaced: their pages
    are the old database's (already saved by ``_save_current``) or no database's, and the next
    open would apply them to the restored copy and damage it."""
    for path in (layout.wal, layout.shm):
        path.unlink(missing_ok=True)


def _verify(candidate: Path, data_key: bytes) -> None:
    engine = make_engine(candidate, data_key)
    try:
        check_schema(engine)
        problems = integrity_problems(engine, quick=False)
    finally:
        engine.dispose()
    if problems:
        raise VaultCorrupt(_("The backup's database is damaged; nothing was restored."))


def _current_key_file(layout: VaultLayout, backup_key_file: KeyFile) -> KeyFile:
    """The vault's own key file (its current passphrase), or the backup's when the vault's is
    missing or damaged: restoring is how a damaged vault is mended."""
    if layout.key.exists():
        try:
            current = KeyFile.load(layout.key)
        except (VaultCorrupt, NotAVault):
            return backup_key_file
        if current.vault_id != backup_key_file.vault_id:
            raise InvalidInput(_("This backup belongs to a different vault."))
        return current
    return backup_key_file


def _save_current(layout: VaultLayout, key_file: KeyFile, data_key: bytes) -> Path:
    """Back up the database about to be replaced (this also folds its WAL into it); a database
    too damaged to read is moved aside as it is, still encrypted, never deleted."""
    make_private_dir(layout.backups)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    dest = layout.backups / f"pre-restore-{stamp}{BACKUP_SUFFIX}"
    engine = make_engine(layout.db, data_key)
    try:
        revision = check_schema(engine)
        with engine.connect() as conn:
            return backups.write_backup(conn, key_file, revision, dest)
    except VaultCorrupt:
        engine.dispose()
        damaged = layout.backups / f"damaged-{stamp}.db"
        for path in (layout.wal, layout.shm):
            if path.exists():
                os.replace(path, damaged.with_name(damaged.name + path.name[-4:]))
        os.replace(layout.db, damaged)
        log.warning("restore moved a damaged database aside")
        return damaged
    finally:
        engine.dispose()
