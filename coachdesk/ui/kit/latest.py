"""Telling whether an answer from a worker is still wanted.

Reads run on workers and may answer out of order, or after the widget that asked is gone. A
widget numbers its requests with ``Latest`` and uses an answer only while ``holds`` it: never
one older than what it already shows, never one for a deleted widget.
"""

from __future__ import annotations

import weakref

from PySide6.QtCore import QObject
from shiboken6 import isValid


class Latest:
    """Numbers an owner's requests; ``holds(n)`` only while ``n`` is the newest and the owner
    lives. Weakly held: a widget must not be kept alive by its own bookkeeping."""

    def __init__(self, owner: QObject) -> None:
        self._owner = weakref.ref(owner)
        self._number = 0

    def start(self) -> int:
        """A new request: answers to the earlier ones no longer count."""
        self._number += 1
        return self._number

    def drop(self) -> None:
        """No answer on its way counts any more (the data changed, or the owner was cleared)."""
        self._number += 1

    def holds(self, number: int) -> bool:
        owner = self._owner()
        return number == self._number and owner is not None and isValid(owner)
