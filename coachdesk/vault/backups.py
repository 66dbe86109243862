"""Encrypted backups of a vault: writing, rolling retention, and safe restore.

A backup is one ``.cdbackup`` file: an uncompressed ZIP holding a manifest, a copy of the key file
and a consistent copy of the database made with ``VACUUM INTO`` (encrypted with the same data key).
So the same passphrase or recovery key opens it, and nothing inside is plaintext.
"""

from __future__ import annotations

import json
import shutil
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import Connection

from coachdesk.errors import InvalidInput, NotAVault, VaultCorrupt
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
AUTO_PREFIX = "auto-"
KEEP_DAILY = 7
KEEP_WEEKLY = 4


@dataclass(frozen=True)
class BackupInfo:
    """What a backup's manifest says about it."""

    path: Path
    vault_id: str
    created: datetime
    schema: str | None


def write_backup(connection: Connection, key_file: KeyFile, schema: str | None, dest: Path) -> Path:
    """Write a consistent encrypted backup of the open database to ``dest``."""
    dest = dest if dest.suffix == BACKUP_SUFFIX else dest.with_name(dest.name + BACKUP_SUFFIX)
    if not dest.parent.is_dir():
        raise InvalidInput(_("The folder {path} does not exist.").format(path=dest.parent))
    snapshot = dest.with_name(f".{dest.name}.db.tmp")
    snapshot.unlink(missing_ok=True)
    create_private_file(snapshot)
    archive = temp_path_for(dest)
    try:
        connection.exec_driver_sql("VACUUM INTO ?", (str(snapshot),))
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
                zf.write(snapshot, DB_NAME)
            replace_durably(archive, dest)
    finally:
        snapshot.unlink(missing_ok=True)
    return dest


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


def auto_backup_path(folder: Path, day: date) -> Path:
    return folder / f"{AUTO_PREFIX}{day.isoformat()}{BACKUP_SUFFIX}"


def auto_backups(folder: Path) -> dict[date, Path]:
    """The rolling automatic backups in ``folder``, by day."""
    found: dict[date, Path] = {}
    if not folder.is_dir():
        return found
    for path in folder.glob(f"{AUTO_PREFIX}*{BACKUP_SUFFIX}"):
        stamp = path.name[len(AUTO_PREFIX) : -len(BACKUP_SUFFIX)]
        try:
            found[date.fromisoformat(stamp)] = path
        except ValueError:
            continue
    return found


def days_to_keep(days: Iterable[date]) -> set[date]:
    """Rolling retention: the newest 7 days, plus the newest day of each of the newest 4 weeks."""
    ordered = sorted(set(days), reverse=True)
    keep = set(ordered[:KEEP_DAILY])
    weeks_seen: list[tuple[int, int]] = []
    for day in ordered:
        week = day.isocalendar()[:2]
        if week not in weeks_seen:
            weeks_seen.append(week)
            if len(weeks_seen) > KEEP_WEEKLY:
                break
            keep.add(day)
    return keep


def prune_auto_backups(folder: Path) -> list[Path]:
    """Delete automatic backups that the retention rule no longer keeps; returns them."""
    backups = auto_backups(folder)
    keep = days_to_keep(backups)
    removed = [path for day, path in sorted(backups.items()) if day not in keep]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def list_backups(folder: Path) -> list[Path]:
    """Every backup file in ``folder``, newest first."""
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"*{BACKUP_SUFFIX}"), key=lambda p: p.stat().st_mtime, reverse=True)
