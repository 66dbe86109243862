"""The Help menu's dialogs: About CoachDesk (with the libraries' licences) and Where is my data."""

from coachdesk.ui.features.help.about import AboutDialog
from coachdesk.ui.features.help.where import WhereIsMyDataDialog

__all__ = ["AboutDialog", "WhereIsMyDataDialog"]
