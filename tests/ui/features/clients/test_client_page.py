"""The client page over a real vault: what it shows, and what the coach can do from it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from coachdesk.model import ClientStatus, SessionStatus
from coachdesk.services.people import clients
from coachdesk.services.progress import actions, goals
from coachdesk.services.progress.actions import ActionFields
from coachdesk.services.progress.goals import GoalFields
from coachdesk.services.sessions import sessions
from coachdesk.ui.features.clients import ClientPage, ClientsPage
from coachdesk.ui.features.clients.table_model import ACTIONS
from coachdesk.ui.kit.practice import Practice
from coachdesk.ui.kit.progress_chart import ProgressChart
from coachdesk.vault import Vault
from tests.services.factories import client, engagement, session

WAIT_MS = 10_000


@dataclass
class Amara:
    id: int
    goal: int
    held: int
    actions: list[int]


@pytest.fixture
def practice(open_vault: Vault) -> Iterator[Practice]:
    p = Practice(open_vault)
    p.load_zone()
    yield p
    p.finish()


@pytest.fixture
def amara(open_vault: Vault) -> Amara:
    """An active client two sessions into an 8-session programme, with a rated goal."""
    now = datetime.now(UTC).replace(microsecond=0)
    with open_vault.session() as db, db.begin():
        amara = client(
            db,
            "Amara Okafor",
            email="amara@example.org",
            preferred_name="Ama",
            pronouns="she/her",
            organisation="Northwind",
            status=ClientStatus.ACTIVE,
            consultation_notes="Wants to delegate more.",
        )
        e = engagement(
            db,
            amara,
            title="Leadership programme",
            start_date=(now - timedelta(days=60)).date(),
            end_date=(now + timedelta(days=60)).date(),
        )
        held = []
        for weeks in (6, 4):
            s = session(db, amara, now - timedelta(weeks=weeks), engagement_id=e)
            sessions.set_status(db, s, SessionStatus.COMPLETED)
            held.append(s)
        session(db, amara, now + timedelta(days=3), engagement_id=e)
        goal = goals.create_goal(db, GoalFields(amara, "Delegate", baseline=3, target=8)).id
        goals.rate_goal(db, goal, 4, session_id=held[0])
        goals.rate_goal(db, goal, 6, session_id=held[1])
        todo = [
            actions.add_action(db, ActionFields(amara, text, due_on=date.today())).id
            for text in ("Write the team charter", "List three tasks to hand over")
        ]
        actions.add_follow_up(db, amara, date.today() + timedelta(days=90), "Check-in")
    return Amara(amara, goal, held[1], todo)


def open_client(qtbot, practice: Practice, client_id: int) -> ClientPage:
    page = ClientPage(practice)
    qtbot.addWidget(page)
    page.resize(900, 900)
    page.show()
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        page.show_client(client_id)
    return page


def texts(page: ClientPage) -> list[str]:
    return [label.text() for label in page.findChildren(QLabel)]


def test_shows_the_client_at_a_glance(qtbot, practice: Practice, amara: Amara) -> None:
    page = open_client(qtbot, practice, amara.id)
    d = page.details
    assert d.name.text() == "Amara Okafor"
    assert d.subtitle.text() == "prefers “Ama” · she/her"
    email = d.contact_values["email"]
    assert email.text() == '<a href="mailto:amara@example.org">amara@example.org</a>'
    assert email.openExternalLinks()  # a click opens the coach's mail program
    assert not d.contact.isRowVisible(d.contact_values["sponsor"])  # no sponsor: no row
    shown = texts(page)
    assert "Leadership programme" in shown
    assert any("next: session 3 of 8, 1 booked" in t for t in shown)
    assert d.next_session.text().startswith("Next session: ")
    assert d.sessions.count() == 2
    assert "session 2 of 8" in d.sessions.item(0).text()  # newest first
    assert d.notes.text() == "Wants to delegate more."
    assert [d.follow_ups.item(i).text().endswith("Check-in") for i in range(1)] == [True]


def test_goals_have_a_progress_chart(qtbot, practice: Practice, amara: Amara) -> None:
    page = open_client(qtbot, practice, amara.id)
    charts = page.findChildren(ProgressChart)
    assert len(charts) == 1
    chart = charts[0]
    assert [score for _at, score in chart.points] == [4, 6]
    assert (chart.baseline, chart.target) == (3, 8)
    assert chart.width() <= 240
    assert chart.height() <= 80
    assert "latest 6 of 10" in chart.toolTip()
    assert any("baseline 3 → now 6 → target 8" in t for t in texts(page))
    chart.grab()  # paints without error


def test_status_menu_offers_only_allowed_transitions(
    qtbot, practice: Practice, amara: Amara
) -> None:
    page = open_client(qtbot, practice, amara.id)
    menu = page.details.status_menu
    assert page.details.status_button.text() == "Status: Active"
    assert [a.data() for a in menu.actions()] == ["paused", "completed"]
    assert [a.text() for a in menu.actions()] == ["Change to Paused", "Change to Completed"]

    menu.actions()[0].trigger()
    qtbot.waitUntil(lambda: page.details.status_button.text() == "Status: Paused", timeout=WAIT_MS)
    expected = clients.allowed_transitions(ClientStatus.PAUSED)
    assert {a.data() for a in menu.actions()} == {s.value for s in expected}


def test_marking_an_action_done_updates_the_counts(qtbot, practice: Practice, amara: Amara) -> None:
    page = open_client(qtbot, practice, amara.id)
    listing = ClientsPage(practice)
    qtbot.addWidget(listing)
    with qtbot.waitSignal(listing.refreshed, timeout=WAIT_MS):
        listing.show()
    assert listing.model.index(0, ACTIONS).data() == "2"
    assert page.details.headings["actions"].text() == "Open action items (2)"

    actions_list = page.details.action_items
    actions_list.setCurrentRow(0)
    qtbot.keyClick(actions_list, Qt.Key.Key_Space)  # ticks the box

    qtbot.waitUntil(
        lambda: page.details.headings["actions"].text() == "Open action items (1)", timeout=WAIT_MS
    )
    assert actions_list.count() == 1
    qtbot.waitUntil(lambda: listing.model.index(0, ACTIONS).data() == "1", timeout=WAIT_MS)


def test_navigation_goes_out_through_the_practice(qtbot, practice: Practice, amara: Amara) -> None:
    page = open_client(qtbot, practice, amara.id)
    page.details.sessions.setCurrentRow(0)
    with qtbot.waitSignal(practice.open_session_notes) as opened:
        qtbot.keyClick(page.details.sessions, Qt.Key.Key_Return)
    assert opened.args == [amara.held]
    with qtbot.waitSignal(practice.new_session_for) as asked:
        qtbot.mouseClick(page.session_button, Qt.MouseButton.LeftButton)
    assert asked.args == [amara.id]
    with qtbot.waitSignal(page.back_requested):
        qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)


def test_edit_dialog_offers_current_and_allowed_statuses(
    qtbot, practice: Practice, amara: Amara
) -> None:
    page = open_client(qtbot, practice, amara.id)
    dialog = page.edit_client()
    assert dialog is not None
    qtbot.waitUntil(dialog.ok_button.isEnabled, timeout=WAIT_MS)
    form = dialog.form
    assert form.inputs["display_name"].text() == "Amara Okafor"
    statuses = [form.status.itemData(i) for i in range(form.status.count())]
    assert statuses == ["active", "paused", "completed"]
    form.inputs["display_name"].selectAll()
    qtbot.keyClicks(form.inputs["display_name"], "Amara O. Okafor")
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.details.name.text() == "Amara O. Okafor", timeout=WAIT_MS)
    assert "mailto:amara@example.org" in page.details.contact_values["email"].text()  # kept


def test_clear_leaves_no_client_text(qtbot, practice: Practice, amara: Amara) -> None:
    page = open_client(qtbot, practice, amara.id)
    page.clear()
    for text in texts(page):
        assert "Amara" not in text
        assert "Delegate" not in text
        assert "Leadership" not in text
    d = page.details
    assert (d.sessions.count(), d.action_items.count(), d.follow_ups.count()) == (0, 0, 0)
    assert d.charts == []
    assert d.status_menu.actions() == []
    assert page.view is None
    assert not page.edit_button.isEnabled()
    # a result arriving after clear() is dropped
    page.show_client(amara.id)
    page.clear()
    qtbot.waitUntil(lambda: not practice.tasks.busy, timeout=WAIT_MS)  # the answer came back
    assert page.view is None
    assert d.name.text() == ""


def test_client_text_on_the_page_is_never_read_as_markup(
    qtbot, practice: Practice, open_vault: Vault
) -> None:
    with open_vault.session() as db, db.begin():
        odd = client(db, "Bo Lind", email="o'neil&co@example.org", organisation="<i>Acme</i>")
    page = open_client(qtbot, practice, odd)
    d = page.details
    assert "o&#x27;neil&amp;co@example.org</a>" in d.contact_values["email"].text()
    organisation = d.contact_values["organisation"]
    assert organisation.textFormat() == Qt.TextFormat.PlainText
    assert organisation.text() == "<i>Acme</i>"
