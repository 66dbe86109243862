"""A goal page in a window of its own: how the client page shows one goal in full."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from coachdesk.i18n import _
from coachdesk.ui.features.goals.goal_page import GoalPage
from coachdesk.ui.kit import lockable, look
from coachdesk.ui.kit.practice import Practice


class GoalWindow(QDialog):
    """A goal page in a window of its own, opened from the client page; not modal."""

    def __init__(self, practice: Practice, goal_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lockable.register(self)
        self.setWindowTitle(_("Goal"))
        self.setWindowIcon(look.app_icon())
        self.page = GoalPage(practice, self)
        self.page.back_button.hide()  # the window's Close does it
        self.page.deleted.connect(self.reject)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.setContentsMargins(look.SPACING, 0, look.SPACING, look.SPACING)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.page, 1)
        layout.addWidget(buttons)
        self.resize(900, 780)
        self.page.show_goal(goal_id)

    def discard(self) -> None:
        """The app locks: drop the goal's text, then close."""
        self.page.clear()
        self.reject()

    # -- locking (a Lockable: a typed action item has no draft, so a lock waits for it) ---
    def keep_as_draft(self) -> bool:
        return True

    def why_lock_waits(self) -> str | None:
        if self.isVisible() and self.page.linked.new_action.text.text().strip():
            return _("Not locked: save or cancel the changes in the open window.")
        return None

    def wipe_for_lock(self) -> None:
        self.discard()
