"""Encrypted backups of a vault: writing, rolling retention, and safe restore.

A backup is one ``.cdbackup`` file: an uncompressed ZIP holding a manifest, a copy of the key file
and a consistent copy of the database made with ``VACUUM INTO`` (encrypted with the same data key).
So the same passphrase or recovery key opens it, and nothing inside is plaintext.
Which backups in a folder are one vault's, and which of them to keep: ``backup_sets``.
"""

from __future__ import annotations

import json
import shutil
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Connection
from sqlalchemy.exc import OperationalError

from coachdesk.errors import Cancelled, InvalidInput, NotAVault, VaultCorrupt
from coachdesk.i18n import _
from coachdesk.vault.files import (
    create_private_file,
    removing_on_error,
    replace_durably,
    temp_path_for,
)
from coachdesk.vault.keyslots import KeyFile
from coachdesk.vault.layout import BACKUP_SUFFIX, DB_NAME, KEY_NAME

FORMAT = "coachdesk-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
CHUNK = 1024 * 1024
# SQLite calls the progress handler every this many virtual-machine steps: often enough for
# Cancel to answer within a blink, rarely enough to cost nothing measurable.
VM_STEPS = 20_000

Progress = Callable[[int, int], None]  # (done, total); total 0 = unknown; may raise Cancelled


@dataclass(frozen=True)
class BackupInfo:
    """What a backup's manifest says about it."""

    path: Path
    vault_id: str
    created: datetime
    schema: str | None


def write_backup(
    connection: Connection,
    key_file: KeyFile,
    schema: str | None,
    dest: Path,
    progress: Progress | None = None,
) -> Path:
    """Write a consistent encrypted backup of the open database to ``dest``.

    ``progress`` hears of the work: unknown-length while SQLite makes the snapshot (``VACUUM
    INTO`` cannot say how far it is), then bytes written. When it raises ``Cancelled`` the
    snapshot is interrupted and every partial file removed; an older ``dest`` is left as it was.
    """
    dest = dest if dest.suffix == BACKUP_SUFFIX else dest.with_name(dest.name + BACKUP_SUFFIX)
    if not dest.parent.is_dir():
        raise InvalidInput(_("The folder {path} does not exist.").format(path=dest.parent))
    report = progress or _no_progress
    snapshot = dest.with_name(f".{dest.name}.db.tmp")
    snapshot.unlink(missing_ok=True)
    create_private_file(snapshot)
    archive = temp_path_for(dest)
    try:
        _snapshot(connection, snapshot, report)
        manifest = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "vault_id": key_file.vault_id,
            "created": datetime.now(UTC).isoformat(timespec="seconds"),
            "schema": schema,
        }
        with removing_on_error(archive):
            create_private_file(archive)
            with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_STORED) as zf:
                zf.writestr(MANIFEST, json.dumps(manifest, indent=2))
                zf.writestr(KEY_NAME, key_file.to_bytes())
                _copy_into(zf, snapshot, report)
            replace_durably(archive, dest)
    finally:
        snapshot.unlink(missing_ok=True)
    return dest


def _no_progress(_done: int, _total: int) -> None:
    return None


def _snapshot(connection: Connection, snapshot: Path, report: Progress) -> None:
    """``VACUUM INTO`` with SQLite's progress handler asking ``report`` whether to go on."""
    raw = connection.connection.dbapi_connection
    stopped: list[Cancelled] = []

    def handler() -> int:
        try:
            report(0, 0)
        except Cancelled as exc:
            stopped.append(exc)
            return 1  # SQLite interrupts the statement
        return 0

    raw.set_progress_handler(handler, VM_STEPS)  # type: ignore[union-attr]
    try:
        connection.exec_driver_sql("VACUUM INTO ?", (str(snapshot),))
    except OperationalError:
        if stopped:
            raise stopped[0] from None
        raise
    finally:
        raw.set_progress_handler(None, 0)  # type: ignore[union-attr]
    if stopped:
        raise stopped[0]


def _copy_into(zf: zipfile.ZipFile, snapshot: Path, report: Progress) -> None:
    total = snapshot.stat().st_size
    done = 0
    report(done, total)
    with open(snapshot, "rb") as src, zf.open(DB_NAME, "w", force_zip64=True) as out:
        while chunk := src.read(CHUNK):
            out.write(chunk)
            done += len(chunk)
            report(done, total)


def read_backup(path: Path) -> tuple[BackupInfo, KeyFile]:
    """The manifest and key file of a backup, refusing anything that is not one."""
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            if not {MANIFEST, KEY_NAME, DB_NAME} <= names:
                raise NotAVault(_("This file is not a CoachDesk backup."))
            manifest = json.loads(zf.read(MANIFEST))
            key_bytes = zf.read(KEY_NAME)
    except FileNotFoundError:
        raise InvalidInput(_("The backup file does not exist: {path}").format(path=path)) from None
    except IsADirectoryError:
        raise NotAVault(_("This is a folder, not a CoachDesk backup file.")) from None
    except zipfile.BadZipFile:
        raise NotAVault(_("This file is not a CoachDesk backup.")) from None
    except (zipfile.LargeZipFile, ValueError, OSError):
        raise VaultCorrupt(_("The backup file is damaged.")) from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise NotAVault(_("This file is not a CoachDesk backup."))
    key_file = KeyFile.from_bytes(key_bytes)
    info = BackupInfo(
        path=path,
        vault_id=str(manifest.get("vault_id")),
        created=datetime.fromisoformat(str(manifest.get("created"))),
        schema=manifest.get("schema"),
    )
    return info, key_file


def extract_database(backup: Path, dest: Path) -> None:
    """Copy the backup's encrypted database to ``dest`` (a new private file), fsynced."""
    dest.unlink(missing_ok=True)
    create_private_file(dest)
    with (
        removing_on_error(dest),
        zipfile.ZipFile(backup) as zf,
        zf.open(DB_NAME) as src,
        open(dest, "wb") as out,
    ):
        shutil.copyfileobj(src, out, 1024 * 1024)
