"""The Sponsors view and the sponsor dialog over a real vault: list, filter, details, create and
edit with the service's field messages, creating from the client and engagement forms, locking."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt

from coachdesk.model import Client, Engagement, Sponsor
from coachdesk.services.people import sponsors
from coachdesk.services.people.sponsors import SponsorFields
from coachdesk.ui.features.clients import ClientDialog
from coachdesk.ui.features.engagements.engagement_dialog import EngagementDialog
from coachdesk.ui.features.sponsors import SponsorsPage
from coachdesk.ui.kit.practice import Practice
from coachdesk.ui.kit.sponsor_choice import NEW
from coachdesk.ui.shell.main_window import MainWindow
from coachdesk.vault import Vault
from tests.services.factories import client, engagement

WAIT_MS = 10_000


@pytest.fixture
def practice(open_vault: Vault) -> Iterator[Practice]:
    p = Practice(open_vault)
    p.load_zone()
    yield p
    p.finish()


@pytest.fixture
def northwind(open_vault: Vault) -> int:
    """Northwind pays for Amara's programme; Contoso pays for nobody yet."""
    with open_vault.session() as db, db.begin():
        sponsor = sponsors.create_sponsor(
            db,
            SponsorFields(
                name="Northwind Traders",
                contact_name="Jo Berg",
                contact_email="jo@northwind.example",
                vat_number="DE136695976",
                purchase_order="PO-2026-17",
            ),
        ).id
        sponsors.create_sponsor(db, SponsorFields(name="Contoso", contact_name="Sam Lee"))
        amara = client(db, "Amara Okafor", sponsor_id=sponsor)
        engagement(db, amara, title="Leadership programme", sponsor_id=sponsor)
    return sponsor


def shown_page(qtbot, practice: Practice) -> SponsorsPage:
    page = SponsorsPage(practice)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        page.show()
    return page


def test_the_list_shows_every_sponsor_and_the_first_in_full(qtbot, practice, northwind) -> None:
    page = shown_page(qtbot, practice)
    assert [r.name for r in page.model.rows] == ["Contoso", "Northwind Traders"]
    assert page.count.text() == "2 sponsors"
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        page.table.selectRow(1)
    details = page.details
    assert details.name.text() == "Northwind Traders"
    assert details.values["contact_name"].text() == "Jo Berg"
    assert details.values["vat_number"].text() == "DE136695976"
    assert details.values["purchase_order"].text() == "PO-2026-17"
    assert [details.clients.item(i).text() for i in range(details.clients.count())] == [
        "Amara Okafor · Lead"
    ]
    assert "Leadership programme" in details.engagements.item(0).text()


def test_the_filter_narrows_the_list_and_says_when_nothing_matches(
    qtbot, practice, northwind
) -> None:
    page = shown_page(qtbot, practice)
    qtbot.keyClicks(page.filter, "jo@north")
    assert [r.name for r in page.model.rows] == ["Northwind Traders"]
    page.filter.setText("nobody")
    assert page.model.rowCount() == 0
    assert page.empty.isVisible()
    assert page.empty.text() == "No sponsor matches “nobody”."


def test_opening_a_sponsored_client_asks_the_practice(qtbot, practice, northwind) -> None:
    page = shown_page(qtbot, practice)
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        page.table.selectRow(1)
    item = page.details.clients.item(0)
    with qtbot.waitSignal(practice.open_client, timeout=WAIT_MS) as opened:
        page.details.clients.itemActivated.emit(item)
    with practice.vault.session() as db:
        amara = db.query(Client).one().id
    assert opened.args == [amara]


def test_a_bad_vat_number_is_named_under_its_field_and_nothing_is_stored(
    qtbot, practice, open_vault
) -> None:
    page = shown_page(qtbot, practice)
    dialog = page.new_sponsor()
    qtbot.keyClicks(dialog.inputs["name"], "Fabrikam")
    qtbot.keyClicks(dialog.inputs["vat_number"], "DE123")
    qtbot.keyClicks(dialog.inputs["contact_email"], "not-an-address")
    dialog.submit()
    qtbot.waitUntil(lambda: not dialog.saving, timeout=WAIT_MS)
    assert "VAT number is not valid" in dialog.error_text("vat_number")
    assert "not a valid email" in dialog.error_text("contact_email")
    assert dialog.error_text("name") == ""
    assert dialog.isVisible()
    with open_vault.session() as db:
        assert db.query(Sponsor).count() == 0


