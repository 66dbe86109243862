"""One client's data (their right of access): everything of theirs, nobody else's, no private
notes."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import select

from coachdesk.model import Agreement, Client, Engagement, Invoice, InvoiceLine, Payment
from coachdesk.services.exchange.archive import ArchiveUnreadable, export_practice, import_practice
from coachdesk.vault import Vault
from tests.services.archive_samples import (
    PRIVATE_MARKER,
    SCAN,
    SHARED_MARKER,
    fill_rich,
    new_vault,
)


@pytest.fixture
def rich(open_vault: Vault) -> Vault:
    fill_rich(open_vault)
    return open_vault


def export_client(v: Vault, client_id: int, dest: Path) -> dict[str, int]:
    with v.session() as db:
        return export_practice(db, dest, client_id=client_id).counts


def everything_in(path: Path) -> str:
    """All the text of every file in the ZIP, to search for what must not be there."""
    with zipfile.ZipFile(path) as zf:
        return "\n".join(zf.read(name).decode("utf-8", "replace") for name in zf.namelist())


def test_a_client_export_holds_their_record_and_no_private_notes(
    rich: Vault, tmp_path: Path
) -> None:
    with rich.session() as db:
        amara = db.scalars(select(Client.id).where(Client.display_name == "Amara Okafor")).one()
        others = db.scalars(select(Client.display_name).where(Client.id != amara)).all()
    dest = tmp_path / "amara.zip"
    counts = export_client(rich, amara, dest)
    assert counts["client"] == 1
    assert counts["coaching_session"] == 1
    text = everything_in(dest)
    assert "Amara Okafor" in text
    assert SHARED_MARKER in text
    assert PRIVATE_MARKER not in text
    assert not [name for name in others if name in text]
    with zipfile.ZipFile(dest) as zf:
        document = json.loads(zf.read("coachdesk-export.json"))
    assert document["scope"] == "client"
    assert document["client_id"] == amara
    assert "private_notes" not in document["coaching_session"][0]
    for practice_table in ("coach_profile", "agreement_template", "practice_setting", "note_draft"):
        assert practice_table not in document


def test_a_client_with_a_signed_agreement_gets_its_pdf_and_scan(
    rich: Vault, tmp_path: Path
) -> None:
    with rich.session() as db:
        client_id, client_name = db.execute(
            select(Client.id, Client.display_name)
            .join(Engagement, Engagement.client_id == Client.id)
            .join(Agreement, Agreement.engagement_id == Engagement.id)
            .where(Agreement.scan.is_not(None))
        ).one()
        others = db.scalars(select(Client.display_name).where(Client.id != client_id)).all()
    dest = tmp_path / "client.zip"
    counts = export_client(rich, client_id, dest)
    assert counts["engagement"] >= 1
    assert counts["goal"] >= 1
    assert counts["progress_rating"] >= 1
    with zipfile.ZipFile(dest) as zf:
        document = json.loads(zf.read("coachdesk-export.json"))
        files = {a["id"]: a for a in document["agreement"]}
        scanned = [a for a in files.values() if a["scan"]]
        assert [zf.read(a["scan"]["file"]) for a in scanned] == [SCAN]
        assert zf.read(scanned[0]["pdf"]["file"]).startswith(b"%PDF")
        assert sorted(zf.namelist()) == sorted(
            {"README.txt", "coachdesk-export.json"}
            | {n for n in zf.namelist() if n.startswith("csv/")}
            | {a[col]["file"] for a in files.values() for col in ("pdf", "scan") if a[col]}
        )
    text = everything_in(dest)
    assert client_name in text
    assert not [name for name in others if name in text]


def test_a_client_export_cannot_be_imported_as_a_practice(rich: Vault, tmp_path: Path) -> None:
    with rich.session() as db:
        amara = db.scalars(select(Client.id).where(Client.display_name == "Amara Okafor")).one()
    dest = tmp_path / "amara.zip"
    export_client(rich, amara, dest)
    target = new_vault(tmp_path / "new")
    try:
        with (
            target.session() as db,
            db.begin(),
            pytest.raises(ArchiveUnreadable, match="one client's data"),
        ):
            import_practice(db, dest)
    finally:
        target.close()


def test_a_client_export_holds_their_invoices_payments_and_frozen_pdfs(
    rich: Vault, tmp_path: Path
) -> None:
    with rich.session() as db:
        amara = db.scalars(select(Client.id).where(Client.display_name == "Amara Okafor")).one()
        theirs = set(db.scalars(select(Invoice.id).where(Invoice.client_id == amara)))
        lines = db.scalars(select(InvoiceLine.id).where(InvoiceLine.invoice_id.in_(theirs))).all()
        paid = db.scalars(select(Payment.id).where(Payment.invoice_id.in_(theirs))).all()
    assert len(theirs) == 3  # an invoice, a cancelled one and its credit note
    dest = tmp_path / "amara.zip"
    counts = export_client(rich, amara, dest)
    assert (counts["invoice"], counts["invoice_line"], counts["payment"]) == (3, len(lines), 1)
    with zipfile.ZipFile(dest) as zf:
        document = json.loads(zf.read("coachdesk-export.json"))
        files = set(zf.namelist())
    assert {row["id"] for row in document["invoice"]} == theirs
    assert {row["invoice_id"] for row in document["invoice_line"]} <= theirs
    assert [row["id"] for row in document["payment"]] == paid
    assert document["payment"][0]["reference"] == "TX-1"
    assert {f"files/invoice-{ident}-pdf.pdf" for ident in theirs} <= files


def test_a_client_export_says_in_plain_words_what_it_holds(rich: Vault, tmp_path: Path) -> None:
    with rich.session() as db:
        amara = db.scalars(select(Client.id).where(Client.display_name == "Amara Okafor")).one()
    dest = tmp_path / "amara.zip"
    counts = export_client(rich, amara, dest)
    with zipfile.ZipFile(dest) as zf:
        readme = zf.read("README.txt").decode()
    assert "everything your coach keeps about you" in readme
    assert "  - your contact record" in readme
    assert "  - 1 session with the notes shared with you" in readme
    assert counts["goal"] == 0
    assert "goal" not in readme
    assert "  - 1 request to see your data" in readme
    assert "Times are in UTC" in readme
    assert "private working notes" in readme
    assert "subject access pack" in readme
    assert "docs/export-format.md" not in readme
