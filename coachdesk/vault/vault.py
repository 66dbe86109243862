"""An open vault, and the two ways to get one: create a new vault, or open an existing one."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from types import TracebackType

from sqlalchemy import Engine, text
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from coachdesk.errors import (
    InvalidInput,
    KeychainUnavailable,
    VaultCorrupt,
    VaultExists,
    WrongPassphrase,
)
from coachdesk.i18n import _
from coachdesk.vault import backup_sets, backups, keychain, migrate, rekey
from coachdesk.vault.engine import ensure_wal, make_engine
from coachdesk.vault.files import (
    DIR_MODE,
    FILE_MODE,
    create_private_file,
    make_private_dir,
)
from coachdesk.vault.key_file import existing_layout
from coachdesk.vault.keyslots import (
    DEFAULT_ARGON2,
    Argon2Params,
    KeyFile,
    data_key_fits,
    new_data_key,
    new_key_file,
    rekeyed,
    unlock_with_passphrase,
    unlock_with_recovery_key,
    with_new_passphrase,
    with_new_recovery_key,
)
from coachdesk.vault.layout import BACKUP_SUFFIX, VaultLayout
from coachdesk.vault.lock import VaultLock
from coachdesk.vault.opening import check_database_file, inspect_schema, integrity_problems
from coachdesk.vault.stale_copies import sweep_stale_copies

log = logging.getLogger(__name__)
MIN_PASSPHRASE = 8


class Vault:
    """An open, locked vault: the engine and session factory of one practice's database.

    The data key lives in one ``bytearray`` (the engine keys each connection from it) that
    ``close`` overwrites with zeros, so a locked app holds no copy of its own making."""

    def __init__(
        self,
        layout: VaultLayout,
        key_file: KeyFile,
        data_key: bytearray,
        lock: VaultLock,
        engine: Engine,
    ) -> None:
        self.layout = layout
        self.key_file = key_file
        self._data_key = data_key
        self._lock = lock
        self.engine = engine
        self.session_factory = sessionmaker(engine, expire_on_commit=False)

    @property
    def folder(self) -> Path:
        return self.layout.folder

    @property
    def vault_id(self) -> str:
        return self.key_file.vault_id

    @property
    def name(self) -> str:
        return self.layout.folder.name

    @property
    def is_open(self) -> bool:
        return self._lock.held

    def session(self) -> Session:
        return self.session_factory()

    def close(self) -> None:
        """Close every connection (the WAL is checkpointed and removed), wipe the key from
        memory and release the lock."""
        self.engine.dispose()
        _wipe(self._data_key)
        self._lock.release()

    def __enter__(self) -> Vault:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def change_passphrase(self, old: str, new: str) -> None:
        """Re-wrap the data key under ``new``; the database itself is not touched."""
        unlock_with_passphrase(self.key_file, old)
        self.set_passphrase(new)

    def set_passphrase(self, new: str) -> None:
        """Set a new passphrase; for an owner who proved access another way (recovery key)."""
        check_new_passphrase(new)
        updated = with_new_passphrase(self.key_file, self._data_key, new)
        updated.save(self.layout.key)
        self.key_file = updated
        log.info("passphrase changed for vault %s", self.vault_id)

    def rekey(self, old: str, new: str, progress: backups.Progress | None = None) -> str:
        """Change the passphrase and put the database under a new data key (``rekey.py``), for
        a passphrase that may have leaked; returns the new recovery key, shown once (the old
        one opens only older backups). Nothing else may use the vault meanwhile; ``progress``
        may stop it by raising ``Cancelled`` before anything changed."""
        unlock_with_passphrase(self.key_file, old)
        check_new_passphrase(new)
        new_key = bytearray(new_data_key())
        updated, recovery_key = rekeyed(self.key_file, bytes(new_key), new)
        remembered = self.is_remembered()
        self.engine.dispose()
        rekey.replace_database(self.layout, self._data_key, new_key, updated, progress)
        _wipe(self._data_key)
        self._data_key, self.key_file = new_key, updated
        self.engine = make_engine(self.layout.db, new_key)
        self.session_factory = sessionmaker(self.engine, expire_on_commit=False)
        ensure_wal(self.engine)
        _tighten_permissions(self.layout)
        if remembered:
            try:
                keychain.remember(self.vault_id, bytes(new_key))
            except KeychainUnavailable:
                keychain.forget(self.vault_id)
        return recovery_key

    def new_recovery_key(self, passphrase: str) -> str:
        """Replace the recovery key after the passphrase is confirmed; the new key, shown once.

        The old key stops opening this vault, but backups taken before keep their own key file,
        so they still open with the old key.
        """
        unlock_with_passphrase(self.key_file, passphrase)
        updated, recovery_key = with_new_recovery_key(self.key_file, self._data_key)
        updated.save(self.layout.key)
        self.key_file = updated
        log.info("recovery key replaced for vault %s", self.vault_id)
        return recovery_key

    def remember_on_this_computer(self) -> None:
        keychain.remember(self.vault_id, self._data_key)

    def forget_on_this_computer(self) -> bool:
        return keychain.forget(self.vault_id)

    def is_remembered(self) -> bool:
        return keychain.recall(self.vault_id) is not None

    def schema_revision(self) -> str | None:
        with self.engine.connect() as conn:
            return migrate.current_revision(conn)

    def backup(self, dest: Path, progress: backups.Progress | None = None) -> Path:
        """Write an encrypted backup that the same passphrase and recovery key open;
        ``progress`` may stop it by raising ``Cancelled`` (no partial file is left)."""
        try:
            with self.engine.connect() as conn:
                revision = migrate.current_revision(conn)
                path = backups.write_backup(conn, self.key_file, revision, dest, progress)
        except DatabaseError as exc:
            if isinstance(exc, OperationalError):  # a full disk, a missing folder: not damage
                raise
            raise VaultCorrupt(
                _(
                    "The vault's database is damaged, so no backup could be made. Run "
                    "'coachdesk check', then restore the newest sound backup."
                )
            ) from None
        log.info("backup written for vault %s", self.vault_id)
        return path

    def backup_folder(self, chosen: Path | None = None) -> Path:
        """Where backups go: the chosen folder (a synced folder, a USB drive) while it is
        reachable, else the vault's own backups folder, so a backup is never skipped."""
        if chosen is not None and chosen.is_dir():
            return chosen
        make_private_dir(self.layout.backups)
        return self.layout.backups

    def rolling_backup(
        self, today: date | None = None, *, folder: Path | None = None, every_days: int = 1
    ) -> Path | None:
        """The automatic backup, if one is due (none of this vault's in the last ``every_days``
        days; 0 means never), into ``folder`` when reachable; then prune this vault's
        automatic backups there by the retention rule (and the safety copies at home)."""
        day = today or datetime.now().date()
        backup_sets.prune_safety_backups(self.layout.backups, day)
        if every_days <= 0:
            return None
        target = self.backup_folder(folder)
        home = self.layout.backups
        if not backup_sets.automatic_backup_due(target, day, every_days, self.vault_id, home):
            return None
        path = self.backup(backup_sets.auto_backup_path(target, day, self.vault_id))
        backup_sets.prune_auto_backups(target, self.vault_id, home)
        return path

    def last_backup_time(self, folder: Path | None = None) -> datetime | None:
        """The newest backup of this vault in its own folder or in the chosen backup
        ``folder``; other vaults' backups sharing that folder do not count."""
        folders = [self.layout.backups] + ([folder] if folder is not None else [])
        return backup_sets.newest_backup_time(folders, self.vault_id, self.layout.backups)

    def integrity_problems(self, quick: bool = False) -> list[str]:
        return integrity_problems(self.engine, quick=quick)

    def table_counts(self) -> dict[str, int]:
        """Rows per table, for ``coachdesk check``: counts only, never content. A table on a
        damaged page is left out (the integrity check reports the damage)."""
        counts: dict[str, int] = {}
        with self.engine.connect() as conn:
            try:
                names = list(
                    conn.execute(
                        text(
                            "SELECT name FROM sqlite_master WHERE type = 'table' "
                            "AND name NOT LIKE 'sqlite_%' AND name != :version ORDER BY name"
                        ),
                        {"version": migrate.VERSION_TABLE},
                    ).scalars()
                )
            except DatabaseError:
                return counts
            for name in names:
                try:
                    count = conn.exec_driver_sql(f'SELECT count(*) FROM "{name}"').scalar()
                except DatabaseError:
                    continue
                counts[name] = int(count or 0)
        return counts


