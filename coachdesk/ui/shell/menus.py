"""The main window's actions and menus: every action has a menu entry and a shortcut."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from coachdesk.i18n import N_, _

Entry = tuple[str, QKeySequence | QKeySequence.StandardKey | str | None]

# name: (menu text, shortcut); the handler of the same name does the work. Texts are translated
# when the menus are built, since the language is chosen after import.
ENTRIES: dict[str, Entry] = {
    "new_client": (N_("&New client…"), QKeySequence.StandardKey.New),
    "edit_client": (N_("&Edit client…"), "Ctrl+E"),
    "new_engagement": (N_("New en&gagement…"), "Ctrl+Shift+E"),
    "new_agreement": (N_("New &agreement…"), "Ctrl+Shift+A"),
    "new_goal": (N_("Add a &goal…"), "Ctrl+Shift+G"),
    "progress_report": (N_("&Progress report…"), "Ctrl+Shift+R"),
    "follow_up": (N_("Schedule a &follow-up…"), "Ctrl+Shift+F"),
    "export_client": (N_("E&xport this client's data…"), None),
    "new_session_notes": (N_("&Notes for the session that just happened"), "Ctrl+Shift+N"),
    "schedule_session": (N_("&Schedule a session…"), "Ctrl+Shift+D"),
    "export_calendar": (N_("Export to a &calendar…"), "Ctrl+Shift+K"),
    "find": (N_("&Find…"), QKeySequence.StandardKey.Find),
    "profile": (N_("Your &profile…"), None),
    "templates": (N_("Agreement &templates…"), "Ctrl+Shift+T"),
    "preferences": (N_("&Preferences…"), QKeySequence.StandardKey.Preferences),
    "import_clients": (N_("&Import clients…"), "Ctrl+Shift+I"),
    "import_archive": (N_("Import an exported &practice…"), None),
    "export_everything": (N_("&Export everything…"), None),
    "backup": (N_("&Back up now"), "Ctrl+Shift+B"),
    "backup_to_file": (N_("Back up &to a file…"), None),
    "restore": (N_("&Restore from a backup…"), None),
    "remember": (N_("&Remember on this computer"), None),
    "lock": (N_("&Lock"), "Ctrl+L"),
    "quit": (N_("&Quit"), "Ctrl+Q"),
    "getting_started": (N_("&Getting started"), QKeySequence.StandardKey.HelpContents),
    "shortcuts": (N_("&Keyboard shortcuts"), "Ctrl+/"),
    "where_is_my_data": (N_("&Where is my data?"), None),
    "about": (N_("&About CoachDesk"), None),
}

MENUS: list[tuple[str, list[str | None]]] = [
    (
        N_("&File"),
        [
            "import_clients",
            "import_archive",
            "export_everything",
            None,
            "backup",
            "backup_to_file",
            "restore",
            "remember",
            None,
            "lock",
            "quit",
        ],
    ),
    (N_("&Edit"), ["find", None, "profile", "templates", "preferences"]),
    (
        N_("&Client"),
        [
            "new_client",
            "edit_client",
            None,
            "new_engagement",
            "new_agreement",
            "new_goal",
            "progress_report",
            "follow_up",
            None,
            "export_client",
        ],
    ),
    (N_("&Session"), ["new_session_notes", "schedule_session", None, "export_calendar"]),
    (N_("&Help"), ["getting_started", "shortcuts", None, "where_is_my_data", "about"]),
]

# A locked window offers none of these (it is hidden, but shortcuts must not reach a vault).
NEEDING_VAULT = set(ENTRIES) - {"quit", "about"}


@dataclass
class Actions:
    new_client: QAction
    edit_client: QAction
    new_engagement: QAction
    new_agreement: QAction
    new_goal: QAction
    progress_report: QAction
    follow_up: QAction
    export_client: QAction
    new_session_notes: QAction
    schedule_session: QAction
    export_calendar: QAction
    find: QAction
    profile: QAction
    templates: QAction
    preferences: QAction
    import_clients: QAction
    import_archive: QAction
    export_everything: QAction
    backup: QAction
    backup_to_file: QAction
    restore: QAction
    remember: QAction
    lock: QAction
    quit: QAction
    getting_started: QAction
    shortcuts: QAction
    where_is_my_data: QAction
    about: QAction
    views: list[QAction]

    def needing_vault(self) -> list[QAction]:
        """What a locked window must not offer."""
        return [getattr(self, f.name) for f in fields(self) if f.name in NEEDING_VAULT]


def build(
    window: QMainWindow, handlers: dict[str, Callable[[], None]], views: list[str]
) -> Actions:
    """Create the actions, wire them to ``handlers`` by name, and fill the menu bar."""
    made: dict[str, QAction] = {}
    for name, (text, shortcut) in ENTRIES.items():
        item = QAction(_(text), window)
        if shortcut is not None:
            item.setShortcut(QKeySequence(shortcut))
        item.triggered.connect(handlers[name])
        made[name] = item
    view_actions = []
    for number, title in enumerate(views, start=1):
        item = QAction(title, window)
        if number <= 9:  # Ctrl+1 to Ctrl+9; the views after them are reached from the sidebar
            item.setShortcut(QKeySequence(f"Ctrl+{number}"))
        item.setData(number - 1)
        view_actions.append(item)
    actions = Actions(**made, views=view_actions)
    if actions.preferences.shortcut().isEmpty():
        actions.preferences.setShortcut(QKeySequence("Ctrl+,"))
    actions.remember.setCheckable(True)
    actions.quit.setMenuRole(QAction.MenuRole.QuitRole)
    actions.about.setMenuRole(QAction.MenuRole.AboutRole)
    actions.preferences.setMenuRole(QAction.MenuRole.PreferencesRole)

    bar = window.menuBar()
    for title, names in MENUS:
        menu: QMenu = bar.addMenu(_(title))
        for entry in names:
            menu.addSeparator() if entry is None else menu.addAction(made[entry])
        if title == MENUS[1][0]:
            view_menu = bar.addMenu(_("&View"))
            for item in view_actions:
                view_menu.addAction(item)
    return actions
