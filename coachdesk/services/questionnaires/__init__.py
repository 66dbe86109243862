"""Questionnaires: form templates, fillable PDFs sent to clients, and the answers they return."""
