"""Running slow work (key derivation, backups) off the GUI thread, with results back on it.

Every long call goes through ``Tasks.run`` so the window never freezes and errors reach the user
one way. Callbacks always run on the GUI thread: workers only emit a relay's signals, which are
queued to the ``Tasks`` object living there. No per-task QObject is created or deleted, so no
object can vanish while a signal to it is in flight.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

from coachdesk.logs import log_unexpected

log = logging.getLogger(__name__)

OnDone = Callable[[Any], None]
OnError = Callable[[BaseException], object]  # what it returns is ignored
_ids = itertools.count(1)


class _Relay(QObject):
    """Carries results from workers; unparented and shared with the runnables that emit on it."""

    succeeded = Signal(int, object)
    failed = Signal(int, object)


class _Runnable(QRunnable):
    def __init__(self, job_id: int, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._job_id = job_id
        self._work = work
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._work()
        except BaseException as exc:  # delivered to the GUI thread, shown there
            self._relay.failed.emit(self._job_id, exc)
            return
        self._relay.succeeded.emit(self._job_id, result)


@dataclass
class _Job:
    on_done: OnDone
    on_error: OnError | None
    cancelled: bool = False


class Tasks(QObject):
    """Starts work on the shared thread pool; each owner (dialog, window) keeps one."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._jobs: dict[int, _Job] = {}
        self._relay = _Relay()
        self._relay.succeeded.connect(self._succeeded, Qt.ConnectionType.QueuedConnection)
        self._relay.failed.connect(self._failed, Qt.ConnectionType.QueuedConnection)

    @property
    def busy(self) -> bool:
        return bool(self._jobs)

    def run(
        self, work: Callable[[], Any], on_done: OnDone, on_error: OnError | None = None
    ) -> None:
        """Call ``work()`` on a worker; then ``on_done(result)`` or ``on_error(exc)`` here."""
        job_id = next(_ids)
        self._jobs[job_id] = _Job(on_done, on_error)
        QThreadPool.globalInstance().start(_Runnable(job_id, work, self._relay))

    def wait(self) -> None:
        """Block until running work ends (before closing the vault it uses)."""
        if self._jobs:
            QThreadPool.globalInstance().waitForDone()

    def cancel_all(self) -> None:
        """Drop the callbacks of unfinished work, e.g. once the vault they refer to is closed."""
        for job in self._jobs.values():
            job.cancelled = True

    def _finish(self, job_id: int) -> _Job | None:
        job = self._jobs.pop(job_id, None)
        return None if job is None or job.cancelled else job

    @Slot(int, object)
    def _succeeded(self, job_id: int, result: Any) -> None:
        job = self._finish(job_id)
        if job is not None:
            job.on_done(result)

    @Slot(int, object)
    def _failed(self, job_id: int, exc: BaseException) -> None:
        job = self._finish(job_id)
        if job is None:
            return
        if job.on_error is None:
            log_unexpected(log, "background task failed", exc)
        else:
            job.on_error(exc)
