"""Forms sent to clients: the fillable PDF (with a random token kept in the vault), and the
answers that came back, per client and for the testimonials the client agreed to have quoted."""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from coachdesk.documents.data import ReportAnswer
from coachdesk.i18n import _
from coachdesk.model import Client, QuestionnaireAnswer, QuestionnaireForm
from coachdesk.model.enums import AnswerMapping
from coachdesk.services.paperwork import letterhead
from coachdesk.services.people.clients import get_client
from coachdesk.services.questionnaires import questions as q
from coachdesk.services.questionnaires.per_goal import GoalScale, active_goals, goal_field
from coachdesk.services.questionnaires.shipped import PREPARATION
from coachdesk.services.questionnaires.templates import get_template

if TYPE_CHECKING:
    from coachdesk.documents.questionnaire import FormQuestion


PREPARATION_DAYS = 14


@dataclass(frozen=True)
class IssuedForm:
    form_id: int
    token: str
    file_name: str
    pdf: bytes


@dataclass(frozen=True)
class AnswerRow:
    name: str
    label: str
    kind: str
    value: str
    role: str
    sponsor_shareable: bool
    in_report: bool


@dataclass(frozen=True)
class ReturnedForm:
    form_id: int
    client_id: int
    title: str
    template_key: str
    source: str
    returned_at: datetime
    answers: tuple[AnswerRow, ...]


@dataclass(frozen=True)
class Testimonial:
    client_id: int
    client_name: str
    text: str
    consent_on: date
    form_title: str


def new_token() -> str:
    return secrets.token_urlsafe(18)


def form_questions(
    questions: tuple[q.Question, ...], goals: list[GoalScale] | None = None
) -> tuple[FormQuestion, ...]:
    """The printed questions; a per-goal scale once for each of ``goals`` (once, plain, without)."""
    from coachdesk.documents.questionnaire import FormQuestion  # ReportLab: only on use

    printed = []
    for i, question in enumerate(questions):
        name = q.field_name(i, question)
        choices = tuple(c for c in question.choices if c.strip())
        per_goal = question.mapping == AnswerMapping.EACH_GOAL and goals
        for goal in goals if per_goal and goals else [None]:
            printed.append(
                FormQuestion(
                    goal_field(name, goal.goal_id) if goal else name,
                    question.kind.value,
                    _("{question} “{goal}”").format(question=question.label, goal=goal.title)
                    if goal
                    else question.label,
                    question.help,
                    choices,
                    question.required,
                )
            )
    return tuple(printed)


def issue_pdf(db: Session, template_id: int, client_id: int, today: date) -> IssuedForm:
    """Record a form sent to the client and return its fillable PDF."""
    from coachdesk.documents.questionnaire import (  # ReportLab: only on use
        FormIdentity,
        QuestionnaireData,
        render_questionnaire,
    )

    template = get_template(db, template_id)
    client = get_client(db, client_id)
    form = QuestionnaireForm(
        client_id=client.id,
        template_id=template.id,
        template_key=template.key,
        template_version=template.version,
        title=template.title,
        token=new_token(),
        source="pdf",
        issued_at=datetime.now(UTC),
    )
    db.add(form)
    db.flush()
    head = letterhead(db)
    data = QuestionnaireData(
        title=template.title,
        introduction=template.introduction,
        client_name=client.preferred_name or client.display_name,
        issued_on=today,
        questions=form_questions(q.from_json(template.questions), active_goals(db, client.id)),
        identity=FormIdentity(template.id, template.version, client.id, form.token),
        letterhead=head,
        paper_size=head.paper_size,
    )
    stem = re.sub(r"[^\w-]+", "-", f"{template.title} {client.display_name}").strip("-")
    return IssuedForm(form.id, form.token, f"{stem}.pdf", render_questionnaire(data))