@dataclass(frozen=True)
class NewVault:
    """A freshly created vault, and its recovery key: shown once, never stored."""

    vault: Vault
    recovery_key: str


def check_new_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise InvalidInput(
            _("The passphrase must be at least {n} characters long.").format(n=MIN_PASSPHRASE)
        )


def create(folder: Path, passphrase: str, kdf: Argon2Params = DEFAULT_ARGON2) -> NewVault:
    """Make a new vault in ``folder`` (created if missing; must hold no vault)."""
    check_new_passphrase(passphrase)
    folder = Path(folder)
    layout = VaultLayout(folder)
    if folder.is_file():
        raise VaultExists(_("There is a file at {path}; choose a folder.").format(path=folder))
    if layout.key.exists() or layout.db.exists():
        raise VaultExists(_("There is already a vault in {path}.").format(path=folder))
    make_private_dir(folder)
    data_key = new_data_key()
    key_file, recovery_key = new_key_file(data_key, passphrase, kdf)
    create_private_file(layout.db)
    key_file.save(layout.key)
    vault = _open_unlocked(layout, key_file, data_key, new=True)
    log.info("vault %s created", key_file.vault_id)
    return NewVault(vault, recovery_key)


def open_vault(
    folder: Path,
    *,
    passphrase: str | None = None,
    recovery_key: str | None = None,
    use_keychain: bool = False,
) -> Vault:
    """Open the vault in ``folder`` with one of: passphrase, recovery key, or the keychain."""
    layout = existing_layout(Path(folder))
    rekey.finish_interrupted_rekey(layout)
    key_file = KeyFile.load(layout.key)
    data_key = unlock_key(key_file, passphrase, recovery_key, use_keychain)
    return _open_unlocked(layout, key_file, data_key)


