"""The client page lists the questionnaires the client returned, with the answers given."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from coachdesk.services.questionnaires import answers, returns, templates
from coachdesk.services.questionnaires.shipped import PREPARATION
from coachdesk.ui.features.clients.client_page import ClientPage
from coachdesk.ui.kit.practice import Practice
from coachdesk.vault import Vault
from tests.services import factories as make

WAIT_MS = 10_000


@pytest.fixture
def practice(open_vault: Vault) -> Iterator[Practice]:
    made = Practice(open_vault)
    made.load_zone()
    yield made
    made.finish()


def test_returned_answers_show_and_leave_with_the_lock(
    qtbot, practice: Practice, open_vault: Vault
) -> None:
    with open_vault.session() as db, db.begin():
        who = make.client(db)
        prep = templates.resolve_template(db, PREPARATION)
        typed = {"q1_long": "Plan the team offsite."}
        answers.store(db, returns.read_typed(db, prep, who, typed))
    page = ClientPage(practice)
    qtbot.addWidget(page)
    page.show()
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        page.show_client(who)
    shown = page.details.answers.texts()
    assert shown[0].startswith("Preparing for our next session, returned on")
    assert shown[1] == "What do you want to get from our next session?\nPlan the team offsite."
    assert len(shown) == 2  # the unanswered questions are left out
    page.wipe_for_lock()
    assert page.details.answers.texts() == []
