"""What every view shares about refreshing: stale until shown, and only the latest answer counts.

The main window loads only the view in sight, so a view told that its data changed while hidden
(``mark_stale``) reloads when it is next shown. Reads run on workers and may answer out of order:
each request is numbered by ``Latest``, so an answer to an older one is dropped.
``refreshed`` says when the new data is on screen: tests and callers wait for that event rather
than for a condition the previous data may already meet.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from coachdesk.ui.kit.errors import show_error
from coachdesk.ui.kit.latest import Latest
from coachdesk.ui.kit.practice import Practice, Work

T = TypeVar("T")


class Page(QWidget):
    """A view that reads through the practice. Subclasses implement ``_load`` (start reading,
    usually with ``_read``); ``refresh``, ``mark_stale`` and ``refreshed`` come from here."""

    refreshed = Signal()  # the latest refresh's data is shown

    def __init__(self, practice: Practice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.practice = practice
        self._latest = Latest(self)
        self._stale = True  # nothing is shown yet

    def refresh(self) -> None:
        """Read again now; answers to earlier requests are dropped when they arrive."""
        self._stale = False
        self._load()

    def _load(self) -> None:
        raise NotImplementedError

    def mark_stale(self) -> None:
        """The data changed: reload now if on screen, else when next shown. A read already
        running may have seen the data before the change, so its answer is dropped."""
        self._latest.drop()
        self._stale = True
        self._refresh_soon()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self._refresh_soon()

    def _refresh_soon(self) -> None:
        """Once control is back in the event loop: a burst of change notices reads once, and a
        page shown for a moment while the vault closes (locking) reads nothing."""
        if self._stale and self.isVisible():
            QTimer.singleShot(0, self, self._refresh_if_stale)

    def _refresh_if_stale(self) -> None:
        if self._stale and self.isVisible() and self.practice.vault is not None:
            self.refresh()

    def _forget(self) -> None:
        """On clear: answers on their way are dropped, and the emptied page reloads when next
        shown."""
        self._latest.drop()
        self._stale = True

    def _read(
        self,
        work: Work[T],
        show: Callable[[T], None],
        failed: Callable[[BaseException], None] | None = None,
    ) -> None:
        """``practice.read`` as a new request: ``show`` gets the answer only if it is still the
        latest, then ``refreshed`` is emitted."""
        request = self._latest.start()
        self.practice.read(
            work, self._answer(request, show), self._refusal(request, failed), parent=self
        )

    def _answer(self, request: int, show: Callable[[T], None]) -> Callable[[T], None]:
        """``show`` for the answer to ``request``, if still the latest. ``refreshed`` follows
        unless ``show`` itself asked for more (a second step, or another refresh)."""

        def answered(data: T) -> None:
            if self._latest.holds(request):
                show(data)
                if self._latest.holds(request):
                    self.refreshed.emit()

        return answered

    def _refusal(
        self, request: int, failed: Callable[[BaseException], None] | None = None
    ) -> Callable[[BaseException], None]:
        """The error of ``request``, shown (or given to ``failed``) only if still the latest."""

        def refused(exc: BaseException) -> None:
            if self._latest.holds(request):
                (failed or self._show_error)(exc)

        return refused

    def _show_error(self, exc: BaseException) -> None:
        show_error(self, exc)
