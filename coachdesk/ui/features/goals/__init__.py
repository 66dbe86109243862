"""Goals with their milestones and ratings, and follow-ups: what shows a client's progress."""

from coachdesk.ui.features.goals.follow_up_dialog import FollowUpDialog
from coachdesk.ui.features.goals.goal_dialog import GoalDialog
from coachdesk.ui.features.goals.goal_page import GoalPage
from coachdesk.ui.features.goals.goal_window import GoalWindow

__all__ = ["FollowUpDialog", "GoalDialog", "GoalPage", "GoalWindow"]
