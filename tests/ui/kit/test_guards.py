"""Privacy guards: copied client text does not linger on the clipboard; idleness locks."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLineEdit

from coachdesk.ui.kit.guards import ClipboardGuard, IdleWatcher


def test_text_copied_from_coachdesk_is_cleared_after_the_delay(qtbot) -> None:
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    field.activateWindow()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is not None)
    guard = ClipboardGuard()
    guard.seconds = 1
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("Zoë said she wants to resign")
    qtbot.waitUntil(lambda: clipboard.text() == "", timeout=5_000)


def test_text_copied_again_by_the_user_is_left_alone(qtbot) -> None:
    guard = ClipboardGuard()
    guard.seconds = 60
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("session notes")
    clipboard.setText("something else the coach copied")
    guard._copied = "session notes"  # the guard still remembers the first copy
    guard.clear_now()
    assert clipboard.text() == "something else the coach copied"


def test_no_clearing_when_the_preference_is_off(qtbot) -> None:
    guard = ClipboardGuard()
    guard.seconds = 0
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("kept")
    guard.clear_now()
    assert clipboard.text() == "kept"


def test_idle_watcher_fires_once_after_the_minutes(qtbot) -> None:
    watcher = IdleWatcher()
    watcher.start(2)
    fired: list[bool] = []
    watcher.idle.connect(lambda: fired.append(True))
    watcher.check()
    assert fired == []
    watcher._last -= 119
    watcher.check()
    assert fired == []
    watcher._last -= 2
    watcher.check()
    watcher.check()
    assert fired == [True]
