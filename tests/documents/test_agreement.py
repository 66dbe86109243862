"""The coaching agreement, read back from its PDF."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from coachdesk.documents.agreement import render_agreement
from coachdesk.documents.agreement_text import default_template
from coachdesk.documents.data import Letterhead
from coachdesk.errors import ValidationError
from tests.documents import samples
from tests.documents.pdfcheck import assert_well_formed, reader, text

HEADINGS = [
    "The parties",
    "What coaching is, and what it is not",
    "Roles and responsibilities",
    "Objectives",
    "Logistics",
    "Fees and payment",
    "Cancellation and rescheduling",
    "Confidentiality and its limits",
    "Reporting to the sponsor",
    "Records",
    "Communication between sessions",
    "Ending the engagement",
    "Signatures",
]


@pytest.fixture(scope="module")
def sponsored_pdf() -> bytes:
    return render_agreement(samples.agreement(), default_template())


def test_the_facts_and_every_section_are_printed(sponsored_pdf: bytes) -> None:
    out = text(sponsored_pdf)
    for fact in [
        "Coaching agreement",
        samples.CLIENT,
        "Amélie Laurent",
        "ICF PCC",
        "Northwind Analytics GmbH",
        "1 September 2026 to 28 February 2027",
        "Agreement dated 20 August 2026",
        "Number of sessions: 12",
        "75 minutes",
        "every two weeks",
        "€4,800.00 (for the whole engagement)",
        "48 hours' notice",
        "Lead the new analytics team with confidence (by 15 December 2026)",
        "Delegate sooner and more",
        "not therapy or counselling",
        "attendance and a mid-point progress summary.",
        "Records are kept for three years",
        "Page 1 of",
        "CONFIDENTIAL",
    ]:
        assert fact in out, fact
    for heading in HEADINGS:
        assert heading in out, heading
    assert out.count("Signature") >= 3  # client, coach and sponsor blocks


def test_a_name_in_three_scripts_is_extracted_exactly(sponsored_pdf: bytes) -> None:
    assert "Zoë Łukasiewicz-Дмитриева" in text(sponsored_pdf)


def test_fonts_are_embedded_and_qpdf_is_happy(sponsored_pdf: bytes, tmp_path: Path) -> None:
    assert_well_formed(sponsored_pdf, tmp_path)


def test_metadata(sponsored_pdf: bytes) -> None:
    meta = reader(sponsored_pdf).metadata
    assert meta is not None
    assert meta.author == "Amélie Laurent"
    assert meta.creator == "CoachDesk"
    assert meta.producer == "CoachDesk"
    assert meta.title == f"Leadership transition programme – {samples.CLIENT}"


def test_without_a_sponsor_there_is_no_sponsor_section_or_signature() -> None:
    out = text(render_agreement(samples.agreement(sponsor_name=None), default_template()))
    assert "Reporting to the sponsor" not in out
    assert "SPONSOR" not in out
    assert "Northwind Analytics GmbH" not in out
    assert out.count("Signature") == 2 + out.count("Signatures")


def test_unknown_placeholder_is_refused_with_its_name() -> None:
    with pytest.raises(ValidationError, match=r"\{\{ client_shoe_size \}\}"):
        render_agreement(samples.agreement(), default_template() + "\n{{ client_shoe_size }}\n")


def test_markup_characters_print_literally() -> None:
    data = samples.agreement(client_name="<b>&amp; Co", payment_terms="Net 30 <i>days</i> & more")
    out = text(
        render_agreement(data, "# Agreement\nFor {{ client_name }}: {{ payment_terms }} <u>x</u>")
    )
    assert "For <b>&amp; Co: Net 30 <i>days</i> & more <u>x</u>" in out


def test_mentoring_variant() -> None:
    data = samples.agreement(engagement_kind="mentoring", sponsor_name=None, fee_model="pro_bono")
    out = text(render_agreement(data, default_template("mentoring")))
    assert "Mentoring agreement" in out
    assert "Mentee: " + samples.CLIENT in out
    assert "No fee (pro bono)" in out


def test_letter_paper_and_a_logo(tmp_path: Path) -> None:
    logo = io.BytesIO()
    Image.new("RGB", (240, 80), (15, 92, 99)).save(logo, format="PNG")
    letterhead = Letterhead(coach_name="Amélie Laurent", paper_size="Letter", logo=logo.getvalue())
    pdf = render_agreement(samples.agreement(letterhead=letterhead), default_template())
    box = reader(pdf).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    assert_well_formed(pdf, tmp_path)


def test_a_damaged_logo_is_left_out_rather_than_failing() -> None:
    letterhead = Letterhead(coach_name="Amélie Laurent", logo=b"\x89PNG not really")
    pdf = render_agreement(samples.agreement(letterhead=letterhead), default_template())
    assert "Amélie Laurent" in text(pdf)
