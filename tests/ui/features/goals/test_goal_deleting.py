"""On the goal page: delete an action item and undo it, edit one, link an existing one, record
a rating, and delete the goal after a confirmation; each new dialog takes part in the lock."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from coachdesk.model import ActionItem, Goal, ProgressRating
from coachdesk.services.progress import actions, goals
from coachdesk.services.progress.actions import ActionFields
from coachdesk.services.progress.goals import GoalFields
from coachdesk.ui.features.goals.goal_page import GoalPage
from coachdesk.ui.features.goals.goal_window import GoalWindow
from coachdesk.ui.kit.practice import Practice
from coachdesk.ui.shell.main_window import MainWindow
from coachdesk.vault import Vault
from tests.services.factories import client

WAIT_MS = 10_000


@pytest.fixture
def practice(open_vault: Vault) -> Iterator[Practice]:
    p = Practice(open_vault)
    p.load_zone()
    yield p
    p.finish()


@pytest.fixture
def goal(open_vault: Vault) -> int:
    """Amara's goal with one rating and one linked action item; one more item is unlinked."""
    with open_vault.session() as db, db.begin():
        amara = client(db, "Amara Okafor")
        goal = goals.create_goal(db, GoalFields(amara, "Delegate", baseline=3, target=8)).id
        goals.rate_goal(db, goal, 5)
        goals.create_goal(db, GoalFields(amara, "Sleep better"))
        actions.add_action(db, ActionFields(amara, "Write the handover note", goal_id=goal))
        actions.add_action(db, ActionFields(amara, "Book the offsite"))
    return goal


def open_page(qtbot, practice: Practice, goal_id: int) -> GoalPage:
    page = GoalPage(practice)
    qtbot.addWidget(page)
    page.resize(900, 900)
    page.show()
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        page.show_goal(goal_id)
    return page


def texts(listing) -> list[str]:
    return [listing.item(i).text() for i in range(listing.count())]


def select_first(page: GoalPage) -> None:
    page.linked.action_items.setCurrentRow(0)


def actions_in(vault: Vault) -> list[tuple[str, int | None]]:
    with vault.session() as db:
        return sorted((a.text, a.goal_id) for a in db.query(ActionItem))


def test_a_deleted_action_item_comes_back_with_undo(qtbot, practice, goal, open_vault) -> None:
    page = open_page(qtbot, practice, goal)
    linked = page.linked
    assert not linked.delete_button.isEnabled(), "nothing chosen, nothing to delete"
    select_first(page)
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        qtbot.mouseClick(linked.delete_button, Qt.MouseButton.LeftButton)
    assert linked.action_items.count() == 0
    assert linked.notice.text() == "Action item deleted."
    assert linked.undo_button.isVisibleTo(page)
    assert actions_in(open_vault) == [("Book the offsite", None)]
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        qtbot.mouseClick(linked.undo_button, Qt.MouseButton.LeftButton)
    assert texts(linked.action_items)[0].startswith("Write the handover note")
    assert not linked.undo_button.isVisibleTo(page)
    assert actions_in(open_vault) == [("Book the offsite", None), ("Write the handover note", goal)]


def test_an_action_item_is_edited_in_its_dialog(qtbot, practice, goal, open_vault) -> None:
    page = open_page(qtbot, practice, goal)
    select_first(page)
    dialog = page.linked.edit_selected()
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.text.text() == "Write the handover note", timeout=WAIT_MS)
    assert dialog.goal.currentText() == "Delegate"
    dialog.text.clear()
    qtbot.keyClicks(dialog.text, "Write the handover note and send it")
    dialog.due.set_optional_day(date(2026, 5, 4))
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT_MS):
        dialog.submit()
    with open_vault.session() as db:
        item = db.query(ActionItem).filter(ActionItem.goal_id == goal).one()
        assert (item.text, item.due_on) == ("Write the handover note and send it", date(2026, 5, 4))


def test_an_emptied_action_item_is_refused_under_its_field(qtbot, practice, goal, open_vault):
    page = open_page(qtbot, practice, goal)
    select_first(page)
    dialog = page.linked.edit_selected()
    qtbot.waitUntil(dialog.text.isEnabled, timeout=WAIT_MS)
    dialog.text.clear()
    qtbot.keyClicks(dialog.text, " ")
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.saving, timeout=WAIT_MS)
    assert dialog.error_text("text") == "This field is required."
    assert dialog.isVisible()
    assert ("Write the handover note", goal) in actions_in(open_vault)


