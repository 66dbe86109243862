"""Export everything, export one client's data, export a calendar, import an exported practice."""

from coachdesk.ui.exporting.calendar_dialog import CalendarDialog
from coachdesk.ui.exporting.export_dialog import ExportDialog
from coachdesk.ui.exporting.import_dialog import ImportDialog

__all__ = ["CalendarDialog", "ExportDialog", "ImportDialog"]
