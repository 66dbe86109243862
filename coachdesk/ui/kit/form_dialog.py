"""A dialog that holds typed input: Esc or Cancel asks before dropping it, a lock waits for it.

Client, engagement, goal and profile forms share this rule, so "a stray Esc must not lose
anything typed", "a lock never loses typed text" and "a lock leaves no client text on screen"
hold the same way in each: every form is a ``Lockable``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from coachdesk.i18n import _
from coachdesk.ui.kit import lockable


class FormDialog(QDialog):
    """Subclasses set ``_dirty`` when the coach types, ``saving`` while a save runs, and say
    what would be lost (``discard_question``) and how to forget it (``wipe``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.saving = False
        self._dirty = False
        lockable.register(self)

    def discard_question(self) -> str:
        return _("You have typed details that are not saved yet.")

    def wipe(self) -> None:
        """Forget every typed text (the dialog is going)."""

    def has_unsaved_input(self) -> bool:
        return self._dirty

    def reject(self) -> None:
        """Cancel, asking first if something was typed (a stray Esc must not lose it)."""
        if self.saving:
            return
        if not self._dirty:
            super().reject()
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            _("Discard changes?"),
            self.discard_question(),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(self._discard_answered)
        box.open()

    def _discard_answered(self, result: int) -> None:
        if result == QMessageBox.StandardButton.Discard.value:
            self.discard()

    def discard(self) -> None:
        """Close without asking (the app is locking, or what it edits could not be loaded)."""
        self._dirty = False
        self.wipe()
        super().reject()

    # -- locking (a Lockable: a form has no draft, so a lock waits for it) -----------------
    def keep_as_draft(self) -> bool:
        return True

    def why_lock_waits(self) -> str | None:
        if self.isVisible() and self.has_unsaved_input():
            return _("Not locked: save or cancel the form you are filling in.")
        return None

    def wipe_for_lock(self) -> None:
        self.discard()
