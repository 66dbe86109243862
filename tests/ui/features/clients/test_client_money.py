"""The client page's money: the balance after a part payment, and where a package stands, on
the client page and in the engagement editor."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy.orm import Session

from coachdesk.model import FeeModel, SessionStatus
from coachdesk.services.billing import invoices, payments, sources
from coachdesk.services.billing.invoices import InvoiceFields, LineFields
from coachdesk.services.billing.payments import PaymentFields
from coachdesk.services.people import profile
from coachdesk.ui.features.clients import ClientPage
from coachdesk.ui.features.engagements.engagement_dialog import EngagementDialog
from coachdesk.ui.kit import practice as kinds
from coachdesk.ui.kit.practice import Practice
from coachdesk.vault import Vault
from tests.services import factories as make

WAIT_MS = 10_000
D = Decimal
ISSUED_ON = date(2026, 3, 2)
PACKAGE_WORDS = "5 of 8 sessions used, 3 left, paid 2 of 3 instalments"


@pytest.fixture
def practice(open_vault: Vault) -> Iterator[Practice]:
    p = Practice(open_vault)
    p.load_zone()
    yield p
    p.finish()


def a_package(db: Session, client_id: int) -> int:
    """Eight sessions, five used, in three instalments of which two are paid."""
    engagement = make.engagement(
        db,
        client_id,
        title="Leadership package",
        fee_model=FeeModel.PACKAGE,
        fee_amount=D("900.00"),
        planned_sessions=8,
    )
    for day in range(3, 8):
        make.session(
            db, client_id, make.at(day), engagement_id=engagement, status=SessionStatus.COMPLETED
        )
    ids = sources.package_invoices(db, engagement, instalments=3, tax_rate=D(0))
    for invoice_id in ids:
        invoices.issue_invoice(db, invoice_id, ISSUED_ON)
    for invoice_id in ids[:2]:
        payments.add_payment(db, PaymentFields(invoice_id, D("300.00"), ISSUED_ON))
    return engagement


@pytest.fixture
def billed(open_vault: Vault) -> dict[str, int]:
    with open_vault.session() as db, db.begin():
        profile.update_profile(db, profile.ProfileFields(name="Sam Rivera"))
        amara = make.client(db, "Amara Okafor")
        workshop = invoices.create_draft(
            db, InvoiceFields(amara, lines=[LineFields("Workshop", D(1), D("250.00"), D(0))])
        )
        invoices.issue_invoice(db, workshop, ISSUED_ON)
        ben = make.client(db, "Ben Carter")
        package = a_package(db, ben)
    return {"amara": amara, "workshop": workshop, "ben": ben, "package": package}


def open_client(qtbot, practice: Practice, client_id: int) -> ClientPage:
    page = ClientPage(practice)
    qtbot.addWidget(page)
    page.show()
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        page.show_client(client_id)
    return page


def test_the_balance_after_a_part_payment(qtbot, practice: Practice, billed) -> None:
    page = open_client(qtbot, practice, billed["amara"])
    assert page.details.money.texts() == ["Invoiced €250.00 · paid €0.00 · outstanding €250.00"]
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        practice.write(
            lambda db: payments.add_payment(
                db, PaymentFields(billed["workshop"], D("100.00"), ISSUED_ON)
            ),
            lambda _id: None,
            changes=kinds.INVOICES,
        )
    assert page.details.money.texts() == ["Invoiced €250.00 · paid €100.00 · outstanding €150.00"]
    page.clear()
    assert page.details.money.texts() == []


def test_a_package_says_where_it_stands(qtbot, practice: Practice, billed) -> None:
    page = open_client(qtbot, practice, billed["ben"])
    assert page.details.money.texts() == [
        "Invoiced €900.00 · paid €600.00 · outstanding €300.00",
        f"Leadership package: {PACKAGE_WORDS}",
    ]
    dialog = EngagementDialog(practice, None, engagement_id=billed["package"])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.original is not None, timeout=WAIT_MS)
    assert dialog.usage.text().endswith(f" · {PACKAGE_WORDS}")
