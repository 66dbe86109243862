"""Privacy guards: lock after the coach has been away, and clear copied client text.

An unattended, unlocked window shows confidential notes to whoever walks by; text copied from a
client's notes would otherwise sit on the system clipboard indefinitely.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QClipboard, QGuiApplication

ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)
CHECK_EVERY_MS = 15_000


class IdleWatcher(QObject):
    """Emits ``idle`` once when no key, mouse or touch input reached the app for ``minutes``."""

    idle = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.minutes = 0
        self._fired = False
        self._last = time.monotonic()
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_EVERY_MS)
        self._timer.timeout.connect(self.check)
        app = QGuiApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def start(self, minutes: int) -> None:
        self.minutes = minutes
        self._fired = False
        self._last = time.monotonic()
        if minutes > 0:
            self._timer.start()
        else:
            self._timer.stop()

    def stop(self) -> None:
        self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in ACTIVITY:
            self._last = time.monotonic()
        return False

    def idle_seconds(self) -> float:
        return time.monotonic() - self._last

    def check(self) -> None:
        if self._fired or self.minutes <= 0 or self.idle_seconds() < self.minutes * 60:
            return
        self._fired = True
        self._timer.stop()
        self.idle.emit()


class ClipboardGuard(QObject):
    """Clears the clipboard a while after CoachDesk put text on it, unless it changed since."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.seconds = 0
        self._copied: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clear_now)
        self._clipboard = QGuiApplication.clipboard()
        self._clipboard.dataChanged.connect(self._changed)

    def _changed(self) -> None:
        # ownsClipboard() is always False on some platforms (macOS): a change while CoachDesk
        # is the active application is taken to be a copy from CoachDesk.
        ours = self._clipboard.ownsClipboard() or (
            QGuiApplication.applicationState() == Qt.ApplicationState.ApplicationActive
        )
        if self.seconds <= 0 or not ours:
            self._copied = None
            return
        self._copied = self._clipboard.text(QClipboard.Mode.Clipboard)
        self._timer.start(self.seconds * 1000)

    def clear_now(self) -> None:
        """Clear what CoachDesk copied (also called on lock), never what another app copied."""
        if self._copied is not None and self._clipboard.text() == self._copied:
            self._clipboard.clear(QClipboard.Mode.Clipboard)
        self._copied = None
