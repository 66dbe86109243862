"""The Sessions view: week agenda, filtered list, booking and rescheduling dialogs."""

from coachdesk.ui.features.sessions.schedule_dialog import ScheduleDialog
from coachdesk.ui.features.sessions.sessions_page import SessionsPage

__all__ = ["ScheduleDialog", "SessionsPage"]
