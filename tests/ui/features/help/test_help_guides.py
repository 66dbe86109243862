"""Help → Keyboard shortcuts and Help → Getting started, opened from the real main window: both
are read from the window's own menu actions, so they follow the menus when these change."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog

from coachdesk.ui.features.help import GettingStartedDialog, ShortcutsDialog
from coachdesk.ui.shell.main_window import MainWindow

NATIVE = QKeySequence.SequenceFormat.NativeText
D = TypeVar("D", bound=QDialog)


def opened(window: MainWindow, kind: type[D]) -> D:
    found = [d for d in window.commands.open_dialogs() if isinstance(d, kind) and d.isVisible()]
    assert len(found) == 1, kind.__name__
    return found[0]


def test_the_shortcut_list_holds_every_menu_shortcut(qtbot, window: MainWindow) -> None:
    window.menu_actions.shortcuts.trigger()
    shown = opened(window, ShortcutsDialog).shown()
    assert ("File", "Lock", "Ctrl+L") in shown
    assert ("Client", "New client…", QKeySequence("Ctrl+N").toString(NATIVE)) in shown
    assert ("Help", "Keyboard shortcuts", "Ctrl+/") in shown
    assert ("View", "Today", "Ctrl+1") in shown
    menu_keys = {
        key.toString(NATIVE)
        for entry in window.menuBar().actions()
        for action in entry.menu().actions()
        for key in action.shortcuts()
    }
    assert menu_keys == {k for _menu, _command, keys in shown for k in keys.split(", ")}


def test_the_shortcut_list_follows_a_changed_shortcut(qtbot, window: MainWindow) -> None:
    window.menu_actions.find.setShortcut(QKeySequence("Ctrl+Alt+F"))
    window.menu_actions.shortcuts.trigger()
    shown = opened(window, ShortcutsDialog).shown()
    assert ("Edit", "Find…", "Ctrl+Alt+F") in shown
    assert not [row for row in shown if row[2] == QKeySequence("Ctrl+F").toString(NATIVE)]


def test_getting_started_walks_through_the_first_hour(qtbot, window: MainWindow) -> None:
    window.menu_actions.getting_started.trigger()
    text = opened(window, GettingStartedDialog).guide.toPlainText()
    titles = [
        "Add your first client",
        "Book the first session",
        "Write notes after the call",
        "Agree how you work together",
        "Back up",
    ]
    assert [text.index(title) for title in titles] == sorted(text.index(t) for t in titles)
    new_client = QKeySequence("Ctrl+N").toString(NATIVE)
    assert f"Client → New client… ({new_client})" in text
    assert "Session → Schedule a session… (Ctrl+Shift+D)" in text
    assert "File → Back up now (Ctrl+Shift+B)" in text
    assert "&" not in text
