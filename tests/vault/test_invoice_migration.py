"""Migration 0004 on vaults with data: the 0003 practice gains invoicing and its held session can
be invoiced; the frozen 0004 invoice keeps its numbers, lines and payment, and stays frozen."""

from __future__ import annotations

import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError

from coachdesk import vault
from coachdesk.services.billing import invoices, listing, sources
from coachdesk.services.billing.invoice_document import invoice_document
from coachdesk.services.billing.listing import ShownStatus
from coachdesk.services.people import profile
from tests.fixtures.vaults.make_fixture import PASSPHRASE as FIXTURE_PASSPHRASE

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "vaults"


def copy_of(revision: str, tmp_path: Path) -> Path:
    folder = tmp_path / revision
    shutil.copytree(FIXTURES / revision, folder)
    return folder


def test_the_0003_practice_invoices_its_session_after_the_upgrade(tmp_path: Path) -> None:
    with vault.open(copy_of("0003", tmp_path), passphrase=FIXTURE_PASSPHRASE) as v:
        with v.session() as db, db.begin():
            assert profile.profile_fields(db).payment_terms_days == 14  # the new columns' default
            assert listing.list_invoices(db, date(2026, 12, 1)) == []
            data = profile.profile_fields(db)
            data.name = "Zoë Łukasz"
            profile.update_profile(db, data)
            # The fixture's engagement is a package; its sponsor is billed on request.
            (invoice_id,) = sources.package_invoices(db, 1, tax_rate=Decimal(19))
            assert invoices.issue_invoice(db, invoice_id, date(2026, 12, 1)) == "2026-0001"
            doc = invoice_document(db, invoice_id)
            assert (doc.buyer.name, doc.gross_total) == ("Zoë Łukasz", Decimal("1428.00"))
        assert v.integrity_problems() == []


def test_the_frozen_0004_invoice_reads_back_and_stays_frozen(tmp_path: Path) -> None:
    folder = copy_of("0004", tmp_path)
    with vault.open(folder, passphrase=FIXTURE_PASSPHRASE) as v, v.session() as db, db.begin():
        row = listing.invoice_row(db, 1, date(2026, 12, 2))
        assert (row.number, row.total, row.paid, row.balance) == (
            "2026-0001",
            Decimal("171.00"),
            Decimal("100.00"),
            Decimal("71.00"),
        )
        assert row.status is ShownStatus.PART_PAID
        taxes = invoice_document(db, 1).taxes
        assert [(t.rate, t.tax) for t in taxes] == [
            (Decimal(4), Decimal("2.00")),
            (Decimal(19), Decimal("19.00")),
        ]
        assert listing.invoice_row(db, 1, date(2026, 12, 13)).status is ShownStatus.OVERDUE
        with pytest.raises(DatabaseError, match="frozen"), db.begin_nested():
            db.execute(text("UPDATE invoice_line SET quantity = '2' WHERE id = 1"))
        data = profile.profile_fields(db)
        data.name = "Zoë Łukasz"
        profile.update_profile(db, data)
        line = invoices.LineFields("Workbook", Decimal(1), Decimal("20.00"))
        number = invoices.issue_invoice(
            db,
            invoices.create_draft(db, invoices.InvoiceFields(1, lines=[line])),
            date(2026, 12, 2),
        )
        assert number == "2026-0002"  # the series carries on after the frozen invoice
