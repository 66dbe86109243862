"""The evaluation's progress scale is asked once per active goal, and each answer can become
a new rating of its goal, ticked one by one."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from coachdesk.services.progress import goals
from coachdesk.services.progress.goals import GoalFields
from coachdesk.services.questionnaires import answers, forms, returns, templates
from coachdesk.services.questionnaires.shipped import EVALUATION
from tests.documents.pdfcheck import reader
from tests.services.factories import client
from tests.services.questionnaires.filling import fill_with_pypdf


def test_one_scale_per_goal_and_each_rating_on_its_goal(db: Session) -> None:
    zoe, other = client(db, "Zoë Łukasz"), client(db, "Other Person")
    lead = goals.create_goal(db, GoalFields(zoe, "Lead the team", baseline=3)).id
    rest = goals.create_goal(db, GoalFields(zoe, "Rest on Sundays", baseline=2)).id
    theirs = goals.create_goal(db, GoalFields(other, "Not Zoë's")).id
    goals.rate_goal(db, lead, 5)
    issued = forms.issue_pdf(db, templates.resolve_template(db, EVALUATION), zoe, date(2026, 12, 4))
    fields = set(reader(issued.pdf).get_fields() or {})
    assert {f"q1_scale_g{lead}", f"q1_scale_g{rest}"} <= fields
    assert "q1_scale" not in fields
    filled = fill_with_pypdf(
        issued.pdf,
        {f"q1_scale_g{lead}": "/8", f"q1_scale_g{rest}": "/6", f"q1_scale_g{theirs}": "/1"},
    )
    review = returns.read_pdf(db, filled, zoe)
    by_key = {c.key: c for c in review.changes}
    assert set(by_key) == {f"rating:{lead}", f"rating:{rest}"}  # another client's goal: ignored
    assert (by_key[f"rating:{lead}"].old, by_key[f"rating:{lead}"].score) == ("5", 8)
    labels = [a.label for a in review.answers if a.name.startswith("q1_")]
    assert labels == [
        "How much progress have you made on this goal, from 0 to 10? “Lead the team”",
        "How much progress have you made on this goal, from 0 to 10? “Rest on Sundays”",
    ]
    answers.store(db, review, accepted=[f"rating:{lead}"])
    assert [g.latest_score for g in goals.list_goals(db, zoe) if g.id in (lead, rest)] == [8, None]
