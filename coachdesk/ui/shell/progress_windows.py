"""Opening the progress windows (a goal, the goal editor, a follow-up, a progress report) from
any view, one of each kind at a time, and closing them all when the app locks.

The client page and the main window's menus share it, so neither repeats the bookkeeping.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QWidget

from coachdesk.ui.features.goals.follow_up_dialog import FollowUpDialog
from coachdesk.ui.features.goals.goal_dialog import GoalDialog
from coachdesk.ui.features.goals.goal_window import GoalWindow
from coachdesk.ui.features.reports.report_dialog import ProgressReportDialog
from coachdesk.ui.kit.practice import Practice

Window = GoalWindow | GoalDialog | FollowUpDialog | ProgressReportDialog
W = TypeVar("W", GoalWindow, GoalDialog, FollowUpDialog, ProgressReportDialog)


class ProgressWindows(QObject):
    """Opens progress windows over ``parent``; ``discard_all`` closes them, wiping their text."""

    def __init__(self, practice: Practice, parent: QWidget) -> None:
        super().__init__(parent)
        self.practice = practice
        self.host = parent
        self.open: dict[str, Window] = {}

    def open_goal(self, goal_id: int) -> GoalWindow:
        """The goal in full, in a window beside the client page (another goal replaces it)."""
        current = self.open.get("goal")
        if isinstance(current, GoalWindow):
            current.page.show_goal(goal_id)
            current.raise_()
            current.activateWindow()
            return current
        return self._show("goal", GoalWindow(self.practice, goal_id, self.host))

    def new_goal(self, client_id: int) -> GoalDialog:
        return self._show("goal_editor", GoalDialog(self.practice, client_id, self.host))

    def schedule_follow_up(
        self, client_id: int | None = None, engagement_id: int | None = None
    ) -> FollowUpDialog:
        dialog = FollowUpDialog(self.practice, self.host, client_id, engagement_id)
        return self._show("follow_up", dialog)

    def progress_report(self, client_id: int | None = None) -> ProgressReportDialog:
        return self._show("report", ProgressReportDialog(self.practice, self.host, client_id))

    def has_unsaved_input(self) -> bool:
        return any(
            getattr(window, "has_unsaved_input", lambda: False)() for window in self.open.values()
        )

    def discard_all(self) -> None:
        """The app locks (or the client changes): every window goes, and what it held."""
        for window in list(self.open.values()):
            window.discard()

    def _show(self, kind: str, window: W) -> W:
        """Keep ``window`` until it finishes. The editors and the report are window-modal, so
        no second one can be asked for meanwhile; the goal window is not, and is reused."""
        self.open[kind] = window
        window.setProperty("progress_kind", kind)
        window.finished.connect(self._finished)
        if kind == "goal":
            window.show()
        else:
            window.open()
        return window

    def _finished(self, _result: int) -> None:
        window = self.sender()
        kind = window.property("progress_kind") if window is not None else None
        if kind is not None and self.open.get(str(kind)) is window:
            del self.open[str(kind)]
        if isinstance(window, QDialog):
            window.deleteLater()