def returned_forms(db: Session, client_id: int, key: str | None = None) -> list[ReturnedForm]:
    """The client's returned forms, newest first (only the ``key`` template's when given)."""
    query = select(QuestionnaireForm).where(
        QuestionnaireForm.client_id == client_id, QuestionnaireForm.returned_at.is_not(None)
    )
    if key is not None:
        query = query.where(QuestionnaireForm.template_key == key)
    forms = list(db.scalars(query.order_by(QuestionnaireForm.returned_at.desc())))
    answers: dict[int, list[AnswerRow]] = {f.id: [] for f in forms}
    if forms:
        for a in db.scalars(
            select(QuestionnaireAnswer)
            .where(QuestionnaireAnswer.form_id.in_(answers))
            .order_by(QuestionnaireAnswer.position)
        ):
            answers[a.form_id].append(
                AnswerRow(
                    a.name, a.label, a.kind, a.value, a.role, a.sponsor_shareable, a.in_report
                )
            )
    return [
        ReturnedForm(
            f.id,
            f.client_id,
            f.title,
            f.template_key,
            f.source,
            f.returned_at or f.issued_at,
            tuple(answers[f.id]),
        )
        for f in forms
    ]


def report_answers(
    db: Session, client_id: int, since: datetime, until: datetime, *, for_sponsor: bool
) -> list[ReportAnswer]:
    """Answers returned in [since, until) to questions ticked for the progress report; for a
    sponsor, only those also marked shareable with the sponsor. Empty answers are left out."""
    query = (
        select(QuestionnaireAnswer, QuestionnaireForm)
        .join(QuestionnaireForm, QuestionnaireForm.id == QuestionnaireAnswer.form_id)
        .where(
            QuestionnaireAnswer.client_id == client_id,
            QuestionnaireAnswer.in_report.is_(True),
            QuestionnaireAnswer.value != "",
            QuestionnaireForm.returned_at >= since,
            QuestionnaireForm.returned_at < until,
        )
        .order_by(QuestionnaireForm.returned_at, QuestionnaireAnswer.position)
    )
    if for_sponsor:
        query = query.where(QuestionnaireAnswer.sponsor_shareable.is_(True))
    return [
        ReportAnswer(form.title, (form.returned_at or form.issued_at).date(), a.label, a.value)
        for a, form in db.execute(query)
    ]


def preparation_for(db: Session, client_id: int, starts_at: datetime) -> ReturnedForm | None:
    """The session preparation the client returned for a session starting at ``starts_at``: the
    newest returned in the ``PREPARATION_DAYS`` before it (or on its day)."""
    forms = [
        f
        for f in returned_forms(db, client_id, PREPARATION)
        if starts_at - timedelta(days=PREPARATION_DAYS)
        <= f.returned_at
        <= starts_at + timedelta(days=1)
    ]
    return forms[0] if forms else None


def testimonials(db: Session) -> list[Testimonial]:
    """Every testimonial whose form also says yes to quoting it, newest consent first."""
    consenting = (
        select(QuestionnaireAnswer.form_id)
        .where(
            QuestionnaireAnswer.role == AnswerMapping.QUOTE_CONSENT.value,
            QuestionnaireAnswer.value == "yes",
        )
        .scalar_subquery()
    )
    rows = db.execute(
        select(QuestionnaireAnswer, QuestionnaireForm, Client)
        .join(QuestionnaireForm, QuestionnaireForm.id == QuestionnaireAnswer.form_id)
        .join(Client, Client.id == QuestionnaireAnswer.client_id)
        .where(
            QuestionnaireAnswer.role == AnswerMapping.TESTIMONIAL.value,
            QuestionnaireAnswer.value != "",
            QuestionnaireAnswer.form_id.in_(consenting),
        )
        .order_by(QuestionnaireForm.returned_at.desc())
    )
    return [
        Testimonial(
            client.id,
            client.display_name,
            answer.value,
            (form.returned_at or form.issued_at).date(),
            form.title,
        )
        for answer, form, client in rows
    ]
