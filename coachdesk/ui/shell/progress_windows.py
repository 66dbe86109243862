"""Opening the windows about a client's programme and progress (an engagement's editor, a goal,
the goal editor, a follow-up, a progress report), one of each kind at a time.

Views ask for them through the practice's navigation signals (the client page does), the menus
call them directly; ``discard_all`` closes them when the client they are about leaves the page.
Each one holding typed text is a ``Lockable`` of its own, so a lock waits for it. The report
dialog is imported when first asked for: it brings ReportLab, which start-up must not load.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QWidget

from coachdesk.ui.features.engagements import EngagementDialog
from coachdesk.ui.features.goals.follow_up_dialog import FollowUpDialog
from coachdesk.ui.features.goals.goal_dialog import GoalDialog
from coachdesk.ui.features.goals.goal_window import GoalWindow
from coachdesk.ui.kit.practice import Practice

if TYPE_CHECKING:
    from coachdesk.ui.features.reports.report_dialog import ProgressReportDialog

    Window = GoalWindow | GoalDialog | FollowUpDialog | ProgressReportDialog | EngagementDialog

W = TypeVar("W", GoalWindow, GoalDialog, FollowUpDialog, "ProgressReportDialog", EngagementDialog)


class ProgressWindows(QObject):
    """Opens the windows over ``parent`` when the practice asks; ``open`` holds them by kind."""

    def __init__(self, practice: Practice, parent: QWidget) -> None:
        super().__init__(parent)
        self.practice = practice
        self.host = parent
        self.open: dict[str, Window] = {}
        practice.open_goal.connect(self.open_goal)
        practice.new_goal_for.connect(self.new_goal)
        practice.progress_report_for.connect(self.progress_report)
        practice.follow_up_for.connect(self.schedule_follow_up)
        practice.new_engagement_for.connect(self.new_engagement)
        practice.open_engagement.connect(self.edit_engagement)

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
        from coachdesk.ui.features.reports.report_dialog import ProgressReportDialog

        return self._show("report", ProgressReportDialog(self.practice, self.host, client_id))

    def new_engagement(self, client_id: int) -> EngagementDialog:
        """The engagement editor for a new programme with this client."""
        return self._engagement(client_id=client_id)

    def edit_engagement(self, engagement_id: int) -> EngagementDialog:
        return self._engagement(engagement_id=engagement_id)

    def _engagement(self, **which: int) -> EngagementDialog:
        current = self.open.get("engagement")
        if isinstance(current, EngagementDialog):
            return current
        return self._show("engagement", EngagementDialog(self.practice, self.host, **which))

    def discard_all(self) -> None:
        """The client left the page (another is shown, or the app locks): every window goes,
        and what it held."""
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