def test_a_new_sponsor_is_stored_listed_and_shown(qtbot, practice, open_vault) -> None:
    page = shown_page(qtbot, practice)
    assert page.empty.text().startswith("No sponsors yet")
    dialog = page.new_sponsor()
    qtbot.keyClicks(dialog.inputs["name"], "Fabrikam")
    qtbot.keyClicks(dialog.inputs["vat_number"], "de 136 695 976")
    dialog.inputs["postal_address"].setPlainText("1 Main St\nBerlin")
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        dialog.submit()
    qtbot.waitUntil(lambda: page.details.name.text() == "Fabrikam", timeout=WAIT_MS)
    assert page.details.values["vat_number"].text() == "DE136695976"
    assert page.details.values["postal_address"].text() == "1 Main St\nBerlin"
    with open_vault.session() as db:
        assert db.query(Sponsor).one().postal_address == "1 Main St\nBerlin"


def test_editing_a_sponsor_changes_it_everywhere(qtbot, practice, northwind, open_vault) -> None:
    page = shown_page(qtbot, practice)
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        page.table.selectRow(1)
    dialog = page.edit_sponsor()
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.inputs["name"].text() == "Northwind Traders", timeout=WAIT_MS)
    dialog.inputs["purchase_order"].clear()
    qtbot.keyClicks(dialog.inputs["purchase_order"], "PO-2027-01")
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        dialog.submit()
    assert page.details.values["purchase_order"].text() == "PO-2027-01"
    with open_vault.session() as db:
        assert db.get(Sponsor, northwind).purchase_order == "PO-2027-01"


def choose_new(combo) -> None:
    combo.activated.emit(combo.findData(NEW))


def test_new_sponsor_from_the_client_form_becomes_its_sponsor(qtbot, practice, open_vault) -> None:
    dialog = ClientDialog(practice)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitUntil(dialog.form.isEnabled, timeout=WAIT_MS)
    qtbot.keyClicks(dialog.form.inputs["display_name"], "Ben Ito")
    combo = dialog.form.sponsor
    choose_new(combo)
    assert combo.currentData() is None, "the entry itself is never the choice"
    sponsor_dialog = combo.dialog
    assert sponsor_dialog is not None
    assert sponsor_dialog.isVisible()
    qtbot.keyClicks(sponsor_dialog.inputs["name"], "Fabrikam")
    with qtbot.waitSignal(combo.chosen, timeout=WAIT_MS):
        sponsor_dialog.submit()
    assert combo.currentText() == "Fabrikam"
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        dialog.submit()
    with open_vault.session() as db:
        ben = db.query(Client).one()
        assert ben.sponsor_id is not None
        assert db.get(Sponsor, ben.sponsor_id).name == "Fabrikam"


def test_cancelling_the_new_sponsor_keeps_the_earlier_choice(qtbot, practice, northwind) -> None:
    dialog = ClientDialog(practice)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitUntil(dialog.form.isEnabled, timeout=WAIT_MS)
    combo = dialog.form.sponsor
    combo.setCurrentIndex(combo.findData(northwind))
    combo.activated.emit(combo.currentIndex())
    choose_new(combo)
    assert combo.dialog is not None
    combo.dialog.reject()
    assert combo.currentData() == northwind


def test_new_sponsor_from_the_engagement_form_pays_for_it(qtbot, practice, open_vault) -> None:
    with open_vault.session() as db, db.begin():
        amara = client(db, "Amara Okafor")
    dialog = EngagementDialog(practice, client_id=amara)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitUntil(dialog.form.isEnabled, timeout=WAIT_MS)
    qtbot.keyClicks(dialog.form.title, "Team lead programme")
    combo = dialog.form.sponsor
    choose_new(combo)
    assert combo.dialog is not None
    qtbot.keyClicks(combo.dialog.inputs["name"], "Fabrikam")
    with qtbot.waitSignal(combo.chosen, timeout=WAIT_MS):
        combo.dialog.submit()
    assert dialog.form.sharing.isEnabled()
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        dialog.submit()
    with open_vault.session() as db:
        assert db.query(Engagement).one().sponsor_id == db.query(Sponsor).one().id


def test_a_typed_sponsor_makes_the_lock_wait_then_is_wiped(qtbot, window: MainWindow) -> None:
    window.show_page(window.sponsors_page)
    dialog = window.sponsors_page.new_sponsor()
    qtbot.keyClicks(dialog.inputs["name"], "Half-typed Sponsor")
    window.locking.lock()
    assert window.vault is not None, "the typed sponsor would have been lost"
    assert "Not locked" in window.statusBar().currentMessage()
    assert dialog.inputs["name"].text() == "Half-typed Sponsor"
    dialog.discard()
    assert dialog.inputs["name"].text() == "", "a discarded form forgets what was typed"
    qtbot.keyClick(window.sponsors_page, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.vault is None
    assert not dialog.isVisible()
    assert window.sponsors_page.model.rowCount() == 0
