"""From a form's raw values to stored answers: the review the coach sees before anything is
stored (answers, required questions left empty, proposed client changes), and storing it."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from coachdesk import words
from coachdesk.errors import FormAlreadyReturned, ValidationError
from coachdesk.i18n import _
from coachdesk.model import Client, QuestionnaireAnswer, QuestionnaireForm, QuestionnaireTemplate
from coachdesk.model.enums import AnswerMapping, QuestionKind
from coachdesk.services.progress.goals import GoalFields, create_goal, rate_goal
from coachdesk.services.questionnaires import per_goal
from coachdesk.services.questionnaires import questions as q
from coachdesk.services.questionnaires.forms import AnswerRow, new_token

K = QuestionKind
M = AnswerMapping
CLIENT_LIMITS = {M.PHONE: 50, M.PRONOUNS: 40}
_DAY_FIRST = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$")


@dataclass(frozen=True)
class ProposedChange:
    """A change to the client the answers suggest; made only when the coach ticks it.
    ``key`` is the client field's name, or ``goal:<field>`` for a new goal."""

    key: str
    what: str
    old: str
    new: str
    score: int | None = None  # a new goal's first rating


@dataclass(frozen=True)
class Review:
    client_id: int
    client_name: str
    template_id: int
    template_version: int
    template_key: str
    title: str
    token: str | None  # None: typed in the app, a new form
    answers: tuple[AnswerRow, ...]
    changes: tuple[ProposedChange, ...]
    missing: tuple[str, ...]  # required questions without an answer


def parse_date(text: str) -> date | None:
    """ISO (2026-12-04) or day first (4.12.2026, 4/12/2026); None for anything else."""
    text = text.strip()
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    m = _DAY_FIRST.match(text)
    if m:
        try:
            return date(int(m[3]), int(m[2]), int(m[1]))
        except ValueError:
            return None
    return None


def canonical(question: q.Question, raw: str | Iterable[str]) -> str:
    """An answer as stored: text trimmed, choices by their words (one a line), a scale's
    number, "yes"/"no", a date ISO when it reads as one (else as written)."""
    if isinstance(raw, str) and question.kind == K.MULTIPLE_CHOICE:
        raw = [line.strip() for line in raw.splitlines()]
    if isinstance(raw, str):
        raw = raw.strip()
        if question.kind == K.DATE:
            day = parse_date(raw)
            return day.isoformat() if day else raw
        if question.kind == K.SCALE:
            return raw if raw.isdigit() and 0 <= int(raw) <= 10 else ""
        if question.kind == K.YES_NO:
            return raw if raw in ("yes", "no") else ""
        if question.kind == K.SINGLE_CHOICE:
            return raw if raw in question.choices else ""
        return raw
    return "\n".join(c for c in question.choices if c in set(raw))


def build_review(
    db: Session,
    template: QuestionnaireTemplate,
    client: Client,
    values: Mapping[str, str],
    token: str | None,
) -> Review:
    """The review of ``values`` (field name → canonical answer) against the template's questions."""
    questions = q.from_json(template.questions)
    answers, changes, missing = [], [], []
    goal: tuple[int, ProposedChange] | None = None
    for i, question in enumerate(questions):
        name = q.field_name(i, question)
        value = values.get(name, "")
        if question.mapping == M.EACH_GOAL:
            scales = per_goal.scales_in(db, client.id, name, values)
            if scales:
                rows, rated = _per_goal(db, question, scales, values)
                answers += rows
                changes += rated
                if question.required and not any(r.value for r in rows):
                    missing.append(question.label)
                continue
        if question.required and not value:
            missing.append(question.label)
        answers.append(
            AnswerRow(
                name,
                question.label,
                question.kind.value,
                value,
                question.mapping.value,
                question.sponsor_shareable,
                question.in_report,
            )
        )
        if not value:
            continue
        if question.mapping in q.CLIENT_FIELDS:
            old = getattr(client, question.mapping.value)
            old_text = old.isoformat() if isinstance(old, date) else (old or "")
            if value != old_text and (question.mapping != M.DATE_OF_BIRTH or parse_date(value)):
                changes.append(
                    ProposedChange(
                        question.mapping.value, words.label(question.mapping), old_text, value
                    )
                )
        elif question.mapping == M.GOAL:
            goal = (len(changes), ProposedChange(f"goal:{name}", words.label(M.GOAL), "", value))
            changes.append(goal[1])
        elif question.mapping == M.GOAL_NOW and goal is not None:
            at, change = goal
            changes[at] = ProposedChange(change.key, change.what, "", change.new, int(value))
    return Review(
        client.id,
        client.display_name,
        template.id,
        template.version,
        template.key,
        template.title,
        token,
        tuple(answers),
        tuple(changes),
        tuple(missing),
    )


