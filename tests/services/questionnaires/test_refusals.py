"""A returned file that cannot be this client's answers is refused with its own message, and
nothing is stored."""

from __future__ import annotations

import io
from datetime import date

import pikepdf
import pytest
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coachdesk.errors import (
    DamagedPdf,
    ForeignForm,
    FormAlreadyReturned,
    FormFlattened,
    FormForAnotherClient,
    FormOutdated,
    FormRefused,
    NotAPdf,
)
from coachdesk.model import QuestionnaireAnswer
from coachdesk.services.questionnaires import answers, forms, returns, templates
from coachdesk.services.questionnaires.shipped import PREPARATION
from tests.services.factories import client
from tests.services.questionnaires.filling import fill_with_pypdf

TODAY = date(2026, 12, 4)
FILLED = {"q1_long": "Talk about the board meeting."}


@pytest.fixture
def sent(db: Session) -> tuple[int, int, bytes]:
    """A preparation form sent to a client: (client, template, filled PDF)."""
    zoe = client(db, "Zoë Łukasz")
    template = templates.resolve_template(db, PREPARATION)
    issued = forms.issue_pdf(db, template, zoe, TODAY)
    return zoe, template, fill_with_pypdf(issued.pdf, FILLED)


def _refused(db: Session, pdf: bytes, kind: type[FormRefused], client_id: int | None = None) -> str:
    with pytest.raises(kind) as info:
        returns.read_pdf(db, pdf, client_id)
    assert db.scalar(select(func.count()).select_from(QuestionnaireAnswer)) == 0
    return info.value.message


def _foreign_pdf() -> bytes:
    out = io.BytesIO()
    canvas = Canvas(out)
    canvas.acroForm.textfield(name="q1_long", x=50, y=700, width=300, height=20)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def test_each_refusal_has_its_own_message(db: Session, sent: tuple[int, int, bytes]) -> None:
    _zoe, _template, filled = sent
    other = client(db, "Other Person")
    messages = {
        _refused(db, b"\x89PNG\r\n\x1a\n not a form", NotAPdf),
        _refused(db, b"", NotAPdf),
        _refused(db, filled[: len(filled) // 2], DamagedPdf),
        _refused(db, b"%PDF-1.7\n" + b"\x00garbage" * 200 + b"\n%%EOF\n", DamagedPdf),
        _refused(db, _foreign_pdf(), ForeignForm),
        _refused(db, filled, FormForAnotherClient, other),
    }
    assert len(messages) == 5  # the two files that are not PDFs share theirs


def test_a_form_from_another_vault_is_foreign(db: Session, sent: tuple[int, int, bytes]) -> None:
    zoe, template, filled = sent
    stranger = fill_with_pypdf(
        filled, {"coachdesk_form": f"coachdesk-questionnaire/1;t={template};v=1;c={zoe};k=x"}
    )
    assert "another practice" in _refused(db, stranger, ForeignForm)


def test_a_form_of_an_earlier_version_is_refused(db: Session, sent: tuple[int, int, bytes]) -> None:
    zoe, template, filled = sent
    data = templates.template_fields(db, template)
    templates.update_template(
        db, template, templates.TemplateFields("Before we meet", "", data.questions)
    )
    assert "version 1" in _refused(db, filled, FormOutdated, zoe)


def test_a_flattened_form_is_refused(db: Session, sent: tuple[int, int, bytes]) -> None:
    zoe, _template, filled = sent
    with pikepdf.open(io.BytesIO(filled)) as doc:
        doc.generate_appearance_streams()
        doc.flatten_annotations("all")
        out = io.BytesIO()
        doc.save(out)
    _refused(db, out.getvalue(), FormFlattened, zoe)


def test_a_form_is_imported_once(db: Session, sent: tuple[int, int, bytes]) -> None:
    zoe, _template, filled = sent
    answers.store(db, returns.read_pdf(db, filled, zoe))
    with pytest.raises(FormAlreadyReturned):
        returns.read_pdf(db, filled, zoe)
    assert next(a.value for a in forms.returned_forms(db, zoe)[0].answers) == FILLED["q1_long"]
