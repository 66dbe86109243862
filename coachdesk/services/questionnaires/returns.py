"""A questionnaire coming back: a filled PDF read with pypdf, or answers typed in the app.

Nothing is stored here: the result is a ``Review`` the coach confirms (``answers.store``). A
PDF is refused, each with its own message, when it is not a PDF, is cut short or damaged, is not
a form this vault sent, was sent to another client, was made from another template version, has
lost its fields (printed or saved flat), or was already imported.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Mapping
from typing import Any

from pypdf import PdfReader
from pypdf.errors import PyPdfError
from sqlalchemy import select
from sqlalchemy.orm import Session

from coachdesk.documents.questionnaire import (
    IDENTITY_FIELD,
    FormIdentity,
    choice_value,
    option_field,
)
from coachdesk.errors import (
    DamagedPdf,
    ForeignForm,
    FormAlreadyReturned,
    FormFlattened,
    FormForAnotherClient,
    FormOutdated,
    NotAPdf,
    ValidationError,
)
from coachdesk.formatting import format_date
from coachdesk.i18n import _
from coachdesk.model import QuestionnaireForm, QuestionnaireTemplate
from coachdesk.model.enums import AnswerMapping, QuestionKind
from coachdesk.services.people.clients import get_client
from coachdesk.services.questionnaires import questions as q
from coachdesk.services.questionnaires.answers import Review, build_review, canonical
from coachdesk.services.questionnaires.templates import get_template

K = QuestionKind
log = logging.getLogger(__name__)


def read_pdf(db: Session, data: bytes, client_id: int | None = None) -> Review:
    """The review of a returned PDF, or the typed error saying why it cannot be read."""
    if b"%PDF-" not in data[:1024]:
        raise NotAPdf(_("This file is not a PDF."))
    if b"%%EOF" not in data[-2048:]:
        raise DamagedPdf(
            _("This PDF is cut short, perhaps by an unfinished download; ask for it again.")
        )
    try:
        reader = PdfReader(io.BytesIO(data))
        fields = reader.get_fields() or {}
        metadata = reader.metadata
        subject = str(metadata.get("/Subject") or "") if metadata is not None else ""
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError) as exc:
        log.info("returned form unreadable: %s", type(exc).__name__)
        raise DamagedPdf(_("This PDF is damaged and cannot be read.")) from None
    values = {name: field.get("/V") for name, field in fields.items()}
    hidden = values.get(IDENTITY_FIELD)
    identity = FormIdentity.decode(str(hidden)) if hidden is not None else None
    if identity is None and FormIdentity.decode(subject) is not None:
        raise _flattened()
    if identity is None:
        raise ForeignForm(_("This PDF is not a questionnaire sent from CoachDesk."))
    form = _issued_form(db, identity)
    if client_id is not None and form.client_id != client_id:
        raise FormForAnotherClient(_("This questionnaire was sent to another client."))
    template = _template_as_sent(db, form, identity)
    questions = q.from_json(template.questions)
    if not any(name != IDENTITY_FIELD for name in fields):
        raise _flattened()
    answers = {}
    for i, question in enumerate(questions):
        name = q.field_name(i, question)
        answers[name] = canonical(question, _raw_answer(question, name, values))
    answers |= _per_goal_values(questions, {n: _name(v) for n, v in values.items()})
    return build_review(db, template, get_client(db, form.client_id), answers, form.token)


def read_typed(
    db: Session, template_id: int, client_id: int, typed: Mapping[str, str | list[str]]
) -> Review:
    """The review of answers the coach typed in the app; a required question left empty is
    refused, naming its field."""
    template = get_template(db, template_id)
    questions = q.from_json(template.questions)
    answers, problems = {}, {}
    for i, question in enumerate(questions):
        name = q.field_name(i, question)
        answers[name] = canonical(question, typed.get(name, ""))
        if question.required and not answers[name]:
            problems[name] = _("Question {number} needs an answer.").format(number=i + 1)
    if problems:
        raise ValidationError(problems)
    flat = {n: v for n, v in typed.items() if isinstance(v, str)}
    answers |= _per_goal_values(questions, flat)
    return build_review(db, template, get_client(db, client_id), answers, None)


def _per_goal_values(questions: tuple[q.Question, ...], raw: Mapping[str, str]) -> dict[str, str]:
    """The per-goal fields' answers (``q1_scale_g12``), as canonical as their question's."""
    found = {}
    for i, question in enumerate(questions):
        if question.mapping == AnswerMapping.EACH_GOAL:
            prefix = q.field_name(i, question) + "_g"
            for name, value in raw.items():
                if name.startswith(prefix) and name[len(prefix) :].isdigit():
                    found[name] = canonical(question, value)
    return found


def _flattened() -> FormFlattened:
    return FormFlattened(
        _(
            "This questionnaire's answer fields are gone: it was printed to PDF or saved"
            " flattened. Ask the client to save it from the reader instead."
        )
    )


def _issued_form(db: Session, identity: FormIdentity) -> QuestionnaireForm:
    form = db.scalar(select(QuestionnaireForm).where(QuestionnaireForm.token == identity.token))
    if (
        form is None
        or form.client_id != identity.client_id
        or form.template_id != identity.template_id
        or form.template_version != identity.template_version
    ):
        raise ForeignForm(
            _("This questionnaire was not sent from this vault: it is another practice's form.")
        )
    if form.returned_at is not None:
        raise FormAlreadyReturned(
            _("This questionnaire's answers were already imported on {day}.").format(
                day=format_date(form.returned_at.date())
            )
        )
    return form


def _template_as_sent(
    db: Session, form: QuestionnaireForm, identity: FormIdentity
) -> QuestionnaireTemplate:
    template = db.get(QuestionnaireTemplate, identity.template_id)
    if template is None or template.archived:
        raise FormOutdated(
            _("The questionnaire this form was made from has been deleted; it cannot be read.")
        )
    if template.version != identity.template_version:
        raise FormOutdated(
            _(
                "This form was made from version {sent} of its questionnaire, which has been"
                " edited since (now version {now}); its answers no longer match the questions."
            ).format(sent=identity.template_version, now=template.version)
        )
    return template


def _raw_answer(question: q.Question, name: str, values: Mapping[str, Any]) -> str | list[str]:
    """A field's value as text: a radio's export value becomes its option, a checkbox's state
    whether its option was ticked."""
    choices = [c for c in question.choices if c.strip()]
    if question.kind == K.MULTIPLE_CHOICE:
        return [
            c
            for i, c in enumerate(choices)
            if _name(values.get(option_field(name, i))) not in ("", "Off")
        ]
    value = _name(values.get(name))
    if question.kind == K.SINGLE_CHOICE:
        by_value = {choice_value(i): c for i, c in enumerate(choices)}
        return by_value.get(value, "")
    return value


def _name(value: Any) -> str:
    if value is None:
        return ""
    text = str(value)
    return text[1:] if text.startswith("/") else text