def _per_goal(
    db: Session,
    question: q.Question,
    scales: list[per_goal.GoalScale],
    values: Mapping[str, str],
) -> tuple[list[AnswerRow], list[ProposedChange]]:
    """One answer per goal, each a proposed new rating of its goal (key ``rating:<goal id>``)."""
    rows, changes = [], []
    for scale in scales:
        value = values.get(scale.field, "")
        label = _("{question} “{goal}”").format(question=question.label, goal=scale.title)
        rows.append(
            AnswerRow(
                scale.field,
                label,
                question.kind.value,
                value,
                question.mapping.value,
                question.sponsor_shareable,
                question.in_report,
            )
        )
        if value:
            old = per_goal.latest_score(db, scale.goal_id)
            what = _("A rating of {goal}").format(goal=scale.title)
            key = f"rating:{scale.goal_id}"
            changes.append(
                ProposedChange(key, what, "" if old is None else str(old), value, int(value))
            )
    return rows, changes


def store(
    db: Session,
    review: Review,
    accepted: Iterable[str] = (),
    *,
    now: datetime | None = None,
    token: str | None = None,
) -> int:
    """Store the answers with the client and make the ticked changes; returns the form's id.
    ``now`` and ``token`` (of a form typed in the app) are the demo's, for reproducible rows."""
    now = now or datetime.now(UTC)
    if review.token is None:
        form = QuestionnaireForm(
            client_id=review.client_id,
            template_id=review.template_id,
            template_key=review.template_key,
            template_version=review.template_version,
            title=review.title,
            token=token or new_token(),
            source="app",
            issued_at=now,
            created_at=now,
            updated_at=now,
        )
        db.add(form)
    else:
        found = db.scalar(select(QuestionnaireForm).where(QuestionnaireForm.token == review.token))
        if found is None or found.returned_at is not None:
            raise FormAlreadyReturned(_("This questionnaire's answers are already stored."))
        form = found
        form.updated_at = now
    form.returned_at = now
    db.flush()
    for position, a in enumerate(review.answers):
        db.add(
            QuestionnaireAnswer(
                form_id=form.id,
                client_id=review.client_id,
                position=position,
                name=a.name,
                label=a.label,
                kind=a.kind,
                value=a.value,
                role=a.role,
                sponsor_shareable=a.sponsor_shareable,
                in_report=a.in_report,
            )
        )
    _apply(db, review, set(accepted))
    db.flush()
    return form.id


def _apply(db: Session, review: Review, accepted: set[str]) -> None:
    client = db.get(Client, review.client_id)
    assert client is not None
    for change in review.changes:
        if change.key not in accepted:
            continue
        if change.key.startswith("rating:") and change.score is not None:
            rate_goal(db, int(change.key.split(":", 1)[1]), change.score)
            continue
        if change.key.startswith("goal:"):
            saved = create_goal(
                db, GoalFields(review.client_id, title=change.new[:300], baseline=change.score)
            )
            if change.score is not None:
                rate_goal(db, saved.id, change.score)
            continue
        mapping = M(change.key)
        limit = CLIENT_LIMITS.get(mapping)
        if limit is not None and len(change.new) > limit:
            raise ValidationError(
                {
                    change.key: _("{what} is longer than {limit} characters.").format(
                        what=change.what, limit=limit
                    )
                }
            )
        value: object = parse_date(change.new) if mapping == M.DATE_OF_BIRTH else change.new
        setattr(client, change.key, value)
