"""The client list and the client dialog over a real vault, driven like a coach would."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from coachdesk.model import ClientStatus
from coachdesk.services.demo.practice import fill_demo
from coachdesk.services.people import clients
from coachdesk.services.people.clients import ClientRow
from coachdesk.ui.features.clients import ClientsPage
from coachdesk.ui.features.clients.clients_table import SORT_COLUMN_KEY, ClientsTable
from coachdesk.ui.features.clients.table_model import (
    ALL_STATUSES,
    LAST,
    NAME,
    ClientsTableModel,
)
from coachdesk.ui.kit.look import settings
from coachdesk.ui.kit.practice import Practice
from coachdesk.ui.kit.roles import SORT_ROLE
from coachdesk.vault import Vault
from tests.services.factories import client

WAIT_MS = 10_000
INVALID_EMAIL = "This is not a valid email address."


@pytest.fixture
def practice(open_vault: Vault) -> Iterator[Practice]:
    p = Practice(open_vault)
    p.load_zone()
    yield p
    p.finish()


@pytest.fixture
def demo(open_vault: Vault) -> Vault:
    fill_demo(open_vault.engine, 40, seed=11)
    return open_vault


def open_page(qtbot, practice: Practice) -> ClientsPage:
    page = ClientsPage(practice)
    qtbot.addWidget(page)
    page.resize(1000, 600)
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        page.show()
    return page


def type_into(widget: QWidget, text: str) -> None:
    """Type like a keyboard would, any letter (QTest's keyClicks knows only ASCII)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def names(page: ClientsPage) -> list[str]:
    model = page.model
    return [model.index(row, NAME).data() for row in range(model.rowCount())]


def test_empty_vault_invites_the_first_client(qtbot, practice: Practice) -> None:
    page = open_page(qtbot, practice)
    assert page.stack.currentIndex() == 1
    assert page.empty_label.text() == "No clients yet — add your first client"
    assert page.empty_button.isVisible()
    assert page.count.text() == "0 clients"


def test_add_client_invalid_then_valid(qtbot, practice: Practice) -> None:
    page = open_page(qtbot, practice)
    dialog = page.new_client()
    qtbot.waitUntil(dialog.ok_button.isEnabled, timeout=WAIT_MS)
    form = dialog.form
    type_into(form.inputs["given_name"], "Łukasz")
    qtbot.keyClicks(form.inputs["family_name"], "Nowak")
    qtbot.keyClicks(form.inputs["email"], "lukasz@nowhere")
    assert form.error_text("email") == ""  # not while typing a field the first time

    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.saving, timeout=WAIT_MS)
    assert form.error_text("email") == INVALID_EMAIL  # the service's own message
    assert form.errors["email"][1].isVisible()
    assert dialog.isVisible()
    assert form.inputs["given_name"].text() == "Łukasz"  # nothing typed is lost

    form.inputs["email"].selectAll()
    qtbot.keyClicks(form.inputs["email"], "lukasz@example.org")
    assert not form.errors["email"][1].isVisible()  # fixed as typed
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS) as saved:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    new_id = saved.args[0]
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: "Łukasz Nowak" in names(page), timeout=WAIT_MS)
    assert page.selected_client() == new_id
    assert page.count.text() == "1 client"
    assert page.stack.currentIndex() == 0


def test_local_checks_show_after_leaving_a_field(qtbot, practice: Practice) -> None:
    page = open_page(qtbot, practice)
    dialog = page.new_client()
    qtbot.waitUntil(dialog.ok_button.isEnabled, timeout=WAIT_MS)
    form = dialog.form
    qtbot.keyClicks(form.inputs["email"], "not an email")
    form.inputs["email"].editingFinished.emit()
    assert form.error_text("email") == INVALID_EMAIL
    form.inputs["display_name"].setText("x")
    qtbot.keyClick(form.inputs["display_name"], Qt.Key.Key_Backspace)
    assert form.error_text("display_name").startswith("Enter a name")
    dialog.discard()


def test_duplicate_warning_after_saving(qtbot, practice: Practice, open_vault: Vault) -> None:
    with open_vault.session() as db, db.begin():
        client(db, "Amara Okafor", email="amara@example.org")
    page = open_page(qtbot, practice)
    dialog = page.new_client()
    qtbot.waitUntil(dialog.ok_button.isEnabled, timeout=WAIT_MS)
    qtbot.keyClicks(dialog.form.inputs["display_name"], "Amara Okafor")
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.notice is not None
    assert "Another client has the same name." in dialog.notice.informativeText()
    dialog.notice.close()


