"""The credential summary PDF, read back with pypdf: the figures and rows of the log, no notes."""

from __future__ import annotations

from sqlalchemy.orm import Session

from coachdesk.services.credentials.summary_pdf import credential_summary_pdf
from coachdesk.services.sessions import notes
from tests.documents.pdfcheck import text
from tests.services.credentials import practice
from tests.services.credentials.practice import TODAY


def test_the_summary_pdf_shows_the_hand_computed_figures_and_rows(db: Session) -> None:
    ids = practice.build(db)
    secret = "Confided the merger plan"
    notes.record_notes(
        db, ids["short"], notes.NotesInput(shared_notes=secret, private_notes=secret)
    )
    words = " ".join(text(credential_summary_pdf(db, today=TODAY)).split())
    assert "Credential summary" in words
    for figure in ("11.25", "9.25", "10.25"):
        assert figure in words
    for name in ("Ines Paid", "Pablo Bono", "Gina Group", "Confidential client 1", "Group of 4"):
        assert name in words
    assert "88.75 hours, 65.75 paid hours, 1 client, 14.75 hours in the last 18 months" in words
    for absent in (secret, "Nora Private", "Real Name", "Big 0"):
        assert absent not in words
