"""The Help menu's dialogs: Getting started, Keyboard shortcuts, About CoachDesk (with the
libraries' licences) and Where is my data."""

from coachdesk.ui.features.help.about import AboutDialog
from coachdesk.ui.features.help.getting_started import GettingStartedDialog, GuideCommands
from coachdesk.ui.features.help.shortcuts import ShortcutsDialog
from coachdesk.ui.features.help.where import WhereIsMyDataDialog

__all__ = [
    "AboutDialog",
    "GettingStartedDialog",
    "GuideCommands",
    "ShortcutsDialog",
    "WhereIsMyDataDialog",
]
