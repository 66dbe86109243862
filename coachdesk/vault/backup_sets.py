"""One vault's backups among those in a folder, and the rolling retention of its automatic ones.

Several vaults may share one backup folder (it is chosen per computer), so automatic and manual
backups carry a short vault tag in their name (``auto-1a2b3c4d-2026-11-02.cdbackup``), and
everything that decides or reports "this vault's backups" looks only at those: a backup named
otherwise (from before tags, or named by the coach) counts when its manifest names the vault,
or, when it cannot be read, when it lies in the vault's own backups folder (``home``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from enum import Enum
from pathlib import Path

from coachdesk.errors import CoachDeskError
from coachdesk.vault.backups import read_backup
from coachdesk.vault.layout import BACKUP_SUFFIX

AUTO_PREFIX = "auto-"
MANUAL_PREFIX = "manual-"
SAFETY_PREFIX = "pre-restore-"
MIGRATION_PREFIX = "pre-migration-"
TAG_LENGTH = 8
_HEX = frozenset("0123456789abcdef")
KEEP_DAILY = 7
KEEP_WEEKLY = 4
# Safety copies (before a restore, before an update) are kept as long as the oldest automatic
# backup can be, so the erase warning's "within about a month" holds for them too.
KEEP_SAFETY_DAYS = KEEP_WEEKLY * 7
_STAMP = "%Y%m%dT%H%M%SZ"


def vault_tag(vault_id: str) -> str:
    """The short vault id in backup names: enough to tell apart the vaults sharing a folder."""
    return vault_id[:TAG_LENGTH].lower()


def name_tag(name: str) -> str | None:
    """The vault tag in an automatic or manual backup's file name; None for other names and
    for names from before tags (their date or stamp never reads as eight hex digits and a
    dash)."""
    for prefix in (AUTO_PREFIX, MANUAL_PREFIX):
        if name.startswith(prefix):
            rest = name[len(prefix) :]
            tag = rest[:TAG_LENGTH]
            if len(rest) > TAG_LENGTH and rest[TAG_LENGTH] == "-" and set(tag) <= _HEX:
                return tag
    return None


def manifest_vault_id(path: Path) -> str | None:
    """The vault id a backup's manifest names; None when the file cannot be read as one."""
    try:
        info, _key = read_backup(path)
    except CoachDeskError:
        return None
    return info.vault_id


def belongs_to(path: Path, vault_id: str, home: Path) -> bool:
    """Whether ``path`` is a backup of the vault ``vault_id``, whose own backups folder is
    ``home``: by the tag in its name, else (names from before tags, names the coach chose) by
    its manifest; an untagged file that cannot be read is the vault's only in ``home``."""
    tag = name_tag(path.name)
    if tag is not None:
        return tag == vault_tag(vault_id)
    owner = manifest_vault_id(path)
    if owner is None:
        return _same_folder(path.parent, home)
    return owner == vault_id


def _same_folder(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def auto_backup_path(folder: Path, day: date, vault_id: str) -> Path:
    return folder / f"{AUTO_PREFIX}{vault_tag(vault_id)}-{day.isoformat()}{BACKUP_SUFFIX}"


def _auto_day(name: str) -> date | None:
    stamp = name[len(AUTO_PREFIX) : -len(BACKUP_SUFFIX)]
    if name_tag(name) is not None:
        stamp = stamp[TAG_LENGTH + 1 :]
    try:
        return date.fromisoformat(stamp)
    except ValueError:
        return None


def auto_backups(folder: Path, vault_id: str, home: Path) -> dict[date, Path]:
    """The rolling automatic backups of the vault ``vault_id`` in ``folder``, by day; those of
    other vaults sharing the folder are left out (``home``: see ``belongs_to``)."""
    found: dict[date, Path] = {}
    if not folder.is_dir():
        return found
    for path in sorted(folder.glob(f"{AUTO_PREFIX}*{BACKUP_SUFFIX}")):
        day = _auto_day(path.name)
        if day is not None and belongs_to(path, vault_id, home):
            found[day] = path
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


def prune_auto_backups(folder: Path, vault_id: str, home: Path) -> list[Path]:
    """Delete this vault's automatic backups that the retention rule no longer keeps; returns
    them. A file whose manifest names another vault is never deleted, whatever its name."""
    backups = auto_backups(folder, vault_id, home)
    keep = days_to_keep(backups)
    removed = [
        path
        for day, path in sorted(backups.items())
        if day not in keep and manifest_vault_id(path) in (None, vault_id)
    ]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def _safety_time(name: str) -> datetime | None:
    """When a safety copy was taken, from the stamp that ends its name."""
    stamp = name[: -len(BACKUP_SUFFIX)][-len("20260101T000000Z") :]
    try:
        return datetime.strptime(stamp, _STAMP).replace(tzinfo=UTC)
    except ValueError:
        return None


def prune_safety_backups(home: Path, today: date) -> list[Path]:
    """Delete the copies taken before a restore or an update in the vault's own backups folder
    (only ever written there) once older than ``KEEP_SAFETY_DAYS``, always keeping the newest
    of each kind; returns them. Manual backups are the coach's and never deleted."""
    removed: list[Path] = []
    oldest_kept = today - timedelta(days=KEEP_SAFETY_DAYS)
    for prefix in (SAFETY_PREFIX, MIGRATION_PREFIX):
        taken = {
            path: when
            for path in home.glob(f"{prefix}*{BACKUP_SUFFIX}")
            if (when := _safety_time(path.name)) is not None
        }
        newest = max(taken, key=lambda p: taken[p], default=None)
        for path, when in taken.items():
            if path != newest and when.date() < oldest_kept:
                path.unlink(missing_ok=True)
                removed.append(path)
    return removed


def list_backups(folder: Path) -> list[Path]:
    """Every backup file in ``folder``, newest first."""
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"*{BACKUP_SUFFIX}"), key=lambda p: p.stat().st_mtime, reverse=True)


