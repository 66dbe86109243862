"""The ICF clause checklist of a template: which sections it has, which it misses.

A template missing a section produces agreements missing it, so the editor shows the check as the
coach types. Sponsor reporting is listed too, since the template serves sponsored engagements.
"""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QWidget

from coachdesk.documents.templates import clause_check
from coachdesk.i18n import _
from coachdesk.ui.kit import look

COLUMNS = 2
HAS, MISSING = "✓", "✗"


class ClauseChecklist(QGroupBox):
    """``show_text(body)`` marks each ICF-recommended section ✓ (has) or ✗ (missing)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_("ICF sections in this template"), parent)
        self.setObjectName("clauseChecklist")
        self.grid = QGridLayout(self)
        self.grid.setHorizontalSpacing(look.SPACING * 2)
        self.grid.setVerticalSpacing(2)
        self.labels: dict[str, QLabel] = {}
        self.results: list[tuple[str, bool]] = []

    def show_text(self, body: str) -> None:
        self.results = clause_check(body, sponsored=True)
        for index, (name, present) in enumerate(self.results):
            label = self.labels.get(name)
            if label is None:
                label = QLabel()
                self.labels[name] = label
                rows = (len(self.results) + COLUMNS - 1) // COLUMNS
                self.grid.addWidget(label, index % rows, index // rows)
            label.setText(f"{HAS if present else MISSING}  {name}")
            look.tint(label, look.Colour.SUCCESS if present else look.Colour.DANGER)
            label.setToolTip(
                _("The template has a section heading for this.")
                if present
                else _("No “## ” heading covers this: agreements from this template will lack it.")
            )

    def missing(self) -> list[str]:
        return [name for name, present in self.results if not present]