def unlock_key(
    key_file: KeyFile, passphrase: str | None, recovery_key: str | None, use_keychain: bool
) -> bytes:
    if passphrase is not None:
        return unlock_with_passphrase(key_file, passphrase)
    if recovery_key is not None:
        return unlock_with_recovery_key(key_file, recovery_key)
    if use_keychain:
        data_key = keychain.recall(key_file.vault_id)
        if data_key is None:
            raise WrongPassphrase(_("This computer does not remember the vault's key."))
        if not data_key_fits(key_file, data_key):
            keychain.forget(key_file.vault_id)
            raise WrongPassphrase(
                _("The remembered key no longer fits this vault; it was removed.")
            )
        return data_key
    raise InvalidInput(_("A passphrase or recovery key is needed to open the vault."))


def _open_unlocked(
    layout: VaultLayout, key_file: KeyFile, unlocked: bytes, *, new: bool = False
) -> Vault:
    data_key = bytearray(unlocked)
    lock = VaultLock(layout)
    lock.acquire()
    try:
        if not new:
            check_database_file(layout.db)
        revision = inspect_schema(layout, data_key)
        sweep_stale_copies(layout, lock.acquired_at)
        engine = make_engine(layout.db, data_key)
        try:
            if revision != migrate.head_revision():
                _migrate(engine, layout, key_file, revision)
        except BaseException:
            engine.dispose()
            raise
    except BaseException:
        _wipe(data_key)
        lock.release()
        raise
    ensure_wal(engine)
    _tighten_permissions(layout)
    return Vault(layout, key_file, data_key, lock, engine)


def _wipe(buffer: bytearray) -> None:
    buffer[:] = bytes(len(buffer))


def _migrate(engine: Engine, layout: VaultLayout, key_file: KeyFile, revision: str | None) -> None:
    """Bring the schema to head, after a backup when there is data to protect. A failed upgrade
    is rolled back whole, so its backup, identical to the database, is removed again."""
    backup = None
    if revision is not None:
        make_private_dir(layout.backups)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        name = f"{backup_sets.MIGRATION_PREFIX}{revision}-{stamp}{BACKUP_SUFFIX}"
        with engine.connect() as conn:
            backup = backups.write_backup(conn, key_file, revision, layout.backups / name)
    try:
        migrate.upgrade_atomically(engine)
    except migrate.MigrationFailed as exc:
        log.error("vault %s: migration from %s failed (%s)", key_file.vault_id, revision, exc)
        if backup is not None:
            backup.unlink(missing_ok=True)
        raise VaultCorrupt(
            _(
                "This vault's data could not be updated for this version of CoachDesk. The "
                "update was undone and nothing was changed; the details are in the log file."
            )
        ) from None
    log.info(
        "vault %s migrated from %s to %s", key_file.vault_id, revision, migrate.head_revision()
    )


def _tighten_permissions(layout: VaultLayout) -> None:
    if os.name != "posix":
        return
    os.chmod(layout.folder, DIR_MODE)
    for path in (layout.db, layout.key, layout.wal, layout.shm, layout.lock):
        if path.exists():
            os.chmod(path, FILE_MODE)
