"""A questionnaire's questions: what each asks, its PDF field name, where its answer may go.

A template keeps its questions as one JSON list (``QuestionnaireTemplate.questions``); these are
the rules for reading, writing and checking it, shared by the editor, the PDF and the import.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from coachdesk.errors import ValidationError
from coachdesk.i18n import _
from coachdesk.model.enums import AnswerMapping, QuestionKind

K = QuestionKind
M = AnswerMapping
SUFFIX = {
    K.SHORT_TEXT: "short",
    K.LONG_TEXT: "long",
    K.SINGLE_CHOICE: "choice",
    K.MULTIPLE_CHOICE: "multi",
    K.SCALE: "scale",
    K.DATE: "date",
    K.YES_NO: "yesno",
}
# Which kinds of question each destination can take an answer from.
MAPPING_KINDS: dict[AnswerMapping, frozenset[QuestionKind]] = {
    M.NONE: frozenset(K),
    M.PHONE: frozenset({K.SHORT_TEXT}),
    M.POSTAL_ADDRESS: frozenset({K.SHORT_TEXT, K.LONG_TEXT}),
    M.DATE_OF_BIRTH: frozenset({K.DATE}),
    M.EMERGENCY_CONTACT: frozenset({K.SHORT_TEXT, K.LONG_TEXT}),
    M.PRONOUNS: frozenset({K.SHORT_TEXT, K.SINGLE_CHOICE}),
    M.GOAL: frozenset({K.SHORT_TEXT}),
    M.GOAL_NOW: frozenset({K.SCALE}),
    M.EACH_GOAL: frozenset({K.SCALE}),
    M.TESTIMONIAL: frozenset({K.SHORT_TEXT, K.LONG_TEXT}),
    M.QUOTE_CONSENT: frozenset({K.YES_NO}),
}
CLIENT_FIELDS = frozenset(
    {M.PHONE, M.POSTAL_ADDRESS, M.DATE_OF_BIRTH, M.EMERGENCY_CONTACT, M.PRONOUNS}
)
MAX_LABEL = 500
MAX_CHOICES = 20


@dataclass(frozen=True)
class Question:
    """One question of a template; ``in_report`` puts its answer in the progress report,
    ``sponsor_shareable`` allows it in what a sponsor sees."""

    kind: QuestionKind
    label: str
    help: str = ""
    choices: tuple[str, ...] = ()
    required: bool = False
    mapping: AnswerMapping = AnswerMapping.NONE
    sponsor_shareable: bool = False
    in_report: bool = False


def field_name(position: int, question: Question) -> str:
    """The PDF field's name: ``q3_scale`` for the third question, a scale."""
    return f"q{position + 1}_{SUFFIX[question.kind]}"


def as_record(question: Question) -> dict[str, Any]:
    """The question as stored (and as the CLI's ``--json`` shows it)."""
    return {
        "kind": question.kind.value,
        "label": question.label,
        "help": question.help,
        "choices": list(question.choices),
        "required": question.required,
        "mapping": question.mapping.value,
        "sponsor_shareable": question.sponsor_shareable,
        "in_report": question.in_report,
    }


def to_json(questions: tuple[Question, ...] | list[Question]) -> str:
    return json.dumps([as_record(q) for q in questions], ensure_ascii=False)


def from_json(text: str) -> tuple[Question, ...]:
    """The stored list; an unknown kind or mapping reads as short text and nowhere else."""
    items: list[dict[str, Any]] = json.loads(text or "[]")
    questions = []
    for item in items:
        kind = item.get("kind", "")
        mapping = item.get("mapping", "")
        questions.append(
            Question(
                kind=K(kind) if kind in K._value2member_map_ else K.SHORT_TEXT,
                label=str(item.get("label", "")),
                help=str(item.get("help", "")),
                choices=tuple(str(c) for c in item.get("choices", ())),
                required=bool(item.get("required", False)),
                mapping=M(mapping) if mapping in M._value2member_map_ else M.NONE,
                sponsor_shareable=bool(item.get("sponsor_shareable", False)),
                in_report=bool(item.get("in_report", False)),
            )
        )
    return tuple(questions)


def check(title: str, questions: tuple[Question, ...]) -> None:
    """Refuse a template that cannot be printed or read back, naming each field at fault
    (``title``, ``question 3``)."""
    problems: dict[str, str] = {}
    if not title.strip():
        problems["title"] = _("Give the questionnaire a title.")
    if not questions:
        problems["questions"] = _("Add at least one question.")
    seen: set[AnswerMapping] = set()
    for i, q in enumerate(questions):
        where = f"question {i + 1}"
        number = i + 1
        if not q.label.strip():
            problems[where] = _("Question {number} has no text.").format(number=number)
        elif len(q.label) > MAX_LABEL:
            problems[where] = _("Question {number} is longer than {limit} characters.").format(
                number=number, limit=MAX_LABEL
            )
        elif q.kind in (K.SINGLE_CHOICE, K.MULTIPLE_CHOICE) and not (
            2 <= len([c for c in q.choices if c.strip()]) <= MAX_CHOICES
        ):
            problems[where] = _("Question {number} needs between 2 and {limit} choices.").format(
                number=number, limit=MAX_CHOICES
            )
        elif q.kind not in MAPPING_KINDS[q.mapping]:
            problems[where] = _(
                "Question {number} cannot fill that in: its kind of answer does not fit."
            ).format(number=number)
        elif q.mapping in CLIENT_FIELDS and q.mapping in seen:
            problems[where] = _(
                "Question {number} fills in a client field an earlier question already does."
            ).format(number=number)
        seen.add(q.mapping)
    if problems:
        raise ValidationError(problems)
