"""A goal never rated has no score for its slider to show: the slider looks unrated (greyed)
until the coach moves it, and only a moved slider is saved as a rating."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGraphicsOpacityEffect

from coachdesk.services.progress import goals
from coachdesk.services.progress.goals import GoalFields
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
        editor.keep_as_draft()
        editor.close()
    made.finish()


def seed(opened: Vault) -> tuple[int, int, int]:
    """A session and two goals that start at baselines 3 and 5 and were never rated."""
    with opened.session() as db, db.begin():
        client = make.client(db)
        session = make.session(db, client, make.at(10))
        moved = goals.create_goal(db, GoalFields(client, "Delegate more", baseline=3)).id
        left = goals.create_goal(db, GoalFields(client, "Sleep before midnight", baseline=5)).id
    return session, moved, left


def looks_unrated(slider) -> bool:
    effect = slider.graphicsEffect()
    return (
        isinstance(effect, QGraphicsOpacityEffect) and effect.isEnabled() and effect.opacity() < 1
    )


def test_an_unrated_slider_looks_unrated_until_moved(qtbot, practice, open_vault) -> None:
    session, moved, left = seed(open_vault)
    editor = NotesEditor.open_for(practice, session)
    qtbot.waitUntil(lambda: editor.loaded is not None and editor.body.isEnabled(), timeout=WAIT_MS)
    first, second = editor.ratings.sliders()
    assert looks_unrated(first)
    assert looks_unrated(second)
    assert editor.ratings.ratings() == {}

    qtbot.keyClick(first, Qt.Key.Key_Right)
    assert not looks_unrated(first)
    assert looks_unrated(second)
    assert editor.ratings.ratings() == {moved: 4}

    with qtbot.waitSignal(editor.saved, timeout=WAIT_MS):
        editor.save()
    with open_vault.session() as db:
        assert [score for _when, score in goals.progress_series(db, moved)] == [4]
        assert goals.progress_series(db, left) == []
