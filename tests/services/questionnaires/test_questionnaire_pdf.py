"""The intake questionnaire as a fillable PDF: its fields, filled by two libraries, read back,
and what poppler sees of it."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pikepdf
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from coachdesk.model import Client, Goal, ProgressRating, QuestionnaireAnswer
from coachdesk.services.questionnaires import answers, forms, returns, templates
from coachdesk.services.questionnaires.shipped import INTAKE
from tests.documents.pdfcheck import font_names, reader, unembedded_fonts
from tests.services.factories import client
from tests.services.questionnaires.filling import fill_with_pikepdf, fill_with_pypdf

TODAY = date(2026, 12, 4)
# The intake's fields: what brings you, goal, where now, success, previous, contact, phone,
# address, date of birth, emergency contact, pronouns, consent options.
FILLED = {
    "q1_long": "Łukasz asked me to lead the team; I want to do it well.\nSecond line.",
    "q2_short": "Delegate with confidence",
    "q3_scale": "/4",
    "q6_choice": "/c2",
    "q7_short": "+48 601 234 567",
    "q9_date": "17.05.1984",
    "q12_multi_1": "/Yes",
    "q12_multi_3": "/Yes",
}


def _intake(db: Session) -> int:
    return templates.resolve_template(db, INTAKE)


def test_every_question_has_one_named_field_and_the_identity_is_hidden(db: Session) -> None:
    zoe = client(db, "Zoë Łukasz")
    issued = forms.issue_pdf(db, _intake(db), zoe, TODAY)
    fields = reader(issued.pdf).get_fields() or {}
    assert {"q1_long", "q2_short", "q3_scale", "q6_choice", "q9_date", "q12_multi_2"} <= set(fields)
    assert fields["q3_scale"]["/_States_"] == [f"/{n}" for n in range(11)]
    assert "/Off" in fields["q12_multi_1"]["/_States_"]
    identity = str(fields["coachdesk_form"]["/V"])
    assert identity.endswith(f";c={zoe};k={issued.token}")
    assert issued.file_name.endswith(".pdf")
    assert "/" not in issued.file_name


@pytest.mark.parametrize("fill", [fill_with_pypdf, fill_with_pikepdf])
def test_a_filled_intake_comes_back_as_answers_and_proposed_changes(db: Session, fill) -> None:
    zoe = client(db, "Zoë Łukasz", phone="+48 000")
    issued = forms.issue_pdf(db, _intake(db), zoe, TODAY)
    review = returns.read_pdf(db, fill(issued.pdf, FILLED), zoe)
    by_name = {a.name: a.value for a in review.answers}
    assert by_name["q1_long"] == FILLED["q1_long"]
    assert by_name["q3_scale"] == "4"
    assert by_name["q6_choice"] == "Phone call"
    assert by_name["q9_date"] == "1984-05-17"
    assert by_name["q12_multi"].count("\n") == 1
    changes = {c.key: c for c in review.changes}
    assert changes["phone"].old == "+48 000"
    assert changes["phone"].new == "+48 601 234 567"
    assert changes["goal:q2_short"].score == 4
    assert set(changes) == {"phone", "date_of_birth", "goal:q2_short"}
    assert db.scalar(select(QuestionnaireAnswer.id)) is None  # nothing stored yet

    answers.store(db, review, accepted={"date_of_birth", "goal:q2_short"})
    stored = db.get(Client, zoe)
    assert stored is not None
    assert stored.phone == "+48 000"  # not ticked, not changed
    assert stored.date_of_birth == date(1984, 5, 17)
    goal = db.scalar(select(Goal).where(Goal.client_id == zoe))
    assert goal is not None
    assert goal.title == "Delegate with confidence"
    assert goal.baseline == 4
    assert db.scalar(select(ProgressRating.score).where(ProgressRating.goal_id == goal.id)) == 4
    returned = forms.returned_forms(db, zoe)
    assert [f.title for f in returned] == [review.title]


def test_poppler_reads_the_form(db: Session, tmp_path: Path) -> None:
    pdfinfo, pdftotext = shutil.which("pdfinfo"), shutil.which("pdftotext")
    if pdfinfo is None or pdftotext is None:
        pytest.skip("poppler is not installed (apt-get install poppler-utils)")
    issued = forms.issue_pdf(db, _intake(db), client(db, "Zoë Łukasz"), TODAY)
    path = tmp_path / "form.pdf"
    path.write_bytes(fill_with_pypdf(issued.pdf, FILLED))
    info = subprocess.run([pdfinfo, str(path)], capture_output=True, text=True, check=True)
    assert re.search(r"^Form:\s+AcroForm$", info.stdout, re.MULTILINE)
    text = subprocess.run(
        [pdftotext, "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Welcome questionnaire" in text
    assert "What brings you to coaching now? *" in text
    assert "For Zoë Łukasz" in text


def test_the_page_text_uses_embedded_fonts_and_qpdf_finds_no_problem(db: Session) -> None:
    """The fields' own appearances use a standard font (ReportLab's AcroForm takes no other);
    everything printed on the page is in the embedded family."""
    issued = forms.issue_pdf(db, _intake(db), client(db, "Zoë Łukasz"), TODAY)
    assert unembedded_fonts(issued.pdf) == []
    assert not any("Helvetica" in name for name in font_names(issued.pdf))
    with pikepdf.open(io.BytesIO(fill_with_pikepdf(issued.pdf, FILLED))) as doc:
        assert doc.check_pdf_syntax() == []
