"""The frozen PDF of a signed agreement carries its signing record: who signed, when and how."""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path

from sqlalchemy.orm import Session

from coachdesk.model import SigningMethod
from coachdesk.services.agreements import agreements, documents
from coachdesk.services.people import profile, sponsors
from coachdesk.services.people.profile import ProfileFields
from coachdesk.services.people.sponsors import SponsorFields
from tests.documents.pdfcheck import text
from tests.services.factories import client, engagement

TODAY = date(2026, 3, 10)


def pdftotext(pdf: bytes, tmp_path: Path) -> str:
    """Poppler's reading of the PDF, whitespace collapsed: a second reader besides pypdf."""
    source = tmp_path / "agreement.pdf"
    source.write_bytes(pdf)
    out = subprocess.run(["pdftotext", str(source), "-"], capture_output=True, check=True)
    return re.sub(r"\s+", " ", out.stdout.decode("utf-8"))


def test_the_frozen_pdf_says_who_signed_when_and_how(db: Session, tmp_path: Path) -> None:
    profile.update_profile(db, ProfileFields(name="Amélie Laurent", time_zone="Europe/Paris"))
    acme = sponsors.create_sponsor(db, SponsorFields(name="Acme Ltd", contact_name="Jana Horak"))
    e = engagement(db, client(db, "Zoë Okafor"), sponsor_id=acme.id)
    draft = documents.draft_agreement(db, e, TODAY).id
    unsigned = documents.agreement_document(db, draft, TODAY)
    agreements.mark_sent(db, draft, date(2026, 3, 2))
    documents.sign_agreement(
        db,
        draft,
        client_signed_on=date(2026, 3, 4),
        coach_signed_on=date(2026, 3, 5),
        sponsor_signed_on=date(2026, 3, 6),
        method=SigningMethod.SCAN,
        on=TODAY,
        scan=b"%PDF-1.4 scan",
        scan_name="signed pages.pdf",
        scan_mime="application/pdf",
    )
    frozen = documents.agreement_document(db, draft, TODAY)
    assert "Signing record" not in text(unsigned)
    for read in (text(frozen), pdftotext(frozen, tmp_path)):
        assert "Signing record" in read
        assert "How: Signed and scanned." in read
        assert "Client: Zoë Okafor, signed on 4 March 2026." in read
        assert "Coach: Amélie Laurent, signed on 5 March 2026." in read
        assert "Sponsor: Jana Horak for Acme Ltd, signed on 6 March 2026." in read
        assert "Sent for signing on 2 March 2026." in read
        assert "signed pages.pdf" in read


def test_a_typed_signing_without_a_sponsor_names_two_signers(db: Session) -> None:
    e = engagement(db, client(db, "Bo Lindqvist"))
    draft = documents.draft_agreement(db, e, TODAY).id
    documents.sign_agreement(
        db,
        draft,
        client_signed_on=date(2026, 3, 9),
        coach_signed_on=date(2026, 3, 9),
        method=SigningMethod.TYPED,
        on=TODAY,
    )
    read = text(documents.agreement_document(db, draft, TODAY))
    assert "How: Typed names (by email)." in read
    assert "Client: Bo Lindqvist, signed on 9 March 2026." in read
    assert "Sponsor:" not in read
    assert "Sent for signing" not in read
