"""The minute after the call: the session notes editor and its parts."""

from coachdesk.ui.features.notes.editor import NotesEditor

__all__ = ["NotesEditor"]
