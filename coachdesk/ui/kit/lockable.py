"""The app's locking rule as a type: locking never loses typed text.

Whatever may hold typed text or show client data when the app locks is a ``Lockable`` and
registers itself when it is made. The lock (``shell.locking``) asks every live one, in this
order: keep what has a draft as that draft (``keep_as_draft``); then, if one still holds typed
text that a lock would lose, the lock waits and shows its reason (``why_lock_waits``); else
every one forgets what it shows (``wipe_for_lock``) and the vault closes.

Only weak references are kept, so a registered widget drops out once it is destroyed, and the
registry never keeps a closed window (or the client text in it) alive.
"""

from __future__ import annotations

import weakref
from typing import Protocol

from shiboken6 import isValid


class Lockable(Protocol):
    """A window, page or dialog that takes part in every lock."""

    def keep_as_draft(self) -> bool:
        """Store typed text that has a draft (session notes, an agreement) now. False if it
        could not be stored; True otherwise, also when nothing is typed or it has no draft."""
        ...

    def why_lock_waits(self) -> str | None:
        """The "Not locked: …" sentence while typed text here would be lost by a lock, else
        None. Asked after ``keep_as_draft``, so typed text kept as a draft no longer counts."""
        ...

    def wipe_for_lock(self) -> None:
        """The vault is closing: forget every typed text and client detail shown; a window
        closes without asking."""
        ...


_registered: list[weakref.ref[Lockable]] = []


def register(item: Lockable) -> None:
    """Take part in every lock from now on, until ``item`` is destroyed."""
    _registered.append(weakref.ref(item))


def live() -> list[Lockable]:
    """Every registered lockable not yet destroyed, the oldest first."""
    alive = [(ref, item) for ref in _registered if (item := ref()) is not None and isValid(item)]
    _registered[:] = [ref for ref, _item in alive]
    return [item for _ref, item in alive]
