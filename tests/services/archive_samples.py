"""Helpers for the archive tests (no tests here): a rich practice to export, a second empty vault
to import into, and a comparison of every stored value.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from coachdesk import vault
from coachdesk.model import Client, PracticeSetting, SigningMethod
from coachdesk.services.agreements import agreements
from coachdesk.services.agreements import documents as agreement_documents
from coachdesk.services.billing import invoices
from coachdesk.services.billing.invoices import InvoiceFields, LineFields
from coachdesk.services.billing.payments import PaymentFields, add_payment
from coachdesk.services.demo.practice import fill_demo
from coachdesk.services.people import profile
from coachdesk.services.rights.requests import record_access_request
from coachdesk.services.sessions import notes
from coachdesk.vault import Vault
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.services import factories

PRIVATE_MARKER = "QUOKKA-PRIVATE-4417"
SHARED_MARKER = "PELICAN-SHARED-9023"
LOGO = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
SCAN = b"%PDF-1.4 scanned signature page " + bytes(range(256)) * 8
TODAY = date(2026, 11, 28)


def fill_rich(v: Vault, clients: int = 6) -> None:
    """Demo clients and their history, plus every kind of row the demo leaves out: a logo, a
    scanned signed agreement, a custom template, a practice setting, a note draft and an access
    request."""
    fill_demo(v.engine, clients, 1, today=TODAY)
    with v.session() as db, db.begin():
        profile.set_logo(db, LOGO, "image/png")
        # Demo agreements carry no frozen PDF: sign one here, with its PDF laid out and a scan.
        first = db.scalars(select(Client.id).order_by(Client.id)).first()
        assert first is not None
        draft = agreement_documents.draft_agreement(db, factories.engagement(db, first), TODAY)
        agreement_documents.sign_agreement(
            db,
            draft.id,
            client_signed_on=TODAY,
            coach_signed_on=TODAY,
            method=SigningMethod.SCAN,
            on=TODAY,
            scan=SCAN,
            scan_name="signed page.pdf",
            scan_mime="application/pdf",
        )
        agreements.create_template(db, "Mentoring – Zoë's own", "Between {coach_name} and us.")
        db.add(PracticeSetting(key="reminder_days", value="3"))
        amara = factories.client(db, "Amara Okafor")
        held = factories.session(
            db,
            amara,
            factories.at(5),
            shared_notes=f"We talked about {SHARED_MARKER}.",
            private_notes=f"My own reading: {PRIVATE_MARKER}.",
        )
        notes.save_draft(db, held, f"draft with {PRIVATE_MARKER}")
        _bill(db, amara, held)
        record_access_request(db, amara, date(2026, 11, 20), "by email")


def _bill(db: Session, client_id: int, session_id: int) -> None:
    """An issued invoice with a frozen PDF and a payment, and a credit note of another."""
    lines = [
        LineFields("Session", Decimal(1), Decimal("150.00"), Decimal(19), session_id),
        LineFields("Workbook", Decimal(1), Decimal("20.00"), Decimal(7)),
    ]
    paid = invoices.create_draft(db, InvoiceFields(client_id, lines=lines))
    invoices.issue_invoice(db, paid, TODAY, render=lambda doc: b"%PDF-1.7 " + doc.number.encode())
    add_payment(db, PaymentFields(paid, Decimal("100.00"), TODAY, reference="TX-1"))
    wrong = invoices.create_draft(db, InvoiceFields(client_id, lines=lines[1:]))
    invoices.issue_invoice(db, wrong, TODAY, render=lambda doc: b"%PDF-1.7")
    invoices.credit_invoice(db, wrong, TODAY, reason="Twice", render=lambda doc: b"%PDF-1.7")


def new_vault(folder: Path) -> Vault:
    return vault.create(folder, PASSPHRASE, kdf=FAST_KDF).vault


def user_tables(engine: Engine) -> list[str]:
    """Every table with practice data; FTS5 keeps its index in shadow tables named
    ``search_index_*``, compared through the ``search_index`` table itself."""
    with engine.connect() as conn:
        return list(
            conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                "AND name != 'alembic_version' AND name NOT LIKE 'search_index_%' ORDER BY name"
            ).scalars()
        )


def raw_rows(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every stored value of every table (the search index included) as SQLite holds it, in a
    fixed order: equal means the vault was restored exactly."""
    found = {}
    with engine.connect() as conn:
        for name in user_tables(engine):
            if name in KEYED_BY_TEXT:
                width = len(conn.exec_driver_sql(f'SELECT * FROM "{name}" LIMIT 0').keys())
                order = ", ".join(str(n) for n in range(1, width + 1))
                query = f'SELECT * FROM "{name}" ORDER BY {order}'
            else:
                query = f'SELECT rowid, * FROM "{name}" ORDER BY rowid'
            found[name] = [tuple(r) for r in conn.exec_driver_sql(query)]
    return found


def fts_intact(engine: Engine) -> None:
    """FTS5's own check that its index matches its content; raises when it does not."""
    with engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO search_index (search_index) VALUES ('integrity-check')")


# Tables whose rowid is not their key: it depends on insertion order, never shown or exported.
KEYED_BY_TEXT = frozenset({"client_tag", "practice_setting", "note_draft", "invoice_number_series"})
