"""The clause check beside an agreement: the ICF-recommended sections it has (✓) and lacks (✗).

It reads the text as it is being typed (the check is a pure function over the text), so a
coach sees at once when a section heading is removed or renamed past recognition.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from coachdesk.i18n import _, ngettext
from coachdesk.services.agreements.listing import clauses
from coachdesk.ui.kit import look

PRESENT, MISSING = "✓", "✗"
WIDTH = 270


class ClauseList(QWidget):
    """``check(text, sponsored)`` fills it; ``missing()`` names what is lacking."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = look.heading(_("Clause check"), scale=1.1)
        self.summary = look.note("")
        self.items = QListWidget()
        self.items.setObjectName("clauses")
        self.items.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.items.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.items.setFrameShape(QListWidget.Shape.NoFrame)
        self.items.setStyleSheet("QListWidget { background: transparent; }")
        self.items.setSpacing(2)
        self.items.setWordWrap(True)
        self.items.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        explain = look.note(
            _("Sections the ICF recommends in a coaching agreement, found by their headings.")
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(look.SPACING, look.SPACING, look.SPACING, look.SPACING)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.items, 1)
        layout.addWidget(explain)
        self.setFixedWidth(WIDTH)
        self.results: list[tuple[str, bool]] = []

    def check(self, text: str, *, sponsored: bool) -> None:
        self.results = clauses(text, sponsored=sponsored)
        self.items.clear()
        for name, present in self.results:
            item = QListWidgetItem(f"{PRESENT if present else MISSING}  {name}")
            item.setForeground(look.colour(look.Colour.SUCCESS if present else look.Colour.DANGER))
            item.setToolTip(_("Present") if present else _("Missing: add a section on this"))
            self.items.addItem(item)
        lacking = len(self.missing())
        look.tint(self.summary, look.Colour.DANGER if lacking else None)
        self.summary.setText(
            ngettext("{n} section missing", "{n} sections missing", lacking).format(n=lacking)
            if lacking
            else _("Every recommended section is there.")
        )

    def missing(self) -> list[str]:
        return [name for name, present in self.results if not present]

    def clear(self) -> None:
        self.results = []
        self.items.clear()
        self.summary.clear()