def test_moving_an_action_item_to_no_goal_takes_it_off_the_page(qtbot, practice, goal, open_vault):
    page = open_page(qtbot, practice, goal)
    select_first(page)
    dialog = page.linked.edit_selected()
    qtbot.waitUntil(dialog.goal.isEnabled, timeout=WAIT_MS)
    dialog.goal.setCurrentIndex(dialog.goal.findData(None))
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        dialog.submit()
    assert page.linked.action_items.count() == 0
    assert actions_in(open_vault) == [("Book the offsite", None), ("Write the handover note", None)]


def test_an_existing_action_item_is_linked_to_the_goal(qtbot, practice, goal, open_vault) -> None:
    page = open_page(qtbot, practice, goal)
    linked = page.linked
    assert [linked.linkable.itemText(i) for i in range(linked.linkable.count())] == [
        "Book the offsite"
    ]
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        qtbot.mouseClick(linked.link_button, Qt.MouseButton.LeftButton)
    assert len(texts(linked.action_items)) == 2
    assert not linked.link_button.isVisibleTo(page), "nothing is left to link"
    assert ("Book the offsite", goal) in actions_in(open_vault)


def test_a_rating_recorded_on_the_page_joins_the_chart(qtbot, practice, goal, open_vault) -> None:
    page = open_page(qtbot, practice, goal)
    dialog = page.record_rating()
    assert dialog is not None
    assert not dialog.save_button.isEnabled(), "no score chosen yet"
    dialog.score.set_score(7)
    qtbot.keyClicks(dialog.note, "Handed over two reports")
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert [score for _at, score in page.chart.points] == [5, 7]
    assert page.tiles["latest"].value.text() == "7"
    with open_vault.session() as db:
        assert [r.note for r in db.query(ProgressRating).order_by(ProgressRating.id)] == [
            "",
            "Handed over two reports",
        ]


def test_deleting_a_rated_goal_asks_first_and_keeps_its_action_items(
    qtbot, practice, goal, open_vault
) -> None:
    page = open_page(qtbot, practice, goal)
    box = page.delete_goal()
    assert box is not None
    assert "Its 1 rating goes with it" in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()
    with open_vault.session() as db:
        assert db.get(Goal, goal) is not None
    box = page.delete_goal()
    assert box is not None
    (delete,) = [b for b in box.buttons() if b.text() == "Delete goal"]
    with qtbot.waitSignal(page.deleted, timeout=WAIT_MS):
        delete.click()
    assert page.title.text() == ""
    with open_vault.session() as db:
        assert db.get(Goal, goal) is None
        assert db.query(ProgressRating).count() == 0
    assert actions_in(open_vault) == [("Book the offsite", None), ("Write the handover note", None)]


def test_a_typed_rating_note_makes_the_lock_wait_and_a_lock_forgets_the_undo(
    qtbot, window: MainWindow
) -> None:
    assert window.vault is not None
    with window.vault.session() as db, db.begin():
        amara = client(db, "Amara Okafor")
        goal = goals.create_goal(db, GoalFields(amara, "Delegate")).id
        actions.add_action(db, ActionFields(amara, "Write the handover note", goal_id=goal))
    window.practice.open_goal.emit(goal)
    goal_window = window.progress_windows.open["goal"]
    assert isinstance(goal_window, GoalWindow)
    page = goal_window.page
    qtbot.waitUntil(lambda: page.detail is not None, timeout=WAIT_MS)
    select_first(page)
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        page.linked.delete_selected()
    assert page.linked.deleted is not None
    dialog = page.record_rating()
    assert dialog is not None
    qtbot.keyClicks(dialog.note, "Said it felt lighter")
    window.locking.lock()
    assert window.vault is not None, "the typed note would have been lost"
    assert "Not locked" in window.statusBar().currentMessage()
    dialog.discard()
    window.locking.lock()
    assert window.vault is None
    assert page.linked.deleted is None, "the deleted item's text is not kept past a lock"
    assert not page.linked.notice.isVisibleTo(page)


def test_a_lock_waits_for_a_changed_action_item(qtbot, window: MainWindow) -> None:
    assert window.vault is not None
    with window.vault.session() as db, db.begin():
        amara = client(db, "Amara Okafor")
        goal = goals.create_goal(db, GoalFields(amara, "Delegate")).id
        actions.add_action(db, ActionFields(amara, "Write the handover note", goal_id=goal))
    window.practice.open_goal.emit(goal)
    page = window.progress_windows.open["goal"].page
    qtbot.waitUntil(lambda: page.detail is not None, timeout=WAIT_MS)
    select_first(page)
    dialog = page.linked.edit_selected()
    qtbot.waitUntil(dialog.text.isEnabled, timeout=WAIT_MS)
    qtbot.keyClicks(dialog.text, " today")
    window.locking.lock()
    assert window.vault is not None
    assert dialog.text.text() == "Write the handover note today"
    dialog.discard()
    window.locking.lock()
    assert window.vault is None
    assert dialog.text.text() == ""
