"""The practice-wide agreement list, one agreement's own PDF, signing with a frozen PDF, scans."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy.orm import Session

from coachdesk.errors import ValidationError
from coachdesk.model import AgreementStatus, EngagementStatus, SigningMethod
from coachdesk.services.agreements import agreements
from coachdesk.services.agreements import documents as agreement_documents
from coachdesk.services.agreements import listing as agreement_list
from coachdesk.services.engagements import engagements
from coachdesk.services.engagements import usage as engagement_usage
from coachdesk.services.engagements.engagements import EngagementFields, EngagementUsage
from tests.documents.pdfcheck import text
from tests.services.factories import client, engagement

A = AgreementStatus
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40


def drafted(db: Session, name: str = "Amara Okafor") -> tuple[int, int]:
    e = engagement(db, client(db, name))
    return e, agreement_documents.draft_agreement(db, e, date(2026, 3, 1)).id


def test_list_spans_clients_puts_what_needs_doing_first(db: Session) -> None:
    _e1, signed = drafted(db, "Amara Okafor")
    agreement_documents.sign_agreement(
        db,
        signed,
        client_signed_on=date(2026, 3, 1),
        coach_signed_on=date(2026, 3, 1),
        method=SigningMethod.PAPER,
        on=date(2026, 3, 1),
    )
    _e2, long_wait = drafted(db, "Łukasz Nowak")
    _e3, draft = drafted(db, "Zoë Martin")
    _e4, short_wait = drafted(db, "Дмитрий Орлов")
    agreements.mark_sent(db, long_wait, date(2026, 3, 2))
    agreements.mark_sent(db, short_wait, date(2026, 3, 10))
    rows = agreement_list.list_all_agreements(db, today=date(2026, 3, 12))
    assert [(r.id, r.client_name, r.status, r.days_waiting) for r in rows] == [
        (long_wait, "Łukasz Nowak", A.SENT, 10),
        (short_wait, "Дмитрий Орлов", A.SENT, 2),
        (draft, "Zoë Martin", A.DRAFT, None),
        (signed, "Amara Okafor", A.SIGNED, None),
    ]
    assert rows[-1].signed_on == date(2026, 3, 1)
    assert rows[0].engagement_title == "Leadership programme"


def test_agreement_pdf_is_rendered_from_its_own_edited_text(db: Session) -> None:
    _e, a = drafted(db)
    view = agreement_list.agreement_view(db, a)
    edited = view.body + "\n## Parking\n\nFree parking for Amara behind the building.\n"
    agreements.update_draft_text(db, a, "Agreement with Amara", edited)
    pdf = agreement_documents.agreement_document(db, a, date(2026, 3, 1))
    assert "Free parking for Amara" in text(pdf)
    assert "Amara Okafor" in text(pdf)


def test_signing_freezes_the_pdf_of_the_text_signed(db: Session) -> None:
    _e, a = drafted(db)
    agreement_documents.sign_agreement(
        db,
        a,
        client_signed_on=date(2026, 3, 3),
        coach_signed_on=date(2026, 3, 3),
        method=SigningMethod.SCAN,
        on=date(2026, 3, 3),
        scan=PNG,
        scan_name="signed.png",
        scan_mime="image/png",
    )
    frozen = agreement_documents.agreement_document(db, a, date(2026, 3, 3))
    assert frozen == agreement_documents.agreement_document(db, a, date(2027, 1, 1))
    assert agreement_list.get_scan(db, a) == agreement_list.Scan(PNG, "signed.png", "image/png")
    assert agreement_list.agreement_view(db, a).frozen


def test_new_version_points_back_and_the_old_one_is_superseded_once_signed(db: Session) -> None:
    _e, a = drafted(db)
    agreements.mark_sent(db, a, date(2026, 3, 2))
    b = agreements.new_version(db, a).id
    assert agreement_list.agreement_view(db, a).superseded_by == b
    agreement_documents.sign_agreement(
        db,
        b,
        client_signed_on=date(2026, 3, 5),
        coach_signed_on=date(2026, 3, 5),
        method=SigningMethod.TYPED,
        on=date(2026, 3, 5),
    )
    assert agreement_list.agreement_view(db, a).status is A.SUPERSEDED
    assert agreement_list.agreement_view(db, b).version == 2


def test_drafting_again_withdraws_a_sent_agreement_and_refuses_a_second_draft(
    db: Session,
) -> None:
    e, first = drafted(db)
    with pytest.raises(ValidationError) as info:
        agreement_documents.draft_agreement(db, e, date(2026, 3, 2))
    assert info.value.fields["engagement"] == (
        "This engagement already has a draft agreement (version 1): edit that one."
    )
    agreements.mark_sent(db, first, date(2026, 3, 2))
    second = agreement_documents.draft_agreement(db, e, date(2026, 3, 3)).id
    assert agreement_list.agreement_view(db, first).status is A.SUPERSEDED
    assert agreement_list.agreement_view(db, first).superseded_by == second
    with pytest.raises(ValidationError) as info:
        agreement_documents.sign_agreement(
            db,
            first,
            client_signed_on=date(2026, 3, 5),
            coach_signed_on=date(2026, 3, 5),
            method=SigningMethod.TYPED,
            on=date(2026, 3, 5),
        )
    assert "replaced by a newer one" in info.value.fields["body"]
    view = agreement_list.agreement_view(db, second)
    assert (view.version, view.status) == (2, A.DRAFT)


def test_scan_type_comes_from_the_bytes() -> None:
    assert agreement_list.scan_mime("a.pdf", b"%PDF-1.7 ...") == "application/pdf"
    assert agreement_list.scan_mime("photo", b"\xff\xd8\xff\xe0") == "image/jpeg"
    with pytest.raises(ValidationError) as info:
        agreement_list.scan_mime("notes.txt", b"hello")
    assert "notes.txt" in info.value.fields["scan"]


def test_clauses_report_missing_sections() -> None:
    checked = dict(agreement_list.clauses("## Fees\n\nx\n", sponsored=False))
    assert checked["Fees and payment"] is True
    assert checked["Confidentiality and its limits"] is False


def test_clauses_read_headings_in_the_agreement_language() -> None:
    body = "## Honorar und Zahlung\n\n## Vertraulichkeit und ihre Grenzen\n"
    for language in ("de", None):
        checked = dict(agreement_list.clauses(body, sponsored=False, language=language))
        assert checked["Confidentiality and its limits"] is True
        assert checked["Records"] is False
    english = dict(agreement_list.clauses(body, sponsored=False, language="en"))
    assert english["Confidentiality and its limits"] is False


def test_field_problems_match_the_service(db: Session) -> None:
    data = EngagementFields(client_id=client(db), title="", start_date=None)
    problems = engagements.field_problems(data)
    with pytest.raises(ValidationError) as info:
        engagements.create_engagement(db, data)
    assert problems == info.value.fields
    assert set(problems) == {"title", "start_date"}


def test_usage_words_and_warnings() -> None:
    use = EngagementUsage(
        held=4,
        planned=8,
        remaining=3,
        scheduled=1,
        cancelled=0,
        late_cancelled=1,
        no_shows=0,
        next_sequence=7,
    )
    assert engagement_usage.usage_words(use).startswith("Next: session 6 of 8")
    assert engagement_usage.usage_warnings(
        use, EngagementStatus.ACTIVE, date(2026, 3, 20), date(2026, 3, 10)
    ) == ["The engagement ends in 10 days."]
    ending = {
        days: engagement_usage.usage_warnings(
            use,
            EngagementStatus.ACTIVE,
            date(2026, 3, 10) + timedelta(days=days),
            date(2026, 3, 10),
        )
        for days in (0, 1, 2)
    }
    assert ending == {
        0: ["The engagement ends today."],
        1: ["The engagement ends in 1 day."],
        2: ["The engagement ends in 2 days."],
    }
    spent = EngagementUsage(8, 8, 0, 0, 0, 0, 0, 9)
    assert engagement_usage.usage_words(spent).startswith("All 8 planned sessions used")
    assert (
        len(engagement_usage.usage_warnings(spent, EngagementStatus.ACTIVE, None, date.today()))
        == 1
    )
    assert (
        engagement_usage.usage_warnings(spent, EngagementStatus.COMPLETED, None, date.today()) == []
    )


def test_a_new_version_of_a_sent_agreement_withdraws_it_at_once(db: Session) -> None:
    _e, a = drafted(db)
    agreements.mark_sent(db, a, date(2026, 3, 2))
    b = agreements.new_version(db, a).id
    assert agreement_list.agreement_view(db, a).status is A.SUPERSEDED
    with pytest.raises(ValidationError) as info:
        agreement_documents.sign_agreement(
            db,
            a,
            client_signed_on=date(2026, 3, 5),
            coach_signed_on=date(2026, 3, 5),
            method=SigningMethod.TYPED,
            on=date(2026, 3, 5),
        )
    assert "replaced by a newer one" in info.value.fields["body"]
    assert agreement_list.agreement_view(db, b).status is A.DRAFT
