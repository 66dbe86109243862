"""The coach's profile and sponsors: defaults, and the checks that keep letterheads printable."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from sqlalchemy.orm import Session

from coachdesk.errors import ValidationError
from coachdesk.model import CoachProfile
from coachdesk.services.people import profile, sponsors
from coachdesk.services.people.profile import ProfileFields
from coachdesk.services.people.sponsors import SponsorFields
from tests.services import factories

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 32


def test_profile_exists_with_defaults_on_first_use(db: Session) -> None:
    fields = profile.profile_fields(db)
    assert db.get(CoachProfile, 1) is None  # reading alone writes nothing
    assert profile.get_profile(db).default_currency == "EUR"
    assert (fields.default_currency, fields.default_session_minutes, fields.time_zone) == (
        "EUR",
        60,
        "UTC",
    )
    assert db.get(CoachProfile, 1) is not None
    assert profile.profile_fields(db) == fields


def test_profile_update_round_trips(db: Session) -> None:
    wanted = ProfileFields(
        name="Maya Lindqvist",
        email="maya@example.org",
        default_currency="SEK",
        default_session_minutes=45,
        default_fee=Decimal("1500.00"),
        time_zone="Europe/Stockholm",
    )
    profile.update_profile(db, wanted)
    assert profile.profile_fields(db) == wanted
    assert str(profile.coach_zone(db)) == "Europe/Stockholm"


def test_profile_rules_name_each_field(db: Session) -> None:
    bad = ProfileFields(
        email="maya@",
        default_currency="euro",
        default_session_minutes=10,
        default_fee=Decimal("12.345"),
        time_zone="Mars/Olympus",
        default_template_id=99,
    )
    with pytest.raises(ValidationError) as info:
        profile.update_profile(db, bad)
    assert set(info.value.fields) == {
        "email",
        "default_currency",
        "default_session_minutes",
        "default_fee",
        "time_zone",
        "default_template_id",
    }
    with pytest.raises(ValidationError) as info:
        profile.update_profile(db, replace(bad, default_fee=Decimal(-1)))
    assert "default_fee" in info.value.fields
    assert profile.profile_fields(db) == ProfileFields()


def test_logo_must_really_be_png_or_jpeg(db: Session) -> None:
    profile.set_logo(db, PNG, "image/png")
    assert (profile.get_profile(db).logo, profile.get_profile(db).logo_mime) == (PNG, "image/png")
    profile.set_logo(db, JPEG, "image/jpeg")
    for data, mime in ((PNG, "image/jpeg"), (b"GIF89a", "image/gif"), (b"<svg/>", "image/png")):
        with pytest.raises(ValidationError) as info:
            profile.set_logo(db, data, mime)
        assert "logo" in info.value.fields
    assert profile.get_profile(db).logo == JPEG
    profile.set_logo(db, None)
    assert profile.get_profile(db).logo is None


def test_sponsor_needs_a_name_and_valid_emails(db: Session) -> None:
    with pytest.raises(ValidationError) as info:
        sponsors.create_sponsor(
            db, SponsorFields(name="  ", contact_email="hr@", billing_email="x at y")
        )
    assert set(info.value.fields) == {"name", "contact_email", "billing_email"}


def test_sponsor_create_update_archive_and_list(db: Session) -> None:
    acme = sponsors.create_sponsor(db, SponsorFields(name="Acme GmbH ", contact_name="Jo")).id
    other = sponsors.create_sponsor(db, SponsorFields(name="Borealis Ltd")).id
    factories.client(db, sponsor_id=acme)
    same = sponsors.create_sponsor(db, SponsorFields(name="acme gmbh"))
    assert same.warnings == ["Another sponsor has the same name."]
    sponsors.update_sponsor(db, acme, SponsorFields(name="Acme AG", contact_email="hr@acme.test"))
    assert sponsors.sponsor_fields(db, acme).contact_email == "hr@acme.test"
    sponsors.archive_sponsor(db, other)
    rows = sponsors.list_sponsors(db)
    assert [(r.name, r.clients) for r in rows] == [("Acme AG", 1), ("acme gmbh", 0)]
    assert len(sponsors.list_sponsors(db, include_archived=True)) == 3
    with pytest.raises(ValidationError) as info:
        sponsors.get_sponsor(db, 999)
    assert "sponsor" in info.value.fields


def test_sponsor_vat_number_is_checked_by_its_country_and_stored_compact(db: Session) -> None:
    with pytest.raises(ValidationError) as info:
        sponsors.create_sponsor(db, SponsorFields(name="Acme", vat_number="DE136695977"))
    assert set(info.value.fields) == {"vat_number"}
    acme = sponsors.create_sponsor(
        db, SponsorFields(name="Acme", vat_number="de 136 695 976", purchase_order="PO-1")
    ).id
    assert sponsors.sponsor_fields(db, acme).vat_number == "DE136695976"
    assert sponsors.sponsor_fields(db, acme).purchase_order == "PO-1"
    elsewhere = sponsors.create_sponsor(db, SponsorFields(name="Umbrella", vat_number="US-12"))
    assert sponsors.sponsor_fields(db, elsewhere.id).vat_number == "US-12"


def test_sponsors_resolve_by_id_or_unique_name(db: Session) -> None:
    acme = sponsors.create_sponsor(db, SponsorFields(name="Acme GmbH")).id
    assert sponsors.resolve_sponsor(db, "ACME gmbh") == acme
    assert sponsors.resolve_sponsor(db, str(acme)) == acme
    sponsors.create_sponsor(db, SponsorFields(name="acme gmbh"))
    with pytest.raises(ValidationError, match="use the id"):
        sponsors.resolve_sponsor(db, "Acme GmbH")


def test_sponsor_overview_lists_its_clients_and_the_engagements_it_pays(db: Session) -> None:
    from coachdesk.services.overviews.sponsor import sponsor_overview

    acme = sponsors.create_sponsor(db, SponsorFields(name="Acme")).id
    zoe = factories.client(db, "Zoë Łukasz", sponsor_id=acme)
    paid = factories.engagement(db, zoe, sponsor_id=acme, title="Leadership")
    factories.engagement(db, zoe, sponsor_id=None, title="Private")
    other = factories.client(db, "Bo Chen")
    also_paid = factories.engagement(db, other, sponsor_id=acme, title="Team")
    seen = sponsor_overview(db, acme)
    assert [c.name for c in seen.clients] == ["Zoë Łukasz"]
    assert sorted(e.id for e in seen.engagements) == sorted([paid, also_paid])


def test_sponsors_sort_accents_aside(db: Session) -> None:
    for name in ("Zürich Re", "Raiffeisen", "Ålesund Kommune"):
        sponsors.create_sponsor(db, SponsorFields(name=name))
    names = [row.name for row in sponsors.list_sponsors(db)]
    assert names == ["Ålesund Kommune", "Raiffeisen", "Zürich Re"]
