"""The CSV's columns, each with a choice of the client field it holds.

One title and one combo box per column in a strip that scrolls sideways: a Google export has
dozens of columns, and the coach should see every one to map an unrecognised title.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QFrame, QGridLayout, QLabel, QScrollArea, QWidget

from coachdesk.i18n import _
from coachdesk.services.exchange.contacts_import import field_labels

PREVIEW_CHARS = 30


class MappingBar(QScrollArea):
    """``changed(mapping)`` when the coach picks another field for a column."""

    changed = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combos: list[QComboBox] = []
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def set_columns(self, headers: Sequence[str], mapping: Sequence[str]) -> None:
        strip = QWidget()
        grid = QGridLayout(strip)
        grid.setContentsMargins(0, 0, 0, 0)
        self.combos = []
        labels = field_labels()
        for column, (title, field) in enumerate(zip(headers, mapping, strict=True)):
            shown = title if len(title) <= PREVIEW_CHARS else title[: PREVIEW_CHARS - 1] + "…"
            label = QLabel(shown or _("Column {n}").format(n=column + 1))
            label.setToolTip(title)
            combo = QComboBox()
            combo.setAccessibleName(_("Field for column {title}").format(title=title))
            for key, text in labels.items():
                combo.addItem(text, key)
            combo.setCurrentIndex(combo.findData(field))
            combo.currentIndexChanged.connect(self._picked)
            label.setBuddy(combo)
            grid.addWidget(label, 0, column)
            grid.addWidget(combo, 1, column)
            self.combos.append(combo)
        grid.setColumnStretch(len(self.combos), 1)
        self.setWidget(strip)
        bar = self.horizontalScrollBar().sizeHint().height()
        self.setFixedHeight(strip.sizeHint().height() + bar + 4)

    def mapping(self) -> list[str]:
        return [combo.currentData() for combo in self.combos]

    def set_field(self, column: int, field: str) -> None:
        """Choose ``field`` for ``column`` as the coach would."""
        self.combos[column].setCurrentIndex(self.combos[column].findData(field))

    def _picked(self, _index: int) -> None:
        self.changed.emit(self.mapping())
