"""One process per vault: OS locks on the folder and on ``vault.lock``, plus a note of the holder.

The locks are advisory OS locks, so the kernel releases them when the holder dies, even by
``kill -9``: a stale lock is taken over simply by acquiring it. A lock on a file alone can be
deleted away (a second process then creates a new ``vault.lock`` and locks that), so on POSIX the
folder itself is locked too: it cannot be swapped from under its holder. On Windows an open file
cannot be deleted, so ``vault.lock`` is enough there. ``vault.lock`` stays for the CoachDesk
versions that lock only it. The owner note only tells the user which process and computer have
the vault open.
"""

from __future__ import annotations

import errno
import json
import logging
import os
import socket
import time
from datetime import UTC, datetime

from filelock import FileLock, Timeout

from coachdesk.errors import VaultInUse, VaultReadOnly
from coachdesk.i18n import _
from coachdesk.vault.files import write_atomic
from coachdesk.vault.layout import VaultLayout

log = logging.getLogger(__name__)
_BUSY = (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES)
_READ_ONLY = (errno.EACCES, errno.EPERM, errno.EROFS)
_EFFECTIVE = os.access in os.supports_effective_ids


class VaultLock:
    """The exclusive lock of one vault folder."""

    def __init__(self, layout: VaultLayout) -> None:
        self._layout = layout
        self._folder_fd: int | None = None
        self._lock = FileLock(
            layout.lock, timeout=0, mode=0o600, thread_local=False, preserve_lock_file=True
        )
        self.acquired_at = 0.0

    @property
    def held(self) -> bool:
        return self._lock.is_locked

    def acquire(self) -> None:
        if not os.access(self._layout.folder, os.W_OK | os.X_OK, effective_ids=_EFFECTIVE):
            raise read_only(self._layout)
        self._lock_folder()
        try:
            self._lock.acquire(timeout=0)
        except Timeout:
            self._unlock_folder()
            raise self._in_use() from None
        except OSError as exc:
            self._unlock_folder()
            if exc.errno in _READ_ONLY:
                raise read_only(self._layout) from None
            raise
        self.acquired_at = time.time()
        note = {"pid": os.getpid(), "host": socket.gethostname(), "since": _now()}
        try:
            write_atomic(self._layout.owner, json.dumps(note).encode())
        except OSError as exc:
            self.release()
            if exc.errno in _READ_ONLY:
                raise read_only(self._layout) from None
            raise

    def release(self) -> None:
        if self._lock.is_locked:
            self._layout.owner.unlink(missing_ok=True)
            self._lock.release(force=True)
        self._unlock_folder()

    def _lock_folder(self) -> None:
        if os.name != "posix":
            return
        import fcntl

        fd = os.open(self._layout.folder, os.O_RDONLY)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno in _BUSY:
                os.close(fd)
                raise self._in_use() from None
            # Some network file systems cannot lock a folder: vault.lock alone guards it there.
            log.warning("the vault folder cannot be locked (errno %s)", exc.errno)
            os.close(fd)
            return
        self._folder_fd = fd

    def _unlock_folder(self) -> None:
        if self._folder_fd is not None:
            os.close(self._folder_fd)  # closing the descriptor drops its lock
            self._folder_fd = None

    def _in_use(self) -> VaultInUse:
        pid, host = self._read_owner()
        return VaultInUse(
            _("The vault is open in another CoachDesk (process {pid} on {host}).").format(
                pid=pid if pid is not None else "?", host=host or "?"
            ),
            pid=pid,
            host=host,
        )

    def _read_owner(self) -> tuple[int | None, str | None]:
        try:
            note = json.loads(self._layout.owner.read_text())
            return int(note["pid"]), str(note["host"])
        except (OSError, ValueError, KeyError, TypeError):
            return None, None


def read_only(layout: VaultLayout) -> VaultReadOnly:
    return VaultReadOnly(
        _(
            "The vault folder {path} is read-only: CoachDesk must be able to write there. "
            "Copy the vault to a folder you can write to, or change its permissions."
        ).format(path=layout.folder)
    )


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
