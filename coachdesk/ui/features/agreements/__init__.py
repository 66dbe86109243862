"""The Agreements view: every agreement, its text, preview, clause check, sending and signing."""

from coachdesk.ui.features.agreements.agreements_page import AgreementsPage

__all__ = ["AgreementsPage"]
