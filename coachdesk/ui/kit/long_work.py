"""Long work (backup, export, import, long documents) off the GUI thread, with progress and Cancel.

The work is a function of one ``progress(done, total)`` callback (total 0 = length unknown).
The callback runs on the worker: it forwards the numbers to the bar through a queued signal and
raises ``Cancelled`` once the user pressed Cancel, so the work stops at its next report and
cleans up after itself. The dialog stays up, saying "Stopping…", until the work has really
ended: when it closes, no half-written file is left. Results and errors come back on the GUI
thread through ``Tasks``; the owner's ``Tasks`` is used so closing the vault waits for the work.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any, ClassVar, TypeVar

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coachdesk.errors import Cancelled
from coachdesk.i18n import _
from coachdesk.ui.kit import look
from coachdesk.ui.kit.errors import show_error
from coachdesk.ui.kit.tasks import Tasks

T = TypeVar("T")
Progress = Callable[[int, int], None]
STEPS = 1000  # the bar's resolution; byte counts overflow Qt's int range


class _Relay(QObject):
    """Carries progress from the worker; unparented, kept alive by the worker's callback."""

    moved = Signal(int, int)  # (step, STEPS), or (0, 0) while the length is unknown


class ProgressDialog(QDialog):
    """A window-modal bar with a Cancel button; closing it means Cancel."""

    cancel_requested = Signal()

    def __init__(
        self, title: str, message: str, parent: QWidget | None = None, *, cancellable: bool = True
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(420)
        self.message = QLabel(message)
        self.message.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.bar.setTextVisible(False)
        self.detail = look.note("")
        buttons = QDialogButtonBox()
        self.cancel_button: QPushButton = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.clicked.connect(self._cancel)
        self.cancel_button.setVisible(cancellable)
        self.cancel_button.setEnabled(cancellable)
        layout = QVBoxLayout(self)
        layout.setSpacing(look.SPACING)
        layout.addWidget(self.message)
        layout.addWidget(self.bar)
        layout.addWidget(self.detail)
        layout.addWidget(buttons)
        self._may_close = False

    def show_progress(self, step: int, steps: int) -> None:
        if steps <= 0:
            self.bar.setRange(0, 0)
            return
        self.bar.setRange(0, steps)
        self.bar.setValue(step)

    def _cancel(self) -> None:
        self.cancel_button.setEnabled(False)
        self.detail.setText(_("Stopping… nothing half-written will be kept."))
        self.cancel_requested.emit()

    def finish(self) -> None:
        """Close for good: only the work's end closes the dialog."""
        self._may_close = True
        self.close()
        self.deleteLater()

    def reject(self) -> None:  # Escape, or the window's close button
        if self._may_close:
            super().reject()
        elif self.cancel_button.isEnabled():
            self._cancel()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self._may_close:
            event.accept()
            return
        event.ignore()
        self.reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape:
            self.reject()
            return
        super().keyPressEvent(event)


class LongWork(QObject):
    """One cancellable job with its progress dialog. Keep a reference until it ends (the
    owner's attribute); ``running`` lists every job still going, for the lock to stop them."""

    running: ClassVar[list[LongWork]] = []

    def __init__(
        self,
        tasks: Tasks,
        title: str,
        message: str,
        parent: QWidget | None = None,
        *,
        cancellable: bool = True,
        show_after_ms: int = 0,
    ) -> None:
        """``show_after_ms``: keep the dialog hidden that long, so work that ends sooner (most
        documents) never flashes a progress window."""
        super().__init__(parent)
        self._show_after_ms = show_after_ms
        self._tasks = tasks
        self._stop = threading.Event()
        self._relay = _Relay()
        self.dialog = ProgressDialog(title, message, parent, cancellable=cancellable)
        self._relay.moved.connect(self.dialog.show_progress, Qt.ConnectionType.QueuedConnection)
        self.dialog.cancel_requested.connect(self.cancel)
        self._ended = False

    @property
    def active(self) -> bool:
        """Started and not ended: its dialog is up."""
        return self in LongWork.running

    @property
    def cancelled(self) -> bool:
        return self._stop.is_set()

    def cancel(self) -> None:
        """Ask the work to stop at its next progress report."""
        self._stop.set()

    def abandon(self) -> None:
        """Stop and close now, calling back nobody: the vault is about to close (the owner's
        ``Tasks.wait`` then lets the work clean up as it stops, and drops its callbacks)."""
        self.cancel()
        self._end()

    @classmethod
    def cancel_all(cls) -> None:
        """Abandon every running job, before the vault closes (lock, quit, restore)."""
        for job in list(cls.running):
            job.abandon()

    def start(
        self,
        work: Callable[[Progress], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
    ) -> None:
        """Run ``work(progress)`` on a worker, showing the dialog meanwhile. Then exactly one
        of ``on_done(result)``, ``on_cancelled()`` or ``on_error(exc)`` (default: the error
        dialog) is called on the GUI thread, after the dialog has closed."""
        progress = self._progress_callback()
        LongWork.running.append(self)

        def done(result: Any) -> None:
            if not self._ended:
                self._end()
                on_done(result)

        def failed(exc: BaseException) -> None:
            if self._ended:
                return
            self._end()
            if isinstance(exc, Cancelled):
                if on_cancelled is not None:
                    on_cancelled()
            elif on_error is not None:
                on_error(exc)
            else:
                show_error(self.dialog.parentWidget(), exc)

        if self._show_after_ms > 0:
            QTimer.singleShot(self._show_after_ms, self._show_if_running)
        else:
            self.dialog.show()
        self._tasks.run(lambda: work(progress), done, failed)

    def _show_if_running(self) -> None:
        if not self._ended:
            self.dialog.show()

    def _progress_callback(self) -> Progress:
        """The worker's callback: at most ``STEPS`` bar updates cross threads, however often
        the work reports."""
        stop, relay = self._stop, self._relay
        shown = [-2]

        def progress(done: int, total: int) -> None:
            if stop.is_set():
                raise Cancelled()
            step = min(STEPS, max(0, done) * STEPS // total) if total > 0 else -1
            if step != shown[0]:
                shown[0] = step
                relay.moved.emit(max(step, 0), STEPS if total > 0 else 0)

        return progress

    def _end(self) -> None:
        if self._ended:
            return
        self._ended = True
        if self in LongWork.running:
            LongWork.running.remove(self)
        self.dialog.finish()
