"""The client's session preparation beside the notes: shown for the session it prepared, not
for one a month later."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest

from coachdesk.services.questionnaires import answers, returns, templates
from coachdesk.services.questionnaires.shipped import PREPARATION
from coachdesk.ui.features.notes import NotesEditor
from coachdesk.ui.kit.practice import Practice
from coachdesk.vault import Vault
from tests.services import factories as make

WAIT_MS = 10_000


@pytest.fixture
def practice(open_vault: Vault) -> Iterator[Practice]:
    made = Practice(open_vault)
    made.load_zone()
    yield made
    for editor in NotesEditor.all_open():
        editor.close()
    made.finish()


def open_editor(qtbot, practice: Practice, session_id: int) -> NotesEditor:
    editor = NotesEditor.open_for(practice, session_id)
    qtbot.waitUntil(lambda: editor.loaded is not None and editor.body.isEnabled(), timeout=WAIT_MS)
    return editor


def test_the_preparation_sits_beside_its_sessions_notes(
    qtbot, practice: Practice, open_vault: Vault
) -> None:
    with open_vault.session() as db, db.begin():
        who = make.client(db)
        prepared = make.session(db, who, make.at(10))
        later = make.session(db, who, make.at(10, month=5))
        review = returns.read_typed(
            db,
            templates.resolve_template(db, PREPARATION),
            who,
            {"q1_long": "Rehearse the talk with my director."},
        )
        answers.store(db, review, now=make.at(10) - timedelta(days=2))
    editor = open_editor(qtbot, practice, prepared)
    assert editor.body.prep.isVisibleTo(editor)
    assert "Rehearse the talk with my director." in editor.body.prep.text.text()
    editor.close()
    other = open_editor(qtbot, practice, later)
    assert not other.body.prep.isVisibleTo(other)
