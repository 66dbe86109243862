"""The Money view's filter box: narrowing the listed invoices by number, client and status."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy.orm import Session

from coachdesk.services.billing import invoices, listing
from coachdesk.services.billing.invoices import InvoiceFields, LineFields
from coachdesk.services.billing.listing import InvoiceFilter, ShownStatus
from tests.services import factories
from tests.services.billing.conftest import TODAY


def invoice(db: Session, client_id: int, *, issue: bool) -> int:
    line = LineFields("Workshop", Decimal(1), Decimal("150.00"), Decimal(19))
    invoice_id = invoices.create_draft(db, InvoiceFields(client_id, lines=[line]))
    if issue:
        invoices.issue_invoice(db, invoice_id, TODAY)
    return invoice_id


def test_typing_narrows_by_number_or_client_in_any_case(coach: Session) -> None:
    zoe = factories.client(coach, name="Zoë Çelik")
    ben = factories.client(coach, name="Ben Adler")
    first = invoice(coach, zoe, issue=True)
    second = invoice(coach, ben, issue=True)
    draft = invoice(coach, ben, issue=False)
    rows = listing.list_invoices(coach, TODAY)
    box = InvoiceFilter(rows)
    number = listing.invoice_row(coach, second, TODAY).number

    assert [r.id for r in box.matching("ZOË")] == [first]
    assert [r.id for r in box.matching(number)] == [second]
    assert {r.id for r in box.matching(" ben ")} == {second, draft}
    assert [r.id for r in box.matching("ben", ShownStatus.DRAFT)] == [draft]
    assert box.matching("") == rows
    assert box.matching("nobody") == []


def test_text_never_matches_across_the_number_and_the_name(coach: Session) -> None:
    client = factories.client(coach, name="Ann Lee")
    invoice(coach, client, issue=True)
    number = listing.list_invoices(coach, TODAY)[0].number
    assert InvoiceFilter(listing.list_invoices(coach, TODAY)).matching(number[-2:] + "Ann") == []
