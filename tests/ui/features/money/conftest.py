"""A coach who invoices: a profile with bank details, Amara's per-session engagement with two
sessions held in March 2026, and the Money view over that vault."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from io import BytesIO

import pytest
from pypdf import PdfReader

from coachdesk.model import FeeModel, SessionStatus
from coachdesk.services.people import profile
from coachdesk.ui.features.money import MoneyPage
from coachdesk.ui.kit.practice import Practice
from coachdesk.vault import Vault
from tests.services import factories

WAIT_MS = 15_000
MARCH = (date(2026, 3, 1), date(2026, 3, 31))


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(BytesIO(pdf)).pages)


@pytest.fixture
def practice(open_vault: Vault) -> Iterator[Practice]:
    p = Practice(open_vault)
    p.load_zone()
    yield p
    p.finish()


@pytest.fixture
def amara(open_vault: Vault) -> int:
    with open_vault.session() as db, db.begin():
        data = profile.profile_fields(db)
        data.name = "Zoë Łukasz"
        data.postal_address = "Hauptstraße 1\n10115 Berlin"
        data.iban = "DE89 3704 0044 0532 0130 00"
        data.bic = "COBADEFFXXX"
        data.default_tax_rate = Decimal("19")
        data.default_currency = "EUR"
        profile.update_profile(db, data)
        client = factories.client(db, "Amara Okafor")
        engagement = factories.engagement(
            db, client, fee_model=FeeModel.PER_SESSION, fee_amount=Decimal("120.00")
        )
        for day in (3, 17):
            factories.session(
                db,
                client,
                factories.at(day),
                engagement_id=engagement,
                status=SessionStatus.COMPLETED,
                private_notes="Seemed tired",
            )
    return client


def shown_page(qtbot, practice: Practice) -> MoneyPage:
    page = MoneyPage(practice)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    with qtbot.waitSignal(page.refreshed, timeout=WAIT_MS):
        page.show()
    return page
