"""The Search page on a real vault: typing finds notes, hits grouped by kind with marked
snippets, keyboard from the box into the hits, Enter opens, late answers dropped, clear()."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtTest import QTest

from coachdesk.services.billing import invoices
from coachdesk.services.billing.invoices import InvoiceFields, LineFields
from coachdesk.services.overviews.search import MATCH_START
from coachdesk.services.people import profile
from coachdesk.services.progress import actions, goals
from coachdesk.services.progress.actions import ActionFields
from coachdesk.services.progress.goals import GoalFields
from coachdesk.ui.features.search.hit_painting import hit_html
from coachdesk.ui.features.search.search_page import SearchPage, first_hit
from coachdesk.ui.kit.practice import Practice
from coachdesk.vault import Vault
from tests.services import factories

WAIT_MS = 10_000


@pytest.fixture
def practice(open_vault: Vault) -> Iterator[Practice]:
    p = Practice(open_vault)
    p.load_zone()
    yield p
    p.finish()


@pytest.fixture
def ids(open_vault: Vault) -> dict[str, int]:
    """Ines Harbour (a client), Amara whose session notes mention the harbour, a goal and an
    action item about it, and Ben whose notes are about delegation."""
    with open_vault.session() as db, db.begin():
        ines = factories.client(db, "Ines Harbour")
        amara = factories.client(db, "Amara Okafor")
        ben = factories.client(db, "Ben Carter")
        session = factories.session(
            db, amara, factories.at(3), shared_notes="We walked along the harbour and talked."
        )
        other = factories.session(
            db, ben, factories.at(4), private_notes="Delegation is still hard for him."
        )
        goal = goals.create_goal(db, GoalFields(amara, title="Open the harbour studio")).id
        action = actions.add_action(db, ActionFields(amara, text="Sketch the harbour plan")).id
    return {
        "ines": ines,
        "amara": amara,
        "ben": ben,
        "session": session,
        "other": other,
        "goal": goal,
        "action": action,
    }


@pytest.fixture
def page(qtbot, practice: Practice) -> SearchPage:
    widget = SearchPage(practice)
    qtbot.addWidget(widget)
    widget.resize(800, 600)
    with qtbot.waitSignal(widget.refreshed, timeout=WAIT_MS):  # the empty box, shown at once
        widget.show()
    return widget


def settle(qtbot, page: SearchPage) -> None:
    qtbot.waitUntil(
        lambda: not page._timer.isActive() and not page.practice.tasks.busy, timeout=WAIT_MS
    )


def test_typing_finds_a_client_by_a_word_in_session_notes(qtbot, ids, page) -> None:
    assert "Type a word" in page.state.text()
    page.focus_box()
    QTest.keyClicks(page.box, "deleg")
    settle(qtbot, page)
    hits = page.hits()
    assert [(h.kind, h.ref_id, h.client_name) for h in hits] == [
        ("session", ids["other"], "Ben Carter")
    ]
    assert page.headings() == ["Sessions"]
    assert page.state.text() == "1 match."


def test_hits_are_grouped_by_kind_with_marked_snippets(qtbot, ids, page) -> None:
    page.search_now("harbour")
    settle(qtbot, page)
    assert page.headings() == ["Clients", "Sessions", "Goals", "Action items"]
    kinds = [h.kind for h in page.hits()]
    assert kinds == ["client", "session", "goal", "action"]
    session_hit = page.hits()[1]
    assert session_hit.ref_id == ids["session"]
    assert MATCH_START in session_hit.snippet
    rendered = hit_html(session_hit, "3 Mar 2026, 09:00", QPalette(), selected=False)
    assert "<b>harbour</b>" in rendered
    assert "<b>Amara Okafor</b>" in rendered
    assert "\x02" not in rendered


def test_keyboard_from_the_box_into_hits_and_enter_opens(qtbot, ids, page) -> None:
    practice = page.practice
    page.focus_box()
    QTest.keyClicks(page.box, "harbour")
    settle(qtbot, page)
    QTest.keyClick(page.box, Qt.Key.Key_Down)
    assert page.view.hasFocus()
    with qtbot.waitSignal(practice.open_client, timeout=WAIT_MS) as opened:
        QTest.keyClick(page.view, Qt.Key.Key_Return)
    assert opened.args == [ids["ines"]]

    QTest.keyClick(page.view, Qt.Key.Key_Down)  # over the "Sessions" heading
    with qtbot.waitSignal(practice.open_session_notes, timeout=WAIT_MS) as notes:
        QTest.keyClick(page.view, Qt.Key.Key_Return)
    assert notes.args == [ids["session"]]

    QTest.keyClick(page.view, Qt.Key.Key_Down)
    with qtbot.waitSignal(practice.open_client, timeout=WAIT_MS) as goal_client:
        QTest.keyClick(page.view, Qt.Key.Key_Enter)
    assert goal_client.args == [ids["amara"]]

    for _step in range(3):
        QTest.keyClick(page.view, Qt.Key.Key_Up)
    assert page.box.hasFocus()


def test_enter_in_the_box_opens_the_best_hit(qtbot, ids, page) -> None:
    page.focus_box()
    QTest.keyClicks(page.box, "delegation")
    with qtbot.waitSignal(page.practice.open_session_notes, timeout=WAIT_MS) as notes:
        QTest.keyClick(page.box, Qt.Key.Key_Return)  # before the pause is over
    assert notes.args == [ids["other"]]


def test_no_matches_and_late_answers_are_dropped(qtbot, ids, page) -> None:
    page.search_now("zebra")
    settle(qtbot, page)
    assert page.hits() == []
    assert page.state.text() == "No matches for “zebra”."
    assert not page.view.isVisible()

    page.search_now("harbour")
    page.search_now("delegation")  # both are in flight; only the last one may show
    settle(qtbot, page)
    assert [h.ref_id for h in page.hits()] == [ids["other"]]
    assert page.shown_query == "delegation"

    QTest.keyClicks(page.box, "x")  # typing restarts the pause; quick edits search once
    page.box.clear()
    QTest.keyClicks(page.box, "harb")
    settle(qtbot, page)
    assert page.shown_query == "harb"
    assert len(page.hits()) == 4


def test_refreshes_on_changes_and_clear_empties(qtbot, open_vault, ids, page) -> None:
    page.search_now("harbour")
    settle(qtbot, page)
    assert len(page.hits()) == 4
    with open_vault.session() as db, db.begin():
        factories.client(db, "Harbour Master")
    page.practice.changed.emit("clients")
    qtbot.waitUntil(lambda: len(page.hits()) == 5, timeout=WAIT_MS)

    page.search_now("delegation")
    page.clear()  # the answer still on its way is dropped too
    settle(qtbot, page)
    assert page.box.text() == ""
    assert page.model.rowCount() == 0
    assert page.hits() == []
    assert "Type a word" in page.state.text()


def test_a_private_match_is_labelled_private(qtbot, ids, page) -> None:
    page.search_now("delegation")
    settle(qtbot, page)
    (hit,) = page.hits()
    assert hit.private
    rendered = hit_html(hit, "4 Mar 2026, 09:00", QPalette(), selected=False)
    assert ">Private</b>" in rendered
    shared = hit_html(page_hit(qtbot, page, "walked"), "", QPalette(), selected=False)
    assert "Private" not in shared


def page_hit(qtbot, page: SearchPage, text: str):
    page.search_now(text)
    settle(qtbot, page)
    return page.hits()[0]


def test_matches_beyond_fifty_say_how_many_and_load(qtbot, open_vault, page) -> None:
    with open_vault.session() as db, db.begin():
        who = factories.client(db, "Noor Haddad")
        for day in range(60):
            factories.session(
                db, who, factories.at(1 + day % 28, month=1 + day // 28), agenda="Budget review"
            )
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        page.search_now("budget")
    assert len(page.hits()) == 50
    assert page.state.text() == "The best 50 of 60 matches. Add a word to narrow them."
    assert page.more.isVisible()
    assert page.more.text() == "Show 10 more…"
    days = [h.starts_at for h in page.hits()]
    assert days == sorted(days, reverse=True), "newest first"
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        qtbot.mouseClick(page.more, Qt.MouseButton.LeftButton)
    assert len(page.hits()) == 60
    assert page.state.text() == "60 matches."
    assert not page.more.isVisible()


def test_an_invoice_number_finds_the_invoice_and_opens_its_client(
    qtbot, open_vault: Vault, practice: Practice, page: SearchPage
) -> None:
    with open_vault.session() as db, db.begin():
        profile.update_profile(db, profile.ProfileFields(name="Sam Rivera"))
        amara = factories.client(db, "Amara Okafor")
        invoice = invoices.create_draft(
            db, InvoiceFields(amara, lines=[LineFields("Coaching", Decimal(1), Decimal(90))])
        )
        invoices.issue_invoice(db, invoice, date(2026, 3, 2))
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        page.search_now("2026-0001")
    assert [(h.kind, h.ref_id, h.title) for h in page.hits()] == [("invoice", invoice, "2026-0001")]
    assert page.headings() == ["Invoices"]
    assert page.state.text() == "1 match."
    with qtbot.waitSignal(practice.open_client, timeout=WAIT_MS) as opened:
        page.open_hit(first_hit(page.model))
    assert opened.args == [amara]
