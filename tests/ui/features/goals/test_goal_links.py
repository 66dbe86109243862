"""The client page's goals section leads to the goal page, the goal editor, the progress
report and the follow-up dialog (opened by the window, as the shell wires it); locking closes
them all and drops their text."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from coachdesk.services.progress import goals
from coachdesk.services.progress.goals import GoalFields
from coachdesk.ui.features.clients import ClientPage
from coachdesk.ui.features.goals import FollowUpDialog, GoalDialog, GoalWindow
from coachdesk.ui.features.reports import ProgressReportDialog
from coachdesk.ui.kit.practice import Practice
from coachdesk.ui.shell.progress_windows import ProgressWindows
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
def page(qtbot, practice: Practice, open_vault: Vault) -> ClientPage:
    with open_vault.session() as db, db.begin():
        amara = client(db, "Amara Okafor")
        goals.create_goal(db, GoalFields(amara, "Delegate", baseline=3, target=8))
    shown = ClientPage(practice)
    qtbot.addWidget(shown)
    shown.resize(900, 900)
    shown.show()
    with qtbot.waitSignal(shown.refreshed, timeout=WAIT_MS):
        shown.show_client(amara)
    return shown


@pytest.fixture
def windows(page: ClientPage, practice: Practice) -> ProgressWindows:
    """What opens the page's windows in the app, wired as the main window wires it."""
    opener = ProgressWindows(practice, page)
    page.forgotten.connect(opener.discard_all)
    return opener


def link(page: ClientPage, text: str) -> QPushButton:
    (button,) = [b for b in page.findChildren(QPushButton) if b.text() == text]
    return button


def test_open_goal_shows_it_in_full(qtbot, page: ClientPage, windows: ProgressWindows) -> None:
    qtbot.mouseClick(link(page, "Open goal…"), Qt.MouseButton.LeftButton)
    window = windows.open["goal"]
    assert isinstance(window, GoalWindow)
    qtbot.waitUntil(lambda: window.page.detail is not None, timeout=WAIT_MS)
    assert window.page.title.text() == "Delegate"
    page.clear()  # the client leaves the page, as when the app locks
    assert window.page.title.text() == ""
    assert windows.open == {}


def test_add_a_goal_then_the_page_lists_it(
    qtbot, page: ClientPage, windows: ProgressWindows
) -> None:
    qtbot.mouseClick(link(page, "Add a goal…"), Qt.MouseButton.LeftButton)
    dialog = windows.open["goal_editor"]
    assert isinstance(dialog, GoalDialog)
    qtbot.keyClicks(dialog.title, "Speak up in meetings")
    dialog.submit()
    qtbot.waitUntil(lambda: len(page.view.goals) == 2, timeout=WAIT_MS)
    assert [g.title for g in page.view.goals] == ["Delegate", "Speak up in meetings"]


def test_report_and_follow_up_open_for_this_client(
    qtbot, page: ClientPage, windows: ProgressWindows
) -> None:
    qtbot.mouseClick(link(page, "Progress report…"), Qt.MouseButton.LeftButton)
    report = windows.open["report"]
    assert isinstance(report, ProgressReportDialog)
    qtbot.waitUntil(lambda: report.form.client_name.text() == "Amara Okafor", timeout=WAIT_MS)
    assert not report.form.client.isVisible()  # this client's report: no list to choose from
    report.reject()
    qtbot.mouseClick(link(page, "Schedule a follow-up…"), Qt.MouseButton.LeftButton)
    follow_up = windows.open["follow_up"]
    assert isinstance(follow_up, FollowUpDialog)
    qtbot.waitUntil(lambda: follow_up.client.count() == 1, timeout=WAIT_MS)
    assert follow_up.client.currentData() == page.client_id
