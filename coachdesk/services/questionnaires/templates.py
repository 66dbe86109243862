"""Questionnaire templates: the coach's list, editing (every edit raises the version), and the
shipped ones, seeded once per vault at first use so a template the coach deletes stays deleted."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from coachdesk.errors import ValidationError
from coachdesk.i18n import _
from coachdesk.model import PracticeSetting, QuestionnaireTemplate
from coachdesk.services.questionnaires import questions as q
from coachdesk.services.questionnaires.shipped import shipped

SEEDED = "questionnaires.seeded"


@dataclass(frozen=True)
class TemplateFields:
    title: str
    introduction: str = ""
    questions: tuple[q.Question, ...] = ()


@dataclass(frozen=True)
class TemplateRow:
    id: int
    key: str
    title: str
    version: int
    questions: int


def ensure_shipped(db: Session, stamp: datetime | None = None) -> None:
    """Add the shipped templates the first time this vault asks for templates (``stamp``: when,
    for the demo's reproducible rows)."""
    if db.get(PracticeSetting, SEEDED) is not None:
        return
    when = stamp or datetime.now(UTC)
    for item in shipped():
        db.add(
            QuestionnaireTemplate(
                key=item.key,
                title=item.title,
                introduction=item.introduction,
                questions=q.to_json(item.questions),
                created_at=when,
                updated_at=when,
            )
        )
    db.add(PracticeSetting(key=SEEDED, value="1", updated_at=when))
    db.flush()


def list_templates(db: Session) -> list[TemplateRow]:
    ensure_shipped(db)
    rows = db.scalars(
        select(QuestionnaireTemplate)
        .where(QuestionnaireTemplate.archived.is_(False))
        .order_by(QuestionnaireTemplate.id)
    )
    return [
        TemplateRow(t.id, t.key, t.title, t.version, len(q.from_json(t.questions))) for t in rows
    ]


def get_template(db: Session, template_id: int) -> QuestionnaireTemplate:
    template = db.get(QuestionnaireTemplate, template_id)
    if template is None or template.archived:
        raise ValidationError({"template": _("That questionnaire does not exist.")})
    return template


def template_fields(db: Session, template_id: int) -> TemplateFields:
    t = get_template(db, template_id)
    return TemplateFields(t.title, t.introduction, q.from_json(t.questions))


def resolve_template(db: Session, ref: str) -> int:
    """A template by id, shipped key ("intake") or title, as the CLI names it."""
    ensure_shipped(db)
    wanted = ref.strip()
    for t in db.scalars(
        select(QuestionnaireTemplate).where(QuestionnaireTemplate.archived.is_(False))
    ):
        if wanted in (str(t.id), t.key) or wanted.casefold() == t.title.casefold():
            return t.id
    raise ValidationError({"template": _("No questionnaire is called {name}.").format(name=wanted)})


def create_template(db: Session, data: TemplateFields) -> int:
    q.check(data.title, data.questions)
    template = QuestionnaireTemplate(
        title=data.title.strip(),
        introduction=data.introduction.strip(),
        questions=q.to_json(data.questions),
    )
    db.add(template)
    db.flush()
    return template.id


def update_template(db: Session, template_id: int, data: TemplateFields) -> int:
    """Save an edit as the next version; forms sent from earlier versions are refused on
    return, since their fields no longer match these questions. Returns the new version."""
    template = get_template(db, template_id)
    q.check(data.title, data.questions)
    new = (data.title.strip(), data.introduction.strip(), q.to_json(data.questions))
    if new != (template.title, template.introduction, template.questions):
        template.title, template.introduction, template.questions = new
        template.version += 1
        db.flush()
    return template.version


def delete_template(db: Session, template_id: int) -> None:
    """Take a template off the list; the forms and answers made from it stay."""
    get_template(db, template_id).archived = True
    db.flush()
