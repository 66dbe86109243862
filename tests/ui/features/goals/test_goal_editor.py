"""The goal editor and goal page over a real vault: set a goal with milestones, tick them off,
see ratings over time, and the action items linked to the goal."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMessageBox

from coachdesk.model import GoalStatus, SessionStatus
from coachdesk.services.progress import actions, goals
from coachdesk.services.progress.actions import ActionFields
from coachdesk.services.progress.goals import GoalFields
from coachdesk.services.sessions import sessions
from coachdesk.ui.features.goals.goal_dialog import GoalDialog
from coachdesk.ui.features.goals.goal_page import GoalPage
from coachdesk.ui.kit.practice import Practice
from coachdesk.vault import Vault
from tests.services.factories import client, session

WAIT_MS = 10_000


@pytest.fixture
def practice(open_vault: Vault) -> Iterator[Practice]:
    p = Practice(open_vault)
    p.load_zone()
    yield p
    p.finish()


@pytest.fixture
def amara(open_vault: Vault) -> int:
    with open_vault.session() as db, db.begin():
        return client(db, "Amara Okafor")


def saved_goal(open_vault: Vault, client_id: int) -> tuple[GoalFields, list]:
    with open_vault.session() as db:
        (row,) = goals.list_goals(db, client_id)
        return goals.goal_fields(db, row.id), goals.list_milestones(db, row.id)


def stored(vault: Vault, query, *args):
    """A fresh read each time: a long-lived session would keep seeing its first snapshot."""
    with vault.session() as db:
        return query(db, *args)


def open_page(qtbot, practice: Practice, goal_id: int) -> GoalPage:
    page = GoalPage(practice)
    qtbot.addWidget(page)
    page.resize(900, 900)
    page.show()
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        page.show_goal(goal_id)
    return page


def test_create_a_goal_with_a_milestone_through_the_editor(
    qtbot, practice: Practice, open_vault: Vault, amara: int
) -> None:
    dialog = GoalDialog(practice, amara)
    qtbot.addWidget(dialog)
    dialog.open()
    assert not dialog.save_button.isEnabled()  # no title yet
    qtbot.keyClicks(dialog.title, "Delegate the weekly report")
    assert dialog.save_button.isEnabled()
    dialog.why.setPlainText("Frees two hours a week for strategy.")
    dialog.baseline.set_score(3)
    dialog.target.set_score(8)
    row = dialog.milestones.add_row()
    qtbot.keyClicks(row.title, "Hand over one report")
    row.due.setDate(QDate(2026, 5, 1))
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    data, milestones = saved_goal(open_vault, amara)
    assert (data.title, data.why, data.baseline, data.target) == (
        "Delegate the weekly report",
        "Frees two hours a week for strategy.",
        3,
        8,
    )
    assert [(m.title, m.due_on, m.done_on) for m in milestones] == [
        ("Hand over one report", date(2026, 5, 1), None)
    ]


def test_bad_milestone_is_named_and_nothing_is_lost(
    qtbot, practice: Practice, open_vault: Vault, amara: int
) -> None:
    dialog = GoalDialog(practice, amara)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.keyClicks(dialog.title, "Speak up in meetings")
    dialog.milestones.add_row()  # left without a title
    dialog.target.set_score(7)
    dialog.submit()
    qtbot.waitUntil(lambda: bool(dialog.errors["milestones"].text()), timeout=WAIT_MS)
    assert "Milestone 1" in dialog.errors["milestones"].text()
    assert dialog.isVisible()
    assert dialog.title.text() == "Speak up in meetings"
    with open_vault.session() as db:
        assert goals.list_goals(db, amara) == []  # the goal was not half-saved


def test_edit_ticks_untick_and_remove_milestones(
    qtbot, practice: Practice, open_vault: Vault, amara: int
) -> None:
    with open_vault.session() as db, db.begin():
        g = goals.create_goal(db, GoalFields(amara, "Delegate", baseline=2, target=8)).id
        first = goals.add_milestone(db, g, "List tasks").id
        goals.add_milestone(db, g, "Hand over one")
    dialog = GoalDialog(practice, amara, goal_id=g)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitUntil(lambda: len(dialog.milestones.rows) == 2, timeout=WAIT_MS)
    assert dialog.title.text() == "Delegate"
    assert [dialog.status.itemData(i) for i in range(dialog.status.count())] == [
        "active",
        "achieved",
        "dropped",
    ]
    dialog.milestones.rows[0].done.setChecked(True)
    dialog.milestones.rows[1].remove.click()
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        dialog.submit()
    _data, milestones = saved_goal(open_vault, amara)
    assert [(m.id, m.title) for m in milestones] == [(first, "List tasks")]
    assert milestones[0].done_on is not None


def test_cancel_with_typed_text_asks_first(
    qtbot, practice: Practice, amara: int, monkeypatch
) -> None:
    dialog = GoalDialog(practice, amara)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.keyClicks(dialog.title, "Sleep better")
    dialog.reject()
    assert dialog.isVisible()  # a question is open, the text is still there
    boxes = [w for w in dialog.findChildren(QMessageBox) if w.isVisible()]
    assert len(boxes) == 1
    boxes[0].done(QMessageBox.StandardButton.Cancel.value)
    assert dialog.title.text() == "Sleep better"


def test_goal_page_shows_chart_milestones_and_linked_actions(
    qtbot, practice: Practice, open_vault: Vault, amara: int
) -> None:
    now = datetime.now(UTC).replace(microsecond=0)
    with open_vault.session() as db, db.begin():
        g = goals.create_goal(
            db, GoalFields(amara, "Delegate", why="More time for strategy", baseline=3, target=8)
        ).id
        goals.add_milestone(db, g, "Hand over one report", date.today() + timedelta(7))
        for weeks, score in ((6, 4), (4, 5), (2, 7)):
            s = session(db, amara, now - timedelta(weeks=weeks))
            sessions.set_status(db, s, SessionStatus.COMPLETED)
            goals.rate_goal(db, g, score, session_id=s)
        linked = actions.add_action(db, ActionFields(amara, "Write the handover note", goal_id=g))
        actions.add_action(db, ActionFields(amara, "Unrelated errand"))
    page = open_page(qtbot, practice, g)
    assert page.title.text() == "Delegate"
    assert [score for _at, score in page.chart.points] == [4, 5, 7]
    assert (page.chart.baseline, page.chart.target) == (3, 8)
    assert page.chart.width() > 400  # the large chart, not the compact one
    assert [page.tiles[k].value.text() for k in ("baseline", "latest", "target")] == [
        "3",
        "7",
        "8",
    ]
    assert page.linked.action_items.count() == 1
    assert page.linked.action_items.item(0).text().startswith("Write the handover note")
    assert page.milestones.count() == 1
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):  # the page reloads after the write
        page.milestones.item(0).setCheckState(Qt.CheckState.Checked)  # tick the milestone
    assert stored(open_vault, goals.list_milestones, g)[0].done_on
    assert "reached" in page.milestones.item(0).text()
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        page.milestones.item(0).setCheckState(Qt.CheckState.Unchecked)  # and untick it
    assert "reached" not in page.milestones.item(0).text()
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        page.linked.action_items.item(0).setCheckState(Qt.CheckState.Checked)
    done = {a.id: a.done_on for a in stored(open_vault, actions.list_actions, amara)}
    assert done[linked.id] is not None


def test_goal_page_clear_drops_every_text(
    qtbot, practice: Practice, open_vault: Vault, amara: int
) -> None:
    with open_vault.session() as db, db.begin():
        g = goals.create_goal(db, GoalFields(amara, "Delegate", status=GoalStatus.ACTIVE)).id
        goals.add_milestone(db, g, "Hand over one report")
    page = open_page(qtbot, practice, g)
    page.clear()
    assert page.title.text() == ""
    assert page.milestones.count() == 0
    assert page.chart.points == []


def test_add_an_action_item_linked_to_the_goal(
    qtbot, practice: Practice, open_vault: Vault, amara: int
) -> None:
    with open_vault.session() as db, db.begin():
        g = goals.create_goal(db, GoalFields(amara, "Delegate")).id
    page = open_page(qtbot, practice, g)
    assert page.linked.no_actions.isVisibleTo(page)
    qtbot.keyClicks(page.linked.new_action.text, "Draft the handover checklist")
    page.linked.new_action.due.setDate(QDate(2026, 5, 4))
    qtbot.keyClick(page.linked.new_action.text, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.linked.action_items.count() == 1, timeout=WAIT_MS)
    assert page.linked.new_action.text.text() == ""  # ready for the next one
    (row,) = stored(open_vault, actions.list_actions, amara)
    assert (row.text, row.due_on, row.goal_id) == (
        "Draft the handover checklist",
        date(2026, 5, 4),
        g,
    )
