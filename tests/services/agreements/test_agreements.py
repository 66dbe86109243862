"""Agreements: drafts change, signed ones never do, and a new version takes over once signed."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import sqlalchemy.exc
from sqlalchemy import text
from sqlalchemy.orm import Session

from coachdesk.errors import ValidationError
from coachdesk.model import AgreementStatus, EngagementKind, SigningMethod
from coachdesk.services.agreements import agreements
from coachdesk.services.people import profile, sponsors
from coachdesk.services.people.sponsors import SponsorFields
from coachdesk.vault import Vault
from tests.services.factories import client, engagement

A = AgreementStatus
PDF = b"%PDF-1.7 signed"


def sign(db: Session, agreement_id: int, **values: object) -> None:
    agreements.record_signing(
        db,
        agreement_id,
        client_signed_on=values.pop("client_signed_on", date(2026, 3, 3)),
        coach_signed_on=values.pop("coach_signed_on", date(2026, 3, 4)),
        method=values.pop("method", SigningMethod.TYPED),
        pdf=values.pop("pdf", PDF),
        **values,  # type: ignore[arg-type]
    )


def test_templates_bump_their_version_when_the_text_changes(db: Session) -> None:
    t = agreements.create_template(db, "Coaching agreement", "Dear {client_name}").id
    agreements.update_template(
        db, t, "Coaching (2026)", "Dear {client_name}", EngagementKind.COACHING
    )
    assert agreements.get_template(db, t).version == 1
    agreements.update_template(
        db, t, "Coaching (2026)", "Hello {client_name}", EngagementKind.MENTORING
    )
    assert [(r.name, r.kind, r.version) for r in agreements.list_templates(db)] == [
        ("Coaching (2026)", EngagementKind.MENTORING, 2)
    ]
    with pytest.raises(ValidationError) as info:
        agreements.create_template(db, "", "")
    assert set(info.value.fields) == {"name", "body"}


def test_draft_records_its_template_and_is_numbered(db: Session) -> None:
    e = engagement(db, client(db))
    t = agreements.create_template(db, "Standard", "text").id
    agreements.update_template(db, t, "Standard", "text v2", EngagementKind.COACHING)
    first = agreements.create_agreement(db, e, "Agreement", "Rendered", template_id=t).id
    a = agreements.get_agreement(db, first)
    assert (a.version, a.template_id, a.template_version, a.status) == (1, t, 2, A.DRAFT)
    agreements.mark_sent(db, first, date(2026, 3, 1))
    second = agreements.create_agreement(db, e, "Agreement", "Rendered again").id
    assert agreements.get_agreement(db, second).version == 2
    with pytest.raises(ValidationError) as info:
        agreements.create_agreement(db, engagement(db, client(db, "Zoë Martin")), " ", "")
    assert set(info.value.fields) == {"title", "body"}


def test_draft_text_changes_until_sent(db: Session) -> None:
    e = engagement(db, client(db))
    a = agreements.create_agreement(db, e, "Agreement", "v1").id
    agreements.update_draft_text(db, a, "Agreement", "v1, corrected")
    agreements.mark_sent(db, a, date(2026, 3, 1))
    row = agreements.list_agreements(db, e)[0]
    assert (row.status, row.sent_on) == (A.SENT, date(2026, 3, 1))
    with pytest.raises(ValidationError) as info:
        agreements.update_draft_text(db, a, "Agreement", "sneaky edit")
    assert "body" in info.value.fields
    with pytest.raises(ValidationError):
        agreements.mark_sent(db, a, date(2026, 3, 2))


def test_an_agreement_is_sent_on_the_day_given_never_after_today(db: Session) -> None:
    e = engagement(db, client(db))
    a = agreements.create_agreement(db, e, "Agreement", "text").id
    today = profile.coach_today(db)
    with pytest.raises(ValidationError) as info:
        agreements.mark_sent(db, a, today + timedelta(days=1))
    assert set(info.value.fields) == {"sent_on"}
    assert agreements.get_agreement(db, a).status is A.DRAFT
    agreements.mark_sent(db, a, today - timedelta(days=4))
    assert agreements.get_agreement(db, a).sent_on == today - timedelta(days=4)


def test_signing_needs_dates_pdf_and_sponsor_date_when_sponsored(db: Session) -> None:
    acme = sponsors.create_sponsor(db, SponsorFields(name="Acme")).id
    e = engagement(db, client(db), sponsor_id=acme)
    a = agreements.create_agreement(db, e, "Agreement", "text").id
    with pytest.raises(ValidationError) as info:
        sign(db, a, client_signed_on=None, coach_signed_on=None, pdf=b"", method=SigningMethod.SCAN)
    assert set(info.value.fields) == {
        "client_signed_on",
        "coach_signed_on",
        "sponsor_signed_on",
        "pdf",
        "scan",
    }
    assert agreements.get_agreement(db, a).status == A.DRAFT
    sign(
        db,
        a,
        sponsor_signed_on=date(2026, 3, 5),
        method=SigningMethod.SCAN,
        scan=b"scan",
        scan_name="signed.jpg",
        scan_mime="image/jpeg",
    )
    row = agreements.list_agreements(db, e)[0]
    assert (row.status, row.sponsor_signed_on, row.signing_method, row.has_scan) == (
        A.SIGNED,
        date(2026, 3, 5),
        SigningMethod.SCAN,
        True,
    )
    assert agreements.get_agreement(db, a).pdf == PDF


def test_a_signed_agreement_is_frozen(db: Session) -> None:
    e = engagement(db, client(db))
    a = agreements.create_agreement(db, e, "Agreement", "what we agreed").id
    sign(db, a)
    with pytest.raises(ValidationError) as info:
        agreements.update_draft_text(db, a, "Agreement", "rewritten history")
    assert "body" in info.value.fields
    with pytest.raises(ValidationError) as info:
        sign(db, a, pdf=b"%PDF another")
    assert "body" in info.value.fields
    assert agreements.get_agreement(db, a).body == "what we agreed"
    # A scan can still arrive later: it is not part of the frozen text.
    agreements.attach_scan(db, a, b"paper copy", "copy.pdf", "application/pdf")


def test_the_vault_itself_refuses_to_change_a_signed_agreement(open_vault: Vault) -> None:
    with open_vault.session() as db, db.begin():
        a = agreements.create_agreement(db, engagement(db, client(db)), "A", "original").id
        sign(db, a)
    changes = {"body": "x", "title": "x", "pdf": "x", "status": "draft"}  # not even to draft
    for column, value in changes.items():
        with (
            pytest.raises(sqlalchemy.exc.IntegrityError, match="frozen"),
            open_vault.engine.begin() as conn,
        ):
            conn.execute(
                text(f"UPDATE agreement SET {column} = :v WHERE id = :id"), {"id": a, "v": value}
            )
    with open_vault.session() as db:
        assert agreements.get_agreement(db, a).body == "original"


def test_new_version_supersedes_the_old_once_signed(db: Session) -> None:
    e = engagement(db, client(db))
    old = agreements.create_agreement(db, e, "Agreement", "first terms").id
    with pytest.raises(ValidationError) as info:
        agreements.new_version(db, old)
    assert "status" in info.value.fields
    sign(db, old)
    new = agreements.new_version(db, old).id
    draft = agreements.get_agreement(db, new)
    assert (draft.version, draft.body, draft.supersedes_id, draft.status) == (
        2,
        "first terms",
        old,
        A.DRAFT,
    )
    assert agreements.get_agreement(db, old).status == A.SIGNED
    agreements.update_draft_text(db, new, "Agreement", "extended to twelve sessions")
    sign(db, new, client_signed_on=date(2026, 5, 1))
    assert [(r.version, r.status) for r in agreements.list_agreements(db, e)] == [
        (2, A.SIGNED),
        (1, A.SUPERSEDED),
    ]
    with pytest.raises(ValidationError) as info:
        agreements.update_draft_text(db, old, "Agreement", "edit superseded")
    assert "body" in info.value.fields
    assert agreements.get_agreement(db, old).body == "first terms"


def test_one_draft_at_a_time_and_a_new_draft_replaces_the_agreement_in_force(db: Session) -> None:
    e = engagement(db, client(db))
    first = agreements.create_agreement(db, e, "Agreement", "first terms").id
    with pytest.raises(ValidationError) as info:
        agreements.create_agreement(db, e, "Agreement", "a second draft")
    assert info.value.fields == {
        "engagement": "This engagement already has a draft agreement (version 1): edit that one."
    }
    assert agreements.open_drafts(db) == {e: 1}
    sign(db, first)
    second = agreements.create_agreement(db, e, "Agreement", "new terms").id
    assert agreements.get_agreement(db, second).supersedes_id == first
    assert agreements.get_agreement(db, first).status is A.SIGNED  # in force until replaced
    with pytest.raises(ValidationError) as info:
        agreements.new_version(db, first)  # nor a second draft through "New version"
    assert "version 2" in info.value.fields["engagement"]
    sign(db, second)
    assert [(r.version, r.status) for r in agreements.list_agreements(db, e)] == [
        (2, A.SIGNED),
        (1, A.SUPERSEDED),
    ]
    assert agreements.open_drafts(db) == {}
