"""Bringing clients in from address-book exports (CSV, vCard)."""

from coachdesk.ui.importing.import_dialog import ImportDialog

__all__ = ["ImportDialog"]
