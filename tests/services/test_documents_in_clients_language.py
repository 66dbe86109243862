"""A client's documents print in the client's language with that language's formats, on this
thread only: the coach's own screens stay as they are."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from coachdesk import i18n
from coachdesk.documents import agreement_text, shipped_templates
from coachdesk.formatting import format_date, format_money
from coachdesk.i18n import _
from coachdesk.paths import RESOURCES_DIR
from coachdesk.services.agreements import agreements, templates
from coachdesk.services.agreements.documents import draft_agreement
from coachdesk.services.billing import invoices
from coachdesk.services.billing.invoice_document import invoice_pdf
from coachdesk.services.billing.invoices import InvoiceFields, LineFields
from coachdesk.services.people import profile
from coachdesk.services.progress.reports import session_summary_pdf
from tests.documents.pdfcheck import text
from tests.services.factories import at, client, engagement, session
from tests.support import install_catalogue

D = Decimal
TODAY = date(2026, 3, 31)


@pytest.fixture
def german(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    install_catalogue(
        tmp_path / "locale", "de", {"Invoice": "Rechnung", "Balance due": "Offener Betrag"}
    )
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path / "locale")
    i18n._translations_for.cache_clear()
    yield
    i18n._translations_for.cache_clear()


@pytest.fixture(autouse=True)
def coach(db: Session) -> None:
    data = profile.profile_fields(db)
    data.name = "Zoë Łukasz"
    data.postal_address = "Hauptstraße 1\n10115 Berlin"
    profile.update_profile(db, data)


def poppler_text(pdf: bytes, tmp_path: Path) -> str:
    tool = shutil.which("pdftotext")
    if tool is None:
        pytest.skip("pdftotext is not installed (apt-get install poppler-utils)")
    path = tmp_path / "document.pdf"
    path.write_bytes(pdf)
    return subprocess.run([tool, str(path), "-"], capture_output=True, text=True, check=True).stdout


def issued(db: Session, client_id: int) -> bytes:
    data = InvoiceFields(client_id=client_id, lines=[LineFields("Workshop", D(2), D("150"), D(19))])
    invoice_id = invoices.create_draft(db, data)
    invoices.issue_invoice(db, invoice_id, TODAY)
    return invoice_pdf(db, invoice_id)


def test_an_invoice_prints_in_its_clients_language(
    db: Session, german: None, tmp_path: Path
) -> None:
    german_pdf = issued(db, client(db, "Jonas Weber", language="de"))
    english_pdf = issued(db, client(db, "Amara Okafor"))
    for read in (text(german_pdf), poppler_text(german_pdf, tmp_path)):
        flat = " ".join(read.split())
        assert "Rechnung" in flat
        assert "Offener Betrag" in flat
        assert "357,00 €" in flat
        assert "31. März 2026" in flat
    english = text(english_pdf)
    assert "Balance due" in english
    assert "€357.00" in english
    assert "31 March 2026" in english
    # The coach's side of the process never changed language.
    assert _("Invoice") == "Invoice"
    assert format_date(TODAY) == "31 March 2026"


def test_a_client_in_another_language_gets_the_coachs_region_when_cldr_has_it(
    db: Session, tmp_path: Path
) -> None:
    data = profile.profile_fields(db)
    data.locale = "de_CH"
    data.iban = "CH93 0076 2011 6238 5295 7"
    data.default_currency = "CHF"
    profile.update_profile(db, data)
    pdf = issued(db, client(db, "Camille Roux", language="fr"))
    flat = " ".join(poppler_text(pdf, tmp_path).split())
    assert "357,00 CHF" in flat.replace("\u202f", " ").replace("\u00a0", " ")  # fr_CH
    assert "31 mars 2026" in flat


def test_a_session_summary_says_when_in_the_clients_words(db: Session, tmp_path: Path) -> None:
    camille = client(db, "Camille Roux", language="fr")
    summary = session_summary_pdf(db, session(db, camille, at(3, 14)))
    flat = " ".join(poppler_text(summary, tmp_path).split())
    assert "mardi 3 mars 2026" in flat
    assert format_money(D(1), "EUR") == "€1.00"


def test_a_new_agreement_starts_from_the_shipped_template_in_the_clients_language(
    db: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shipped = tmp_path / "resources"
    shutil.copytree(RESOURCES_DIR / "agreements", shipped / "agreements")
    (shipped / "agreements" / "coaching_default.de.txt").write_text(
        "# Coaching-Vereinbarung\n\n"
        "Zwischen {{ coach_name }} und {{ client_name }}, ab {{ start_date }}.\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(shipped_templates, "AGREEMENTS_DIR", shipped / "agreements")
    assert agreement_text.default_template_text("coaching", "de").startswith("# Coaching-")
    assert agreement_text.default_template_text("coaching", "it") == (
        agreement_text.default_template("coaching")
    )  # no Italian file: English, nothing fails
    jonas = client(db, "Jonas Weber", language="de")
    saved = draft_agreement(db, engagement(db, jonas), TODAY)
    body = agreements.get_agreement(db, saved.id).body
    assert "Zwischen" in body
    assert "Jonas Weber" in body
    assert "1. März 2026" in body
    amara = client(db, "Amara Okafor")
    english = agreements.get_agreement(db, draft_agreement(db, engagement(db, amara), TODAY).id)
    assert "Zwischen" not in english.body


def test_the_coachs_reworded_builtin_template_is_never_replaced(
    db: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shipped = tmp_path / "resources"
    shutil.copytree(RESOURCES_DIR / "agreements", shipped / "agreements")
    (shipped / "agreements" / "coaching_default.de.txt").write_text(
        "# Coaching-Vereinbarung\n\nZwischen {{ coach_name }} und {{ client_name }}.\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(shipped_templates, "AGREEMENTS_DIR", shipped / "agreements")
    [coaching, *_others] = templates.ensure_builtin_templates(db)
    jonas = client(db, "Jonas Weber", language="de")
    first = draft_agreement(db, engagement(db, jonas), TODAY)
    assert "Zwischen" in agreements.get_agreement(db, first.id).body  # the builtin, untouched
    row = agreements.get_template(db, coaching)
    templates.save_template(
        db, coaching, row.name, "# My own words\n\n{{ client_name }}\n", row.kind
    )
    second = draft_agreement(db, engagement(db, jonas, title="Second programme"), TODAY)
    assert agreements.get_agreement(db, second.id).body.startswith("# My own words")
