"""Erasing a client takes their questionnaires, answers and the answers' search entries."""

from __future__ import annotations

from sqlalchemy import func, select

from coachdesk.model import QuestionnaireAnswer, QuestionnaireForm
from coachdesk.services.overviews import search
from coachdesk.services.people.erasure import erase_client
from coachdesk.services.questionnaires import answers, returns, templates
from coachdesk.services.questionnaires.shipped import PREPARATION
from coachdesk.vault import Vault
from tests.services.factories import client


def test_erasing_a_client_leaves_no_answer_behind(open_vault: Vault) -> None:
    with open_vault.session() as db, db.begin():
        who = client(db, "Zoë Łukasz")
        prep = templates.resolve_template(db, PREPARATION)
        typed = {"q1_long": "Talk about the zebracorn project."}
        answers.store(db, returns.read_typed(db, prep, who, typed))
    erase_client(open_vault.engine, who)
    with open_vault.session() as db:
        assert db.scalar(select(func.count()).select_from(QuestionnaireForm)) == 0
        assert db.scalar(select(func.count()).select_from(QuestionnaireAnswer)) == 0
        assert search.search(db, "zebracorn") == []