class BackupKind(Enum):
    AUTOMATIC = "automatic"
    MANUAL = "manual"
    BEFORE_RESTORE = "before-restore"
    BEFORE_UPDATE = "before-update"


@dataclass(frozen=True)
class BackupEntry:
    """One backup file as a list shows it; ``created`` is None when the file cannot be read."""

    path: Path
    kind: BackupKind
    created: datetime | None
    size: int


def backup_kind(path: Path) -> BackupKind:
    name = path.name
    if name.startswith(AUTO_PREFIX):
        return BackupKind.AUTOMATIC
    if name.startswith(SAFETY_PREFIX):
        return BackupKind.BEFORE_RESTORE
    if name.startswith(MIGRATION_PREFIX):
        return BackupKind.BEFORE_UPDATE
    return BackupKind.MANUAL


def manual_backup_path(folder: Path, vault_id: str, moment: datetime | None = None) -> Path:
    stamp = (moment or datetime.now(UTC)).astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    return folder / f"{MANUAL_PREFIX}{vault_tag(vault_id)}-{stamp}{BACKUP_SUFFIX}"


def backup_entries(folders: Iterable[Path], vault_id: str) -> list[BackupEntry]:
    """The backups of one vault found in ``folders``, newest first. Backups of other vaults
    sharing a folder are left out; a damaged file is listed (created unknown), not hidden."""
    entries: dict[Path, BackupEntry] = {}
    for folder in folders:
        for path in list_backups(folder):
            real = path.resolve()
            if real in entries or path.name.startswith("."):
                continue
            tag = name_tag(path.name)
            if tag is not None and tag != vault_tag(vault_id):
                continue
            try:
                info, _key = read_backup(path)
                created: datetime | None = info.created
                if info.vault_id != vault_id:
                    continue
            except CoachDeskError:
                created = None
            try:
                size = path.stat().st_size
            except OSError:
                continue
            entries[real] = BackupEntry(path, backup_kind(path), created, size)
    return sorted(
        entries.values(),
        key=lambda e: e.created or datetime.fromtimestamp(e.path.stat().st_mtime, tz=UTC),
        reverse=True,
    )


def newest_backup_time(folders: Iterable[Path], vault_id: str, home: Path) -> datetime | None:
    """When the newest backup of the vault ``vault_id`` in any of ``folders`` was written (by
    its file time); other vaults' backups in a shared folder do not count."""
    times = [
        path.stat().st_mtime
        for folder in folders
        for path in list_backups(folder)
        if not path.name.startswith(".") and belongs_to(path, vault_id, home)
    ]
    return datetime.fromtimestamp(max(times), tz=UTC) if times else None


def automatic_backup_due(
    folder: Path, day: date, every_days: int, vault_id: str, home: Path
) -> bool:
    """Whether the vault ``vault_id`` is due an automatic backup in ``folder`` on ``day``: none
    of its own in the last ``every_days`` days (1 daily, 7 weekly; 0 never)."""
    if every_days <= 0:
        return False
    since = day - timedelta(days=every_days - 1)
    return not any(since <= taken <= day for taken in auto_backups(folder, vault_id, home))
