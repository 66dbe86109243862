"""The engagement editor: one programme's dates, cadence, fees, terms and sponsor."""

from coachdesk.ui.features.engagements.engagement_dialog import EngagementDialog

__all__ = ["EngagementDialog"]
