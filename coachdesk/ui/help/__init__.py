"""The Help menu's dialogs: About CoachDesk (with the libraries' licences) and Where is my data."""

from coachdesk.ui.help.about import AboutDialog
from coachdesk.ui.help.where import WhereIsMyDataDialog

__all__ = ["AboutDialog", "WhereIsMyDataDialog"]
