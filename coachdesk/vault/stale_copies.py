"""Sweeping the temporary copies that killed processes leave in a vault folder.

A restore killed while copying leaves ``.coachdesk.db.<pid>.tmp`` (a whole database), a backup
killed halfway its ``.name.cdbackup.db.tmp`` snapshot or ``.name.cdbackup.<pid>.tmp`` archive.
They are encrypted, but they keep erased clients alive, so each open sweeps them. Only the lock
holder writes these files here, so while this process holds the lock a copy is stale when the
process named in it is gone, or when it was last written before the lock was taken.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
from pathlib import Path

from coachdesk.vault.layout import VaultLayout

log = logging.getLogger(__name__)
_TEMP = re.compile(r"^\..+\.(?:(?P<pid>\d+)|db)\.tmp$")


def sweep_stale_copies(layout: VaultLayout, lock_taken_at: float) -> list[Path]:
    """Remove the stale temporary copies in the vault folder and its backups folder."""
    removed = []
    for folder in (layout.folder, layout.backups):
        try:
            entries = list(folder.iterdir())
        except OSError:
            continue
        for path in entries:
            if _is_stale(path, lock_taken_at):
                _remove(path)
                removed.append(path)
    if removed:
        log.info("removed %d stale temporary copies", len(removed))
    return removed


def _is_stale(path: Path, lock_taken_at: float) -> bool:
    match = _TEMP.match(path.name)
    if match is None:
        return False
    try:
        written = path.lstat().st_mtime
    except OSError:
        return False
    pid = match.group("pid")
    return written < lock_taken_at or (pid is not None and not _alive(int(pid)))


def _alive(pid: int) -> bool:
    if pid == os.getpid() or os.name != "posix":  # Windows' os.kill would end the process
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # someone else's process, or a platform that cannot tell: keep the file
    return True


def _remove(path: Path) -> None:
    try:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()
    except OSError:
        log.warning("a stale temporary copy could not be removed")
