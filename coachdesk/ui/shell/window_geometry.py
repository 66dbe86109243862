"""Where the main window sat and how large it was, kept per computer with the column widths."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSize
from PySide6.QtWidgets import QWidget

from coachdesk.ui.kit import look

GEOMETRY_KEY = "main_window/geometry"
FIRST_SIZE = QSize(1180, 760)


def restore(window: QWidget) -> None:
    """The last saved place and size, or a comfortable first size (a bad value is ignored)."""
    geometry = look.settings().value(GEOMETRY_KEY)
    if not isinstance(geometry, QByteArray) or not window.restoreGeometry(geometry):
        window.resize(FIRST_SIZE)


def save(window: QWidget) -> None:
    """Saved only while shown: a hidden window's geometry is not where the coach left it."""
    if window.isVisible():
        look.settings().setValue(GEOMETRY_KEY, window.saveGeometry())
