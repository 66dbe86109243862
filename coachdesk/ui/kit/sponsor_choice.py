"""The sponsor chooser of the client and engagement forms, with "New sponsor…" at its end.

A coach filling in a client often meets the paying organisation for the first time there, so
the chooser opens the kit's sponsor dialog itself and selects the sponsor once it is saved.
It is one kit widget rather than a signal the shell answers: the answer (the new sponsor's id)
belongs to the very combo that asked, and both forms need the same behaviour.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QWidget
from shiboken6 import isValid

from coachdesk.i18n import _
from coachdesk.ui.kit.practice import Practice
from coachdesk.ui.kit.sponsor_dialog import SponsorDialog

NEW = "new"  # the data of the "New sponsor…" entry


class SponsorCombo(QComboBox):
    """ "No sponsor", the sponsors, then "New sponsor…". ``chosen`` after the coach picks a
    sponsor (or none) or adds one; ``currentData()`` is always a sponsor id or None."""

    chosen = Signal()

    def __init__(self, practice: Practice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.practice = practice
        self.dialog: SponsorDialog | None = None
        self._before = 0
        self.set_sponsors([])
        self.activated.connect(self._activated)

    def set_sponsors(self, choices: list[tuple[int, str]]) -> None:
        self.clear()
        self.addItem(_("No sponsor"), None)
        for sponsor_id, name in choices:
            self.addItem(name, sponsor_id)
        self.addItem(_("New sponsor…"), NEW)
        self._before = 0

    def choose(self, sponsor_id: int | None) -> None:
        self.setCurrentIndex(max(self.findData(sponsor_id), 0))
        self._before = self.currentIndex()

    def _activated(self, index: int) -> None:
        if self.itemData(index) != NEW:
            self._before = index
            self.chosen.emit()
            return
        self.setCurrentIndex(self._before)  # until a sponsor is saved
        self.new_sponsor()

    def new_sponsor(self) -> SponsorDialog:
        """Open the sponsor dialog; the sponsor saved there becomes the choice."""
        if self.dialog is not None:
            self.dialog.raise_()
            return self.dialog
        dialog = SponsorDialog(self.practice, self.window())
        dialog.saved.connect(self._added)
        dialog.finished.connect(self._dialog_finished)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _added(self, sponsor_id: int) -> None:
        if not isValid(self) or self.dialog is None:
            return
        name = self.dialog.fields().name.strip()
        self.insertItem(self.count() - 1, name, sponsor_id)
        self.choose(sponsor_id)
        self.chosen.emit()

    def _dialog_finished(self, _result: int) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.deleteLater()
