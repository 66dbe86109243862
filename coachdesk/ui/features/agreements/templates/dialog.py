"""The template editor in a window of its own, opened from the menu beside the main window."""

from __future__ import annotations

from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from coachdesk.i18n import _
from coachdesk.ui.features.agreements.templates.editor import TemplateEditor
from coachdesk.ui.kit import lockable, look
from coachdesk.ui.kit.practice import Practice


class TemplateEditorDialog(QDialog):
    """The editor in a window of its own; closing asks before unsaved changes are lost."""

    def __init__(self, practice: Practice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lockable.register(self)
        self.setWindowTitle(_("Agreement templates"))
        self.setWindowIcon(look.app_icon())
        self.editor = TemplateEditor(practice, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.editor)
        screen = (parent or self).screen().availableGeometry()
        self.resize(min(1360, int(screen.width() * 0.95)), min(860, int(screen.height() * 0.92)))

    def has_unsaved_input(self) -> bool:
        return self.editor.is_dirty()

    def discard(self) -> None:
        """Close without asking (the vault is locking): nothing of an example client stays."""
        self.editor.revert()
        self.editor.clear()
        super().reject()

    # -- locking (a Lockable: template edits have no draft, so a lock waits for them) -----
    def keep_as_draft(self) -> bool:
        return True

    def why_lock_waits(self) -> str | None:
        if self.isVisible() and self.has_unsaved_input():
            return _("Not locked: save or cancel the changes in the open window.")
        return None

    def wipe_for_lock(self) -> None:
        self.discard()

    def reject(self) -> None:
        if not self.editor.is_dirty():
            super().reject()
            return
        self.editor.ask(
            _("Discard changes?"),
            _("The changes to this template are not saved yet."),
            _("Discard changes"),
            self._discard_changes,
        )

    def _discard_changes(self) -> None:
        self.editor.revert()
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self.isVisible() and self.editor.is_dirty():
            event.ignore()
            self.reject()
        else:
            super().closeEvent(event)
