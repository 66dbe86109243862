"""Documents made from the practice's records for the coach to print or send: progress reports."""

from coachdesk.ui.features.reports.report_dialog import ProgressReportDialog

__all__ = ["ProgressReportDialog"]
