"""Templates the coach edits, answers typed in the app, testimonials with consent, and search."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from coachdesk.errors import ValidationError
from coachdesk.model.enums import AnswerMapping, QuestionKind
from coachdesk.services.overviews import search
from coachdesk.services.questionnaires import answers, forms, returns, templates
from coachdesk.services.questionnaires.questions import Question
from coachdesk.services.questionnaires.shipped import EVALUATION, INTAKE, MIDPOINT, PREPARATION
from coachdesk.services.questionnaires.templates import TemplateFields
from tests.services.factories import client

K = QuestionKind


def test_the_shipped_templates_are_seeded_once(db: Session) -> None:
    keys = [t.key for t in templates.list_templates(db)]
    assert keys == [INTAKE, PREPARATION, MIDPOINT, EVALUATION]
    templates.delete_template(db, templates.resolve_template(db, MIDPOINT))
    assert [t.key for t in templates.list_templates(db)] == [INTAKE, PREPARATION, EVALUATION]


def test_template_rules_name_each_field(db: Session) -> None:
    bad = TemplateFields(
        " ",
        questions=(
            Question(K.SHORT_TEXT, ""),
            Question(K.SINGLE_CHOICE, "Pick", choices=("only one",)),
            Question(K.LONG_TEXT, "Born?", mapping=AnswerMapping.DATE_OF_BIRTH),
        ),
    )
    with pytest.raises(ValidationError) as info:
        templates.create_template(db, bad)
    assert set(info.value.fields) == {"title", "question 1", "question 2", "question 3"}


def test_every_edit_is_a_new_version_and_reorders_fields(db: Session) -> None:
    first = (Question(K.SHORT_TEXT, "Name a value"), Question(K.SCALE, "How true?"))
    tid = templates.create_template(db, TemplateFields("Values", "Short.", first))
    assert templates.update_template(db, tid, TemplateFields("Values", "Short.", first)) == 1
    swapped = (first[1], first[0])
    assert templates.update_template(db, tid, TemplateFields("Values", "Short.", swapped)) == 2
    assert templates.template_fields(db, tid).questions == swapped
    assert templates.resolve_template(db, "values") == tid


def test_a_form_typed_in_the_app_needs_its_required_answers(db: Session) -> None:
    zoe = client(db, "Zoë Łukasz")
    prep = templates.resolve_template(db, PREPARATION)
    with pytest.raises(ValidationError) as info:
        returns.read_typed(db, prep, zoe, {"q2_long": "A lot."})
    assert set(info.value.fields) == {"q1_long"}
    review = returns.read_typed(db, prep, zoe, {"q1_long": "Prepare the quarterly review."})
    form_id = answers.store(db, review)
    [returned] = forms.returned_forms(db, zoe, PREPARATION)
    assert returned.form_id == form_id
    assert returned.source == "app"
    hits = search.search(db, "quarterly")
    assert [(h.kind, h.client_id) for h in hits] == [("answer", zoe)]


def test_testimonials_are_listed_only_with_consent(db: Session) -> None:
    evaluation = templates.resolve_template(db, EVALUATION)
    yes, no = client(db, "Agreed Client"), client(db, "Declined Client")
    for who, consent in ((yes, "yes"), (no, "no")):
        typed = {"q5_long": "Working with her changed how I lead.", "q6_yesno": consent}
        answers.store(db, returns.read_typed(db, evaluation, who, typed))
    [quote] = forms.testimonials(db)
    assert (quote.client_id, quote.text) == (yes, "Working with her changed how I lead.")
