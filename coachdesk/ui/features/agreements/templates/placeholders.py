"""The placeholders a template may use, each with what it prints; activating one inserts it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coachdesk.documents.templates import placeholder_descriptions
from coachdesk.i18n import _
from coachdesk.ui.kit import look
from coachdesk.ui.kit.roles import ID_ROLE


def tag(name: str) -> str:
    return "{{ " + name + " }}"


class PlaceholderList(QWidget):
    """``chosen(text)`` with ``{{ name }}`` on double-click, Enter or the Insert button."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(_("Find a placeholder"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter)
        self.tree = QTreeWidget()
        self.tree.setObjectName("placeholders")
        self.tree.setHeaderLabels([_("Placeholder"), _("Prints")])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(True)
        for name, description in placeholder_descriptions():
            item = QTreeWidgetItem([tag(name), description])
            item.setData(0, ID_ROLE, name)
            item.setFont(0, look.monospace())
            item.setToolTip(1, description)
            self.tree.addTopLevelItem(item)
        self.tree.itemActivated.connect(self._activated)
        self.insert = QPushButton(_("&Insert placeholder"))
        self.insert.setToolTip(
            _("Insert the selected placeholder at the cursor (or double-click it)")
        )
        self.insert.clicked.connect(self._insert_current)
        self.tree.currentItemChanged.connect(self._current_changed)
        self.tree.setCurrentItem(self.tree.topLevelItem(0))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.insert, 0, Qt.AlignmentFlag.AlignRight)

    def select(self, name: str) -> None:
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item.data(0, ID_ROLE) == name:
                self.tree.setCurrentItem(item)
                return

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        self._choose(item)

    def _insert_current(self) -> None:
        self._choose(self.tree.currentItem())

    def _current_changed(self, item: QTreeWidgetItem | None, _old: QTreeWidgetItem | None) -> None:
        self.insert.setEnabled(item is not None and not item.isHidden())

    def _choose(self, item: QTreeWidgetItem | None) -> None:
        if item is not None and not item.isHidden():
            self.chosen.emit(tag(item.data(0, ID_ROLE)))

    def _filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            haystack = f"{item.text(0)} {item.text(1)}".casefold()
            item.setHidden(bool(needle) and needle not in haystack)
        current = self.tree.currentItem()
        if current is None or current.isHidden():
            visible = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
            self.tree.setCurrentItem(next((i for i in visible if not i.isHidden()), None))
        self._current_changed(self.tree.currentItem(), None)
