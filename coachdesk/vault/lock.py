"""One process per vault: an OS file lock, plus a note saying who holds it.

The lock is an advisory OS lock (``filelock``), so the kernel releases it when the holder dies,
even by ``kill -9``: a stale lock is taken over simply by acquiring it. The owner note is only
there to tell the user which process and computer have the vault open.
"""

from __future__ import annotations

import json
import os
import socket
from datetime import UTC, datetime

from filelock import FileLock, Timeout

from coachdesk.errors import VaultInUse
from coachdesk.i18n import _
from coachdesk.vault.files import write_atomic
from coachdesk.vault.layout import VaultLayout


class VaultLock:
    """The exclusive lock of one vault folder."""

    def __init__(self, layout: VaultLayout) -> None:
        self._layout = layout
        self._lock = FileLock(
            layout.lock, timeout=0, mode=0o600, thread_local=False, preserve_lock_file=True
        )

    @property
    def held(self) -> bool:
        return self._lock.is_locked

    def acquire(self) -> None:
        try:
            self._lock.acquire(timeout=0)
        except Timeout:
            pid, host = self._read_owner()
            raise VaultInUse(
                _("The vault is open in another CoachDesk (process {pid} on {host}).").format(
                    pid=pid if pid is not None else "?", host=host or "?"
                ),
                pid=pid,
                host=host,
            ) from None
        note = {"pid": os.getpid(), "host": socket.gethostname(), "since": _now()}
        write_atomic(self._layout.owner, json.dumps(note).encode())

    def release(self) -> None:
        if self._lock.is_locked:
            self._layout.owner.unlink(missing_ok=True)
            self._lock.release(force=True)

    def _read_owner(self) -> tuple[int | None, str | None]:
        try:
            note = json.loads(self._layout.owner.read_text())
            return int(note["pid"]), str(note["host"])
        except (OSError, ValueError, KeyError, TypeError):
            return None, None


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
