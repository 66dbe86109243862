"""Agreements: lifecycle, templates and clause check, the list of what each needs, PDFs."""
