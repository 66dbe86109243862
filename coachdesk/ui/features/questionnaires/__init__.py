"""Questionnaires: templates, fillable PDFs for clients, returned forms and their review."""

from coachdesk.ui.features.questionnaires.questionnaires_page import QuestionnairesPage

__all__ = ["QuestionnairesPage"]
