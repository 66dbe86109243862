"""Names of the files in a vault folder, in one place."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

DB_NAME = "coachdesk.db"
KEY_NAME = "vault.key"
LOCK_NAME = "vault.lock"
OWNER_NAME = "vault.owner"
BACKUP_DIR = "backups"
BACKUP_SUFFIX = ".cdbackup"


@dataclass(frozen=True)
class VaultLayout:
    """The paths that make up the vault in ``folder``."""

    folder: Path

    @property
    def db(self) -> Path:
        return self.folder / DB_NAME

    @property
    def wal(self) -> Path:
        return self.folder / f"{DB_NAME}-wal"

    @property
    def shm(self) -> Path:
        return self.folder / f"{DB_NAME}-shm"

    @property
    def key(self) -> Path:
        return self.folder / KEY_NAME

    @property
    def lock(self) -> Path:
        return self.folder / LOCK_NAME

    @property
    def owner(self) -> Path:
        return self.folder / OWNER_NAME

    @property
    def backups(self) -> Path:
        return self.folder / BACKUP_DIR
