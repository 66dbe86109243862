"""Search by invoice number: the whole number or a part with a digit finds it, marked; words,
drafts (no number yet) and other numbers are not found."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy.orm import Session

from coachdesk.services.billing import invoices
from coachdesk.services.billing.invoices import InvoiceFields, LineFields
from coachdesk.services.overviews.search import MATCH_END, MATCH_START
from coachdesk.services.overviews.search_invoices import invoice_hits
from coachdesk.services.people import profile
from tests.services import factories

D = Decimal


def test_an_invoice_is_found_by_its_number(db: Session) -> None:
    profile.update_profile(db, profile.ProfileFields(name="Sam Rivera"))
    amara = factories.client(db)
    ids = []
    for price in ("250.00", "80.00"):
        draft = invoices.create_draft(
            db, InvoiceFields(amara, lines=[LineFields("Coaching", D(1), D(price), D(0))])
        )
        invoices.issue_invoice(db, draft, date(2026, 3, 2))
        ids.append(draft)
    invoices.create_draft(db, InvoiceFields(amara, lines=[LineFields("x", D(1), D(1), D(0))]))
    first = invoices.get_invoice(db, ids[0]).number
    assert first == "2026-0001"

    (hit,) = invoice_hits(db, "2026-0001")
    assert (hit.kind, hit.ref_id, hit.client_id, hit.title) == ("invoice", ids[0], amara, first)
    assert hit.snippet == f"Invoice {MATCH_START}2026-0001{MATCH_END} · €250.00"
    assert [h.ref_id for h in invoice_hits(db, " 2026-000")] == ids
    assert [h.ref_id for h in invoice_hits(db, "0002")] == [ids[1]]
    assert invoice_hits(db, "2026-0003") == []
    assert invoice_hits(db, "Amara") == []  # words are the full-text index's
    assert invoice_hits(db, "2026 0001") == []
    assert invoice_hits(db, "%") == []
