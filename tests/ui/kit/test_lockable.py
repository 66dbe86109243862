"""The registry of lockables: every live one takes part in a lock, and a destroyed window drops
out without the registry keeping it (or the client text it showed) alive."""

from __future__ import annotations

import gc
import weakref

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QLineEdit

from coachdesk.ui.kit import lockable


class TypedLine(QLineEdit):
    """The smallest lockable: a line of typed text that has no draft."""

    def __init__(self) -> None:
        super().__init__()
        lockable.register(self)

    def keep_as_draft(self) -> bool:
        return True

    def why_lock_waits(self) -> str | None:
        return "Not locked: a line is typed." if self.text() else None

    def wipe_for_lock(self) -> None:
        self.clear()


def test_a_registered_widget_takes_part_until_it_is_destroyed(qtbot) -> None:
    line = TypedLine()
    line.setText("Confidential")
    assert any(item is line for item in lockable.live())
    line.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not any(item is line for item in lockable.live())


def test_the_registry_keeps_no_window_alive(qtbot) -> None:
    line = TypedLine()
    line.setText("Confidential")
    watched = weakref.ref(line)
    del line
    gc.collect()
    assert watched() is None
    assert not any(isinstance(item, TypedLine) for item in lockable.live())
