"""The main window's actions and menus: every action has a menu entry and a shortcut."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from coachdesk.i18n import _


@dataclass
class Actions:
    new_client: QAction
    edit_client: QAction
    new_session_notes: QAction
    schedule_session: QAction
    find: QAction
    views: list[QAction]
    backup: QAction
    remember: QAction
    preferences: QAction
    lock: QAction
    quit: QAction
    where_is_my_data: QAction
    about: QAction


def build(
    window: QMainWindow, handlers: dict[str, Callable[[], None]], views: list[str]
) -> Actions:
    """Create the actions, wire them to ``handlers`` by name, and fill the menu bar."""

    def action(text: str, shortcut: QKeySequence | str | None, name: str) -> QAction:
        item = QAction(text, window)
        if shortcut:
            item.setShortcut(QKeySequence(shortcut))
        item.triggered.connect(handlers[name])
        return item

    view_actions = []
    for number, title in enumerate(views, start=1):
        item = QAction(title, window)
        item.setShortcut(QKeySequence(f"Ctrl+{number}"))
        item.setData(number - 1)
        view_actions.append(item)
    actions = Actions(
        new_client=action(_("&New client…"), QKeySequence.StandardKey.New, "new_client"),
        edit_client=action(_("&Edit client…"), "Ctrl+E", "edit_client"),
        new_session_notes=action(
            _("&Notes for the session that just happened"), "Ctrl+Shift+N", "new_session_notes"
        ),
        schedule_session=action(_("&Schedule a session…"), "Ctrl+Shift+S", "schedule_session"),
        find=action(_("&Find…"), QKeySequence.StandardKey.Find, "find"),
        views=view_actions,
        backup=action(_("&Back up now…"), "Ctrl+Shift+B", "backup"),
        remember=action(_("&Remember on this computer"), None, "remember"),
        preferences=action(_("&Preferences…"), QKeySequence.StandardKey.Preferences, "preferences"),
        lock=action(_("&Lock"), "Ctrl+L", "lock"),
        quit=action(_("&Quit"), "Ctrl+Q", "quit"),
        where_is_my_data=action(_("&Where is my data?"), None, "where_is_my_data"),
        about=action(_("&About CoachDesk"), None, "about"),
    )
    if actions.preferences.shortcut().isEmpty():
        actions.preferences.setShortcut(QKeySequence("Ctrl+,"))
    actions.remember.setCheckable(True)
    actions.quit.setMenuRole(QAction.MenuRole.QuitRole)
    actions.about.setMenuRole(QAction.MenuRole.AboutRole)
    actions.preferences.setMenuRole(QAction.MenuRole.PreferencesRole)

    bar = window.menuBar()
    file_menu = bar.addMenu(_("&File"))
    for item in (actions.backup, actions.remember, None, actions.lock, actions.quit):
        file_menu.addSeparator() if item is None else file_menu.addAction(item)
    edit_menu = bar.addMenu(_("&Edit"))
    edit_menu.addAction(actions.find)
    edit_menu.addSeparator()
    edit_menu.addAction(actions.preferences)
    view_menu = bar.addMenu(_("&View"))
    for item in view_actions:
        view_menu.addAction(item)
    client_menu = bar.addMenu(_("&Client"))
    client_menu.addAction(actions.new_client)
    client_menu.addAction(actions.edit_client)
    session_menu = bar.addMenu(_("&Session"))
    session_menu.addAction(actions.new_session_notes)
    session_menu.addAction(actions.schedule_session)
    help_menu = bar.addMenu(_("&Help"))
    help_menu.addAction(actions.where_is_my_data)
    help_menu.addAction(actions.about)
    return actions
