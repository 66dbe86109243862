"""Mentor coaching, CCE and supervision logs: what counts, what is refused, what stays private."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy.orm import Session

from coachdesk.errors import ValidationError
from coachdesk.model import CceCategory
from coachdesk.services.credentials import cce, mentoring, supervision
from coachdesk.services.credentials.cce import CceFields
from coachdesk.services.credentials.mentoring import MentoringFields
from coachdesk.services.credentials.supervision import SupervisionFields
from coachdesk.services.people import profile


def mentor(db: Session, day: date, minutes: int, group_size: int | None = None) -> None:
    mentoring.add_mentoring(
        db,
        MentoringFields(day, "Ana Ruiz", "ana@example.org", "MCC", minutes, group_size),
    )


def test_mentoring_needs_ten_hours_three_one_to_one_over_three_months(db: Session) -> None:
    mentor(db, date(2026, 1, 5), 180)  # 3 h one-to-one
    mentor(db, date(2026, 2, 5), 480, group_size=8)  # 8 h in a group: 7 count
    mentor(db, date(2026, 3, 5), 60, group_size=12)  # a group of 12 never counts
    progress = mentoring.mentoring_progress(db)
    assert (progress.counted_hours, progress.one_to_one_hours, progress.group_hours) == (
        Decimal("10.00"),
        Decimal("3.00"),
        Decimal("7.00"),
    )
    assert not progress.met
    assert progress.missing == ["mentor coaching spread over at least three months"]
    mentor(db, date(2026, 4, 5), 30)
    assert mentoring.mentoring_progress(db).met


def test_mentoring_short_of_one_to_one_hours_says_so(db: Session) -> None:
    mentor(db, date(2026, 1, 5), 420, group_size=6)
    mentor(db, date(2026, 5, 5), 120)
    progress = mentoring.mentoring_progress(db)
    assert progress.missing == ["1.00 more hours of mentor coaching", "1.00 more one-to-one hours"]


def test_a_mentoring_entry_without_a_mentor_is_refused_by_field(db: Session) -> None:
    with pytest.raises(ValidationError) as refused:
        mentoring.add_mentoring(db, MentoringFields(None, " ", "not-an-email", "", 0))
    assert set(refused.value.fields) == {"held_on", "mentor_name", "mentor_email", "minutes"}
    assert mentoring.list_mentoring(db) == []


def test_cce_cycle_counts_units_core_and_ethics_and_keeps_the_certificate(db: Session) -> None:
    data = profile.profile_fields(db)
    data.renewal_due_on = date(2027, 6, 30)
    profile.update_profile(db, data)
    pdf = b"%PDF-1.4 certificate"
    saved = cce.add_cce(
        db,
        CceFields(
            date(2025, 3, 1),
            "ICF",
            "Ethics",
            CceCategory.CORE_COMPETENCIES,
            Decimal("3"),
            Decimal("3"),
        ),
        pdf,
        "ethics.pdf",
        "application/pdf",
    )
    cce.add_cce(
        db,
        CceFields(
            date(2026, 1, 10), "Uni", "Business", CceCategory.RESOURCE_DEVELOPMENT, Decimal("20.5")
        ),
    )
    cce.add_cce(  # before the cycle began (2024-06-30): not counted
        db, CceFields(date(2024, 6, 1), "Old", "Old course", units=Decimal("30"))
    )
    status = cce.cce_status(db)
    assert (status.cycle_start, status.units, status.core_units, status.ethics_units) == (
        date(2024, 6, 30),
        Decimal("23.5"),
        Decimal("3"),
        Decimal("3"),
    )
    assert (status.units_needed, status.core_needed, status.ethics_needed) == (
        Decimal("16.5"),
        Decimal("21"),
        Decimal("0"),
    )
    assert not status.met
    assert cce.cce_evidence(db, saved.id) == (pdf, "ethics.pdf", "application/pdf")
    assert [r.evidence_name for r in cce.list_cce(db)] == ["", "ethics.pdf", ""]


def test_cce_refuses_more_ethics_than_units_and_an_empty_certificate(db: Session) -> None:
    with pytest.raises(ValidationError) as refused:
        cce.add_cce(
            db,
            CceFields(
                date(2026, 1, 1), "ICF", "Ethics", units=Decimal("1"), ethics_units=Decimal("2")
            ),
            b"",
        )
    assert set(refused.value.fields) == {"ethics_units", "evidence"}
    assert cce.list_cce(db) == []


def test_supervision_lists_hours_but_never_the_reflection(db: Session) -> None:
    supervision.add_supervision(
        db, SupervisionFields(date(2026, 2, 1), "Bo Lind", 90, "I wanted to rescue her.")
    )
    rows = supervision.list_supervision(db)
    assert [(r.supervisor, r.hours) for r in rows] == [("Bo Lind", Decimal("1.50"))]
    assert "rescue" not in repr(rows)
    assert supervision.supervision_hours(db) == Decimal("1.50")


def test_editing_a_cce_activity_keeps_its_certificate_unless_another_is_given(
    db: Session,
) -> None:
    data = CceFields(date(2026, 2, 1), "ICF", "Ethics", units=Decimal("2"))
    saved = cce.add_cce(db, data, b"%PDF-1 old", "old.pdf", "application/pdf")
    data.title = "Ethics in practice"
    cce.update_cce(db, saved.id, data)
    assert cce.cce_evidence(db, saved.id) == (b"%PDF-1 old", "old.pdf", "application/pdf")
    assert cce.list_cce(db)[0].title == "Ethics in practice"
    cce.update_cce(db, saved.id, data, evidence=b"%PDF-1 new", evidence_name="new.pdf")
    assert cce.cce_evidence(db, saved.id)[:2] == (b"%PDF-1 new", "new.pdf")
    cce.delete_cce(db, saved.id)
    assert cce.list_cce(db) == []


def test_a_refused_edit_changes_nothing_and_names_the_field(db: Session) -> None:
    saved = mentoring.add_mentoring(db, MentoringFields(date(2026, 1, 5), "Ana Ruiz"))
    with pytest.raises(ValidationError) as refused:
        mentoring.update_mentoring(db, saved.id, MentoringFields(date(2026, 1, 5), "", "x"))
    assert set(refused.value.fields) == {"mentor_name", "mentor_email"}
    assert mentoring.mentoring_fields(db, saved.id).mentor_name == "Ana Ruiz"
    entry = supervision.add_supervision(db, SupervisionFields(date(2026, 1, 9), "Sam", 60, "ok"))
    with pytest.raises(ValidationError) as refused:
        supervision.update_supervision(db, entry.id, SupervisionFields(None, "Sam", 0))
    assert set(refused.value.fields) == {"held_on", "minutes"}
    assert supervision.supervision_fields(db, entry.id).reflection == "ok"
    supervision.delete_supervision(db, entry.id)
    mentoring.delete_mentoring(db, saved.id)
    assert supervision.list_supervision(db) == []
    assert mentoring.list_mentoring(db) == []
