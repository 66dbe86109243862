"""An invoice's lifecycle: draft, issue with a gapless number, frozen, cancelled by a credit
note; and a session invoiced at most once."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError, IntegrityError
from sqlalchemy.orm import Session

from coachdesk.documents.invoices.data import InvoiceDocument
from coachdesk.errors import ValidationError
from coachdesk.model import Invoice, InvoiceStatus, SessionStatus
from coachdesk.services.billing import invoices, listing
from coachdesk.services.billing.invoice_document import invoice_document
from coachdesk.services.billing.invoices import InvoiceFields, LineFields
from coachdesk.services.billing.listing import ShownStatus
from coachdesk.services.billing.payments import PaymentFields, add_payment
from coachdesk.services.people import erasure, profile
from coachdesk.services.sessions.sessions import set_status
from coachdesk.vault import Vault
from tests.services import factories
from tests.services.billing.conftest import TODAY

D = Decimal


def workshop(client_id: int, *lines: LineFields) -> InvoiceFields:
    return InvoiceFields(
        client_id=client_id,
        lines=list(lines) or [LineFields("Workshop", D(2), D("150.00"), D(19))],
    )


def draft(db: Session, client_id: int, *lines: LineFields) -> int:
    return invoices.create_draft(db, workshop(client_id, *lines))


def test_a_draft_keeps_its_totals_and_can_be_edited_and_deleted(coach: Session) -> None:
    client = factories.client(coach)
    invoice_id = draft(coach, client)
    row = listing.invoice_row(coach, invoice_id, TODAY)
    assert (row.number, row.net, row.tax, row.total) == ("", D("300.00"), D("57.00"), D("357.00"))
    assert row.status is ShownStatus.DRAFT

    invoices.update_draft(
        coach,
        invoice_id,
        workshop(
            client, LineFields("Book", D(1), D("20.00"), D(7)), LineFields("Talk", D(1), D(100))
        ),
    )
    row = listing.invoice_row(coach, invoice_id, TODAY)
    assert (row.net, row.tax, row.total) == (D("120.00"), D("1.40"), D("121.40"))
    assert [x.description for x in invoice_document(coach, invoice_id, TODAY).lines] == [
        "Book",
        "Talk",
    ]
    invoices.delete_draft(coach, invoice_id)
    assert listing.list_invoices(coach, TODAY) == []


def test_bad_lines_name_their_field_and_change_nothing(coach: Session) -> None:
    client = factories.client(coach)
    invoice_id = draft(coach, client)
    bad = workshop(
        client,
        LineFields("Workshop", D(-1), D("150.00"), D(19)),
        LineFields("", D(1), D("1.001"), D(120)),
    )
    with pytest.raises(ValidationError) as caught:
        invoices.update_draft(coach, invoice_id, bad)
    assert set(caught.value.fields) == {
        "lines[1].quantity",
        "lines[2].description",
        "lines[2].unit_price",
        "lines[2].tax_rate",
    }
    assert listing.invoice_row(coach, invoice_id, TODAY).total == D("357.00")


def test_issue_numbers_follow_the_year_series_with_the_prefix(coach: Session) -> None:
    data = profile.profile_fields(coach)
    data.invoice_prefix = "ZL-"
    profile.update_profile(coach, data)
    client = factories.client(coach)
    first, second = draft(coach, client), draft(coach, client)
    assert invoices.issue_invoice(coach, first, TODAY) == "ZL-2026-0001"
    assert invoices.issue_invoice(coach, second, TODAY) == "ZL-2026-0002"
    next_year = draft(coach, client)
    assert invoices.issue_invoice(coach, next_year, date(2027, 1, 2)) == "ZL-2027-0001"
    row = listing.invoice_row(coach, first, TODAY)
    assert (row.issue_date, row.due_date) == (TODAY, TODAY + timedelta(days=14))
    assert row.status is ShownStatus.ISSUED


def test_a_failed_issue_leaves_no_gap_and_the_draft_as_it_was(coach: Session) -> None:
    client = factories.client(coach)
    failing, other = draft(coach, client), draft(coach, client)

    def broken_pdf(doc: InvoiceDocument) -> bytes:
        assert doc.number == "2026-0001"  # the number was taken when the PDF failed
        raise RuntimeError("the printer caught fire")

    with pytest.raises(RuntimeError):
        invoices.issue_invoice(coach, failing, TODAY, render=broken_pdf)
    invoice = coach.get(Invoice, failing)
    assert invoice is not None
    assert (invoice.status, invoice.number, invoice.seller) == (InvoiceStatus.DRAFT, None, "")

    assert invoices.issue_invoice(coach, other, TODAY, render=lambda doc: b"%PDF-other") == (
        "2026-0001"
    )
    assert invoices.issue_invoice(coach, failing, TODAY, render=lambda doc: b"%PDF-1") == (
        "2026-0002"
    )
    assert coach.get(Invoice, failing).pdf == b"%PDF-1"  # type: ignore[union-attr]


def test_an_issued_invoice_is_frozen_in_the_service_and_the_database(coach: Session) -> None:
    client = factories.client(coach)
    invoice_id = draft(coach, client)
    invoices.issue_invoice(coach, invoice_id, TODAY)
    with pytest.raises(ValidationError) as caught:
        invoices.update_draft(coach, invoice_id, workshop(client))
    assert list(caught.value.fields) == ["status"]
    with pytest.raises(ValidationError):
        invoices.delete_draft(coach, invoice_id)
    with pytest.raises(DatabaseError, match="frozen"), coach.begin_nested():
        coach.execute(
            text("UPDATE invoice SET notes = 'changed' WHERE id = :id"), {"id": invoice_id}
        )
    with pytest.raises(DatabaseError, match="frozen"), coach.begin_nested():
        coach.execute(
            text("UPDATE invoice_line SET unit_price = '1' WHERE invoice_id = :id"),
            {"id": invoice_id},
        )


def test_the_parties_are_frozen_at_issue(coach: Session) -> None:
    client = factories.client(coach, postal_address="Old Road 1")
    invoice_id = draft(coach, client)
    invoices.issue_invoice(coach, invoice_id, TODAY)
    data = profile.profile_fields(coach)
    data.name, data.iban = "Someone Else", "GB82 WEST 1234 5698 7654 32"
    profile.update_profile(coach, data)
    doc = invoice_document(coach, invoice_id)
    assert (doc.seller.name, doc.seller.tax_id) == ("Zoë Łukasz", "DE136695976")
    assert (doc.payment.iban, doc.payment.bic) == ("DE89370400440532013000", "COBADEFFXXX")
    assert (doc.buyer.name, doc.buyer.address) == ("Amara Okafor", "Old Road 1")
    assert doc.issue_date == TODAY
    assert doc.number == "2026-0001"


def test_a_credit_note_cancels_with_its_own_series_and_negative_amounts(coach: Session) -> None:
    client = factories.client(coach)
    kept, cancelled = draft(coach, client), draft(coach, client)
    invoices.issue_invoice(coach, kept, TODAY)
    invoices.issue_invoice(coach, cancelled, TODAY)
    note_id = invoices.credit_invoice(coach, cancelled, TODAY, reason="Wrong client")
    note = listing.invoice_detail(coach, note_id, TODAY)
    assert note.row.number == "CN-2026-0001"
    assert (note.row.net, note.row.tax, note.row.total) == (
        D("-300.00"),
        D("-57.00"),
        D("-357.00"),
    )
    assert (note.document.kind, note.document.credit_for) == ("credit_note", "2026-0002")
    assert note.row.balance == 0
    assert note.reason == "Wrong client"
    original = listing.invoice_row(coach, cancelled, TODAY)
    assert (original.status, original.balance) == (ShownStatus.CANCELLED, D(0))
    with pytest.raises(ValidationError) as caught:
        invoices.credit_invoice(coach, cancelled, TODAY)
    assert list(caught.value.fields) == ["invoice"]
    assert invoices.issue_invoice(coach, draft(coach, client), TODAY) == "2026-0003"


def test_an_invoice_with_payments_is_not_credited(coach: Session) -> None:
    client = factories.client(coach)
    invoice_id = draft(coach, client)
    invoices.issue_invoice(coach, invoice_id, TODAY)
    add_payment(coach, PaymentFields(invoice_id, D("100.00"), TODAY))
    with pytest.raises(ValidationError) as caught:
        invoices.credit_invoice(coach, invoice_id, TODAY)
    assert list(caught.value.fields) == ["payments"]


def test_a_session_is_invoiced_at_most_once(coach: Session) -> None:
    client = factories.client(coach)
    session_id = factories.session(coach, client, factories.at(3))
    set_status(coach, session_id, SessionStatus.COMPLETED)
    line = LineFields("Session", D(1), D("100.00"), D(19), session_id=session_id)
    first = draft(coach, client, line)
    with pytest.raises(ValidationError) as caught:
        draft(coach, client, line)
    assert caught.value.fields == {
        "session": f"Session {session_id} is already invoiced on draft {first}."
    }
    invoices.issue_invoice(coach, first, TODAY)
    with pytest.raises(ValidationError, match="2026-0001"):
        draft(coach, client, line)
    # The database holds the rule on its own.
    with pytest.raises(IntegrityError), coach.begin_nested():
        coach.execute(
            text(
                "INSERT INTO invoice_line (invoice_id, position, description, quantity,"
                " unit_price, tax_rate, session_id, session_claim) VALUES (:i, 0, 'x', '1', '1',"
                " '0', :s, :s)"
            ),
            {"i": draft(coach, client), "s": session_id},
        )
    invoices.credit_invoice(coach, first, TODAY)
    again = draft(coach, client, line)  # a cancelled invoice gives its sessions back
    assert invoices.issue_invoice(coach, again, TODAY) == "2026-0002"


def test_overdue_is_derived_from_the_due_date_and_the_balance(coach: Session) -> None:
    client = factories.client(coach)
    invoice_id = draft(coach, client)
    invoices.issue_invoice(coach, invoice_id, date(2026, 3, 1))  # due 15 March
    due = date(2026, 3, 15)
    assert listing.invoice_row(coach, invoice_id, due).status is ShownStatus.ISSUED
    assert (
        listing.invoice_row(coach, invoice_id, due + timedelta(days=1)).status
        is ShownStatus.OVERDUE
    )
    add_payment(coach, PaymentFields(invoice_id, D("57.00"), due))
    assert listing.invoice_row(coach, invoice_id, due).status is ShownStatus.PART_PAID
    late = due + timedelta(days=1)
    assert [r.id for r in listing.list_invoices(coach, late, status=ShownStatus.OVERDUE)] == [
        invoice_id
    ]
    add_payment(coach, PaymentFields(invoice_id, D("300.00"), late))
    row = listing.invoice_row(coach, invoice_id, late)
    assert (row.status, row.paid, row.balance) == (ShownStatus.PAID, D("357.00"), D(0))
    assert listing.list_invoices(coach, late, status=ShownStatus.OVERDUE) == []


def test_an_invoice_to_the_sponsor_bills_the_organisation(coach: Session) -> None:
    from coachdesk.services.people.sponsors import SponsorFields, create_sponsor

    sponsor = create_sponsor(
        coach,
        SponsorFields(name="Acme GmbH", vat_number="DE136695976", purchase_order="PO-4711"),
    ).id
    client = factories.client(coach, sponsor_id=sponsor)
    data = workshop(client)
    data.to_sponsor = True
    doc = invoice_document(coach, invoices.create_draft(coach, data), TODAY)
    assert (doc.buyer.name, doc.buyer.tax_id, doc.buyer.purchase_order) == (
        "Acme GmbH",
        "DE136695976",
        "PO-4711",
    )
    alone = factories.client(coach, name="Ben Adler")
    data = workshop(alone)
    data.to_sponsor = True
    with pytest.raises(ValidationError) as caught:
        invoices.create_draft(coach, data)
    assert list(caught.value.fields) == ["to_sponsor"]


def test_erasing_a_client_takes_their_invoices_issued_or_credited(open_vault: Vault) -> None:
    with open_vault.session() as db, db.begin():
        data = profile.profile_fields(db)
        data.name = "Zoë Łukasz"
        profile.update_profile(db, data)
        client = factories.client(db)
        kept = factories.client(db, name="Ben Adler")
        session_id = factories.session(db, client, factories.at(3), status=SessionStatus.COMPLETED)
        line = LineFields("Session", D(1), D("100.00"), D(19), session_id=session_id)
        credited = draft(db, client, line)
        invoices.issue_invoice(db, credited, TODAY)
        invoices.credit_invoice(db, credited, TODAY)
        invoices.issue_invoice(db, draft(db, kept), TODAY)
    erasure.erase_client(open_vault.engine, client)
    with open_vault.session() as db:
        assert [r.client for r in listing.list_invoices(db, TODAY)] == ["Ben Adler"]
        assert db.execute(text("SELECT count(*) FROM invoice_line")).scalar() == 1
