"""The access pack's PDF from plain data alone: a well-formed file, the letter's facts, every
section (an empty one says so), an agreement's markup laid out, and the private-notes wording."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from coachdesk.documents.access_pack import render_access_pack
from coachdesk.documents.access_pack_data import AccessPackData, PackEntry, PackSection
from coachdesk.documents.data import Letterhead
from tests.documents.pdfcheck import assert_well_formed, page_count, text


def pack(**values: object) -> AccessPackData:
    base: dict[str, object] = {
        "letterhead": Letterhead(coach_name="Amélie Laurent", email="amelie@example.org"),
        "client_name": "Zoë Okafor",
        "client_address": "3 Quay Street\nGalway",
        "letter_date": date(2026, 12, 4),
        "received_on": date(2026, 11, 20),
        "retention_years": 1,
        "private_note_count": 0,
        "private_notes_included": False,
        "sections": (
            PackSection(
                "Agreements",
                (
                    PackEntry(
                        "Coaching agreement, version 1",
                        (("Status", "Signed"),),
                        "# Coaching agreement\n\n## The parties\n\n- Client: Zoë Okafor\n",
                        markup=True,
                    ),
                ),
            ),
            PackSection("Invoices", (), "No invoices."),
        ),
    }
    return AccessPackData(**{**base, **values})  # type: ignore[arg-type]


def test_the_pack_is_well_formed_and_says_what_it_holds(tmp_path: Path) -> None:
    pdf = render_access_pack(pack())
    assert page_count(pdf) == 2
    read = text(pdf)
    assert "You asked on 20 November 2026" in read
    assert "I keep your records for 1 year after our last engagement ends." in read
    assert "I keep no private working notes about you." in read
    assert "• Agreements" in read
    assert "• Invoices" not in read, "an empty section is not listed as enclosed"
    assert "No invoices." in read
    assert "The parties" in read
    assert "## The parties" not in read
    assert_well_formed(pdf, tmp_path)


@pytest.mark.parametrize(
    ("count", "included", "wording"),
    [
        (1, False, "I also keep private working notes of 1 session,"),
        (3, False, "I also keep private working notes of 3 sessions,"),
        (3, True, "My private working notes of 3 sessions are included in this pack."),
    ],
)
def test_the_letter_says_whether_private_notes_are_in(
    count: int, included: bool, wording: str, tmp_path: Path
) -> None:
    pdf = render_access_pack(pack(private_note_count=count, private_notes_included=included))
    assert wording in text(pdf)
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils is not installed")
    source = tmp_path / "pack.pdf"
    source.write_bytes(pdf)
    out = subprocess.run(["pdftotext", str(source), "-"], capture_output=True, check=True)
    assert wording in re.sub(r"\s+", " ", out.stdout.decode("utf-8"))