def test_filter_as_you_type(qtbot, practice: Practice, open_vault: Vault) -> None:
    with open_vault.session() as db, db.begin():
        client(db, "Łukasz Nowak", email="ln@example.org", organisation="Atlas")
        client(db, "Amara Okafor", organisation="Northwind")
        client(db, "Zoë Adams", email="zoe@atlas.example")
    page = open_page(qtbot, practice)
    assert page.count.text() == "3 clients"

    qtbot.keyClicks(page.filter, "lukasz")
    assert names(page) == ["Łukasz Nowak"]
    assert page.count.text() == "1 client"
    page.filter.clear()
    qtbot.keyClicks(page.filter, "atlas")  # organisation or email
    assert sorted(names(page)) == ["Zoë Adams", "Łukasz Nowak"]
    qtbot.keyClicks(page.filter, " zoe")  # every word must match
    assert names(page) == ["Zoë Adams"]
    qtbot.keyClick(page.filter, Qt.Key.Key_Escape)
    assert page.filter.text() == ""
    assert len(names(page)) == 3

    qtbot.keyClicks(page.filter, "okafor")
    with qtbot.waitSignal(practice.open_client) as opened:
        qtbot.keyClick(page.filter, Qt.Key.Key_Return)
    assert opened.args == [page.model.client_id(0)]


def test_ctrl_f_focuses_and_enter_opens(qtbot, practice: Practice, open_vault: Vault) -> None:
    with open_vault.session() as db, db.begin():
        first = client(db, "Amara Okafor")
        client(db, "Ben Brown")
    page = open_page(qtbot, practice)
    page.activateWindow()
    page.focus_filter()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.filter)
    qtbot.keyClick(page.filter, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.table)
    assert page.selected_client() is not None
    page.table.select_row(page.model.row_of(first))
    with qtbot.waitSignal(practice.open_client) as opened:
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened.args == [first]


def test_status_and_tag_filters(qtbot, practice: Practice, demo: Vault) -> None:
    with demo.session() as db, db.begin():
        every = clients.list_clients(db, include_archived=True)
        gone = next(
            r for r in every if ClientStatus.ARCHIVED in clients.allowed_transitions(r.status)
        )
        clients.archive_client(db, gone.id)
        active = len(clients.list_clients(db, status=ClientStatus.ACTIVE))
        tagged = len(clients.list_clients(db, tag="sponsored", include_archived=True))
    page = open_page(qtbot, practice)
    assert page.model.rowCount() == len(every) - 1  # archived clients are left out at first
    assert page.model.row_of(gone.id) is None

    page.status_filter.setCurrentIndex(page.status_filter.findData(ClientStatus.ARCHIVED.value))
    assert [page.model.client_id(r) for r in range(page.model.rowCount())] == [gone.id]
    page.status_filter.setCurrentIndex(page.status_filter.findData(ClientStatus.ACTIVE.value))
    assert page.model.rowCount() == active
    assert page.count.text() == f"{active} clients"
    page.status_filter.setCurrentIndex(page.status_filter.findData(ALL_STATUSES))
    assert page.model.rowCount() == len(every)

    page.tag_filter.setCurrentIndex(page.tag_filter.findData("sponsored"))
    assert page.model.rowCount() == tagged


def test_sorting_by_last_session(qtbot, practice: Practice, demo: Vault) -> None:
    page = open_page(qtbot, practice)
    model = page.model

    def lasts() -> list[datetime | None]:
        return [model.index(row, LAST).data(SORT_ROLE) for row in range(model.rowCount())]

    page.table.sortByColumn(LAST, Qt.SortOrder.AscendingOrder)
    values = lasts()
    known = [v for v in values if v is not None]
    assert known == sorted(known)
    assert values == known + [None] * (len(values) - len(known))  # never-met clients last
    assert None in values
    page.table.sortByColumn(LAST, Qt.SortOrder.DescendingOrder)
    values = lasts()
    assert values[: len(known)] == sorted(known, reverse=True)
    assert values[len(known) :] == [None] * (len(values) - len(known))
    # remembered for next time
    assert int(settings().value(SORT_COLUMN_KEY)) == LAST
    again = ClientsTable(ClientsTableModel(practice.zone))
    qtbot.addWidget(again)
    assert again.horizontalHeader().sortIndicatorSection() == LAST
    assert again.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.DescendingOrder


def test_refreshes_when_clients_change(qtbot, practice: Practice, open_vault: Vault) -> None:
    page = open_page(qtbot, practice)
    practice.write(
        lambda db: client(db, "Noor Haddad"), lambda _id: None, changes="clients", parent=page
    )
    qtbot.waitUntil(lambda: names(page) == ["Noor Haddad"], timeout=WAIT_MS)


