"""Drafts made many at once hold to every rule one draft holds to, and a bad one writes none."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coachdesk.errors import ValidationError
from coachdesk.model import Invoice, SessionStatus
from coachdesk.services.billing import invoices, listing
from coachdesk.services.billing.drafts_in_bulk import bulk_drafts
from coachdesk.services.billing.invoices import InvoiceFields, LineFields
from tests.services import factories
from tests.services.billing.conftest import TODAY

D = Decimal
ONE = D(1)


def line(session_id: int | None = None, quantity: Decimal = ONE) -> LineFields:
    return LineFields("Session", quantity, D("150.00"), D(19), session_id=session_id)


def invoice_count(db: Session) -> int:
    return db.scalar(select(func.count()).select_from(Invoice)) or 0


def test_bulk_drafts_equal_drafts_made_one_by_one(coach: Session) -> None:
    amara, ben = factories.client(coach, name="Amara"), factories.client(coach, name="Ben")
    held = factories.session(coach, amara, factories.at(3), status=SessionStatus.COMPLETED)
    ids = bulk_drafts(
        coach, [InvoiceFields(amara, lines=[line(held)]), InvoiceFields(ben, lines=[line()])]
    )
    single = invoices.create_draft(coach, InvoiceFields(ben, lines=[line()]))
    rows = [listing.invoice_row(coach, i, TODAY) for i in (*ids, single)]
    assert [(r.client, r.total, r.status.value) for r in rows] == [
        ("Amara", D("178.50"), "draft"),
        ("Ben", D("178.50"), "draft"),
        ("Ben", D("178.50"), "draft"),
    ]
    with pytest.raises(ValidationError) as claimed:
        invoices.create_draft(coach, InvoiceFields(amara, lines=[line(held)]))
    assert "already invoiced" in claimed.value.fields["session"]


@pytest.mark.parametrize(
    ("second", "field"),
    [
        (lambda s: [line(quantity=D(-1))], "lines[1].quantity"),
        (lambda s: [line(s)], "session"),  # the first draft claims it already
    ],
)
def test_one_bad_draft_names_its_field_and_writes_none(
    coach: Session, second: Callable[[int], list[LineFields]], field: str
) -> None:
    amara = factories.client(coach, name="Amara")
    held = factories.session(coach, amara, factories.at(3), status=SessionStatus.COMPLETED)
    drafts = [InvoiceFields(amara, lines=[line(held)]), InvoiceFields(amara, lines=second(held))]
    with pytest.raises(ValidationError) as refused:
        bulk_drafts(coach, drafts)
    assert field in refused.value.fields
    assert invoice_count(coach) == 0


def test_a_missing_client_is_named(coach: Session) -> None:
    with pytest.raises(ValidationError) as refused:
        bulk_drafts(coach, [InvoiceFields(999, lines=[line()])])
    assert "999" in refused.value.fields["client"]
