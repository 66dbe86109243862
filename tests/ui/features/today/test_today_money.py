"""Today's money rows: an overdue invoice with what is still owed, gone once it is paid; last
month's sessions still to invoice per client; Enter on either opens the client."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from coachdesk.model import FeeModel, SessionStatus
from coachdesk.services.billing import invoices, payments
from coachdesk.services.billing.invoices import InvoiceFields, LineFields
from coachdesk.services.billing.payments import PaymentFields
from coachdesk.services.people import profile
from coachdesk.ui.features.today.today_page import TodayPage
from coachdesk.ui.kit import practice as kinds
from coachdesk.ui.kit.practice import Practice
from coachdesk.vault import Vault
from tests.services import factories as make

WAIT_MS = 10_000
NOW = datetime(2026, 3, 3, 10, 30, tzinfo=UTC)
D = Decimal


@pytest.fixture
def billed(open_vault: Vault) -> dict[str, int]:
    with open_vault.session() as db, db.begin():
        profile.update_profile(db, profile.ProfileFields(name="Sam Rivera"))
        amara = make.client(db, "Amara Okafor")
        ben = make.client(db, "Ben Carter")
        engagement = make.engagement(
            db, amara, fee_model=FeeModel.PER_SESSION, fee_amount=D("120.00")
        )
        for day in (3, 10):
            make.session(
                db,
                amara,
                make.at(day, month=2),
                engagement_id=engagement,
                status=SessionStatus.COMPLETED,
            )
        invoice = invoices.create_draft(
            db, InvoiceFields(ben, lines=[LineFields("Workshop", D(1), D("100.00"), D(0))])
        )
        invoices.issue_invoice(db, invoice, date(2026, 2, 1))  # due 15 February
        payments.add_payment(db, PaymentFields(invoice, D("40.00"), date(2026, 2, 20)))
    return {"amara": amara, "ben": ben, "invoice": invoice}


@pytest.fixture
def practice(open_vault: Vault) -> Iterator[Practice]:
    made = Practice(open_vault)
    made.load_zone()
    yield made
    made.finish()


@pytest.fixture
def page(qtbot, practice: Practice, billed: dict[str, int]) -> TodayPage:
    shown = TodayPage(practice, clock=lambda: NOW)
    qtbot.addWidget(shown)
    with qtbot.waitSignal(shown.refreshed, timeout=WAIT_MS):
        shown.show()
    return shown


def cells(page: TodayPage, name: str) -> list[tuple[str, ...]]:
    return [line.cells for line in page.sections[name].model.lines]


def test_an_overdue_invoice_shows_what_is_owed_until_paid(
    qtbot, page: TodayPage, practice: Practice, open_vault: Vault, billed: dict[str, int]
) -> None:
    with open_vault.session() as db:
        number = invoices.get_invoice(db, billed["invoice"]).number
    assert cells(page, "invoices") == [(number, "Ben Carter", "€60.00", "16 days overdue")]
    assert page.sections["invoices"].heading.text() == "Overdue invoices · 1"
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        practice.write(
            lambda db: payments.add_payment(
                db, PaymentFields(billed["invoice"], D("60.00"), date(2026, 3, 2))
            ),
            lambda _id: None,
            changes=kinds.INVOICES,
        )
    assert cells(page, "invoices") == []
    assert page.sections["invoices"].empty.text() == "No invoice overdue."


def test_enter_on_an_overdue_invoice_opens_its_client(
    qtbot, page: TodayPage, practice: Practice, billed: dict[str, int]
) -> None:
    view = page.sections["invoices"].view
    view.setFocus()
    view.setCurrentIndex(view.model().index(0, 0))
    with qtbot.waitSignal(practice.open_client, timeout=WAIT_MS) as signal:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert signal.args == [billed["ben"]]


def test_last_months_sessions_still_to_invoice(
    qtbot, page: TodayPage, practice: Practice, billed: dict[str, int]
) -> None:
    assert cells(page, "to_invoice") == [("Amara Okafor", "2 sessions")]
    view = page.sections["to_invoice"].view
    view.setFocus()
    view.setCurrentIndex(view.model().index(0, 0))
    with qtbot.waitSignal(practice.open_client, timeout=WAIT_MS) as signal:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert signal.args == [billed["amara"]]