def test_clear_forgets_every_client(qtbot, practice: Practice, demo: Vault) -> None:
    page = open_page(qtbot, practice)
    qtbot.keyClicks(page.filter, "a")
    dialog = page.new_client()
    qtbot.waitUntil(dialog.ok_button.isEnabled, timeout=WAIT_MS)
    qtbot.keyClicks(dialog.form.inputs["given_name"], "Secret")
    page.clear()
    assert page.model.rowCount() == 0
    assert page.model.total == 0
    assert page.filter.text() == ""
    assert page.tag_filter.count() == 1
    assert not dialog.isVisible()
    assert dialog.form.inputs["given_name"].text() == ""
    # a load running at clear() is dropped, and the next refresh still works
    page.refresh()
    page.clear()
    qtbot.waitUntil(lambda: not practice.tasks.busy, timeout=WAIT_MS)  # the answer came back
    assert page.model.total == 0
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        page.refresh()
    assert page.model.total == 40


def fake_rows(count: int) -> list[ClientRow]:
    """Rows as the service returns them, built directly: the model's scale, not the vault's."""
    rng = random.Random(5)
    start = datetime(2020, 1, 1, tzinfo=UTC)
    given = ["Łukasz", "Amara", "Zoë", "Ingrid", "Paweł", "Noor", "Chen", "Dmitri"]
    statuses = list(ClientStatus)
    return [
        ClientRow(
            n + 1,
            f"{given[n % len(given)]} Person{n:05d}",
            statuses[n % len(statuses)],
            f"p{n}@example.org",
            f"Org {n % 50}",
            None if n % 3 else start + timedelta(days=2000, hours=n),
            None if n % 7 == 0 else start + timedelta(hours=rng.randint(0, 40_000)),
            n % 4,
            ("sponsored",) if n % 5 == 0 else (),
        )
        for n in range(count)
    ]


def test_ten_thousand_clients_filter_as_typed(qtbot, practice: Practice) -> None:
    page = ClientsPage(practice)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):  # its own load, of an empty vault
        page.show()
    rows = fake_rows(10_000)
    page.model.set_rows(rows)
    page.status_filter.setCurrentIndex(page.status_filter.findData(ALL_STATUSES))
    assert page.model.rowCount() == 10_000

    qtbot.keyClicks(page.filter, "lukasz")
    assert page.model.rowCount() == 1250
    assert page.count.text() == "1,250 clients"
    qtbot.keyClicks(page.filter, " person0012")  # Persons 00120-00129 whose name is Łukasz
    expected = [r for r in rows if r.name.startswith("Łukasz Person0012")]
    assert page.model.rowCount() == len(expected) == 2
    page.filter.clear()
    page.status_filter.setCurrentIndex(page.status_filter.findData(ClientStatus.ACTIVE.value))
    assert page.model.rowCount() == sum(r.status is ClientStatus.ACTIVE for r in rows)

    page.table.sortByColumn(LAST, Qt.SortOrder.AscendingOrder)
    model = page.model
    values = [model.index(r, LAST).data(SORT_ROLE) for r in range(model.rowCount())]
    known = [v for v in values if v is not None]
    assert known == sorted(known)
    assert values[len(known) :] == [None] * (len(values) - len(known))


def test_escape_asks_before_losing_what_was_typed(qtbot, practice: Practice) -> None:
    page = open_page(qtbot, practice)
    dialog = page.new_client()
    qtbot.waitUntil(dialog.ok_button.isEnabled, timeout=WAIT_MS)
    qtbot.keyClicks(dialog.form.inputs["given_name"], "Noor")
    dialog.reject()  # what Esc does
    box = dialog.findChild(QMessageBox)
    assert box is not None
    assert box.isVisible()
    assert dialog.isVisible()
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert dialog.isVisible()
    assert dialog.form.inputs["given_name"].text() == "Noor"
    dialog.reject()
    dialog.findChildren(QMessageBox)[-1].button(QMessageBox.StandardButton.Discard).click()
    assert not dialog.isVisible()
    assert page.dialog is None


def test_hidden_list_reloads_when_shown(qtbot, practice: Practice) -> None:
    page = open_page(qtbot, practice)
    page.hide()
    with qtbot.waitSignal(practice.changed, timeout=WAIT_MS):
        practice.write(
            lambda db: client(db, "Noor Haddad"), lambda _id: None, changes="clients", parent=page
        )
    QApplication.processEvents()  # where a shown list would start reloading
    assert not practice.tasks.busy  # no reload while nobody looks
    assert names(page) == []
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        page.show()
    assert names(page) == ["Noor Haddad"]


def test_a_filter_with_no_match_says_so(qtbot, practice: Practice, open_vault: Vault) -> None:
    with open_vault.session() as db, db.begin():
        client(db, "Amara Okafor")
    page = open_page(qtbot, practice)
    assert not page.no_match.isVisible()
    qtbot.keyClicks(page.filter, "zebra")
    assert names(page) == []
    assert page.no_match.isVisible()
    assert page.no_match.text() == "No clients match “zebra”."
    page.filter.clear()
    assert names(page) == ["Amara Okafor"]
    assert not page.no_match.isVisible()
