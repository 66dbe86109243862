"""Help → Keyboard shortcuts: every shortcut of the main window's menus, menu by menu.

The list is read from the menu bar's own actions when the dialog opens, so a shortcut added,
changed or removed in the menus shows here without anyone remembering to update a list.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMainWindow,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from coachdesk.i18n import _
from coachdesk.ui.kit import look

Shortcut = tuple[str, str, str]  # (menu, command, keys)


def plain(text: str) -> str:
    """A menu text as shown: without the ampersand that marks its mnemonic (``&&`` is a ``&``)."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def keys_of(action: QAction) -> str:
    return ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())


def menu_shortcuts(window: QMainWindow) -> list[Shortcut]:
    """Each menu command of ``window`` that has a shortcut, in menu order."""
    found: list[Shortcut] = []
    for entry in window.menuBar().actions():
        menu = entry.menu()
        if not isinstance(menu, QMenu):
            continue
        for action in menu.actions():
            if not action.isSeparator() and action.isVisible() and keys_of(action):
                found.append((plain(menu.title()), plain(action.text()), keys_of(action)))
    return found


class ShortcutsDialog(QDialog):
    """The shortcuts of ``window``'s menus, grouped under each menu's name."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setWindowTitle(_("Keyboard shortcuts"))
        self.setWindowIcon(look.app_icon())
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([_("Command"), _("Shortcut")])
        self.tree.setRootIsDecorated(False)
        self.tree.setAccessibleName(_("Keyboard shortcuts"))
        self.groups: dict[str, QTreeWidgetItem] = {}
        for menu, command, keys in menu_shortcuts(window):
            if menu not in self.groups:
                self.groups[menu] = QTreeWidgetItem(self.tree, [menu])
                font = self.groups[menu].font(0)
                font.setBold(True)
                self.groups[menu].setFont(0, font)
            QTreeWidgetItem(self.groups[menu], [command, keys])
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(look.SPACING)
        layout.addWidget(look.heading(_("Keyboard shortcuts"), scale=1.3))
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.resize(520, 660)

    def shown(self) -> list[Shortcut]:
        """What the list shows, as (menu, command, keys)."""
        return [
            (menu, item.text(0), item.text(1))
            for menu, group in self.groups.items()
            for item in (group.child(c) for c in range(group.childCount()))
            if item is not None
        ]
