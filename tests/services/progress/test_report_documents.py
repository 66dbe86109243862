"""Documents built from a real practice: the facts arrive, private notes never do."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from coachdesk.errors import ValidationError
from coachdesk.model import FeeModel, NoteTemplate, SessionStatus, SigningMethod, SponsorSharing
from coachdesk.services.agreements import agreements
from coachdesk.services.agreements.documents import agreement_pdf, draft_agreement
from coachdesk.services.people import profile, sponsors
from coachdesk.services.people.profile import ProfileFields
from coachdesk.services.people.sponsors import SponsorFields
from coachdesk.services.progress import goals
from coachdesk.services.progress.reports import (
    progress_report_data,
    progress_report_pdf,
    report_sponsor,
    session_summary_pdf,
)
from coachdesk.services.sessions import notes, sessions
from coachdesk.services.sessions.note_format import compose
from coachdesk.services.sessions.notes import NewAction, NotesInput
from tests.documents.pdfcheck import assert_well_formed, text
from tests.services.factories import at, client, engagement, session

PRIVATE = "PRIVATE-NOTE-MARKER"
SHARED = "SHARED-NOTE-MARKER"
NAME = "Zoë Łukasiewicz-Дмитриева"


@pytest.fixture
def practice(db: Session) -> dict[str, int]:
    """A sponsored client with three rated sessions, notes and action items."""
    profile.update_profile(
        db, ProfileFields(name="Amélie Laurent", credentials="ICF PCC", time_zone="Europe/Paris")
    )
    sponsor = sponsors.create_sponsor(db, SponsorFields(name="Northwind Analytics")).id
    who = client(db, NAME, sponsor_id=sponsor)
    eng = engagement(
        db,
        who,
        sponsor_id=sponsor,
        sponsor_sharing=SponsorSharing.PROGRESS,
        fee_model=FeeModel.PACKAGE,
        fee_amount=Decimal("2400.00"),
        currency="EUR",
    )
    goal = goals.create_goal(
        db, goals.GoalFields(client_id=who, title="Lead the analytics team", baseline=3, target=8)
    ).id
    ids = []
    for day, score in ((3, 4), (17, 5), (31, 7)):
        sid = session(db, who, at(day), engagement_id=eng)
        notes.record_notes(
            db,
            sid,
            NotesInput(
                agenda=f"Focus {day}",
                shared_notes=f"{SHARED} {day}",
                private_notes=f"{PRIVATE} {day}",
                new_actions=[NewAction(f"Action from day {day}", date(2026, 4, 30))],
                ratings={goal: score},
            ),
        )
        ids.append(sid)
    return {"client": who, "engagement": eng, "goal": goal, "last_session": ids[-1]}


def test_progress_report_for_the_client(db: Session, practice, tmp_path: Path) -> None:
    pdf = progress_report_pdf(
        db,
        practice["client"],
        date(2026, 3, 1),
        date(2026, 3, 31),
        coach_summary="Steady progress.",
        themes=("Delegation",),
    )
    assert_well_formed(pdf, tmp_path)
    words = text(pdf)
    assert NAME in words
    assert "Lead the analytics team" in words
    assert "3 of 8" in words
    assert "Steady progress." in words
    assert "Focus 3" in words, "the client version lists what each session was about"
    assert PRIVATE not in words


def test_progress_report_for_the_sponsor_has_no_session_content(db: Session, practice) -> None:
    words = text(
        progress_report_pdf(
            db, practice["client"], date(2026, 3, 1), date(2026, 3, 31), sponsor_version=True
        )
    )
    assert "Northwind Analytics" in words
    assert "Lead the analytics team" in words
    for secret in (PRIVATE, SHARED, "Focus 3", "Action from day"):
        assert secret not in words


def test_progress_report_period_must_be_in_order(db: Session, practice) -> None:
    with pytest.raises(ValidationError) as info:
        progress_report_pdf(db, practice["client"], date(2026, 4, 1), date(2026, 3, 1))
    assert "to" in info.value.fields


def test_session_summary_has_shared_notes_and_actions_only(db: Session, practice) -> None:
    nxt = session(db, practice["client"], at(14, month=4), engagement_id=practice["engagement"])
    words = text(session_summary_pdf(db, practice["last_session"]))
    assert f"{SHARED} 31" in words
    assert "Action from day 31" in words
    assert "Action from day 17" not in words, "only this session's actions"
    assert "Session 3 of 8" in words
    assert "14 April 2026" in words, "the next scheduled session"
    assert PRIVATE not in words
    assert nxt


def test_agreement_from_the_template_then_frozen_once_signed(db: Session, practice) -> None:
    on = date(2026, 2, 20)
    words = text(agreement_pdf(db, practice["engagement"], on))
    for fact in (NAME, "Amélie Laurent", "Northwind Analytics", "Lead the analytics team"):
        assert fact in words
    assert "2,400.00" in words
    assert PRIVATE not in words
    draft = draft_agreement(db, practice["engagement"], on).id
    signed_pdf = agreement_pdf(db, practice["engagement"], on)
    agreements.record_signing(
        db,
        draft,
        client_signed_on=on,
        coach_signed_on=on,
        sponsor_signed_on=on,
        method=SigningMethod.PAPER,
        pdf=signed_pdf,
    )
    profile.update_profile(db, ProfileFields(name="Renamed Coach", time_zone="Europe/Paris"))
    assert agreement_pdf(db, practice["engagement"], date(2027, 1, 1)) == signed_pdf


def test_report_counts_attendance_up_to_the_end_of_the_period(db: Session, practice) -> None:
    late = session(db, practice["client"], at(10), engagement_id=practice["engagement"])
    sessions.set_status(db, late, SessionStatus.LATE_CANCEL)
    session(db, practice["client"], at(14, month=4), engagement_id=practice["engagement"])
    data = progress_report_data(db, practice["client"], date(2026, 3, 1), date(2026, 3, 31))
    facts = data.engagement
    assert (facts.held, facts.planned, facts.late_cancels, facts.cancelled) == (3, 8, 1, 0)
    assert [line.status for line in data.sessions] == [
        "completed",
        "late_cancel",
        "completed",
        "completed",
    ]
    assert data.goals[0].latest == 7
    assert [score for _, score in data.goals[0].ratings] == [4, 5, 7]


def test_no_sponsor_version_without_recorded_consent(db: Session, practice) -> None:
    """A sponsor known only from the client record has no consent on any engagement."""
    sponsor = sponsors.create_sponsor(db, SponsorFields(name="Contoso")).id
    who = client(db, "Ines Duarte", sponsor_id=sponsor)
    engagement(db, who)  # consent left at its default: nothing
    with pytest.raises(ValidationError, match="has not agreed to share anything with Contoso"):
        progress_report_pdf(db, who, date(2026, 3, 1), date(2026, 3, 31), sponsor_version=True)


def test_no_sponsor_version_without_a_sponsor(db: Session, practice) -> None:
    unsponsored = client(db, "Sam Reed")
    engagement(db, unsponsored)
    assert report_sponsor(db, unsponsored, date(2026, 3, 31)) is None
    assert report_sponsor(db, practice["client"], date(2026, 3, 31)) == "Northwind Analytics"
    with pytest.raises(ValidationError, match="Sam Reed has no sponsor"):
        progress_report_pdf(
            db, unsponsored, date(2026, 3, 1), date(2026, 3, 31), sponsor_version=True
        )


def test_each_session_is_summed_up_by_its_agenda_or_its_notes_first_sentence(db: Session) -> None:
    who = client(db, "Ines Duarte")
    grow = compose(
        NoteTemplate.GROW,
        ["We returned to the board review. It went well.", "Noticed the old habit.", "", ""],
    )
    for day, agenda, shared in ((3, "Delegating the budget", grow), (10, "", grow), (17, "", "")):
        sid = session(db, who, at(day))
        notes.record_notes(db, sid, NotesInput(agenda=agenda, shared_notes=shared))
    data = progress_report_data(db, who, date(2026, 3, 1), date(2026, 3, 31))
    assert [line.focus for line in data.sessions] == [
        "Delegating the budget",
        "We returned to the board review.",
        "",
    ]
    assert "Goal" not in text(progress_report_pdf(db, who, date(2026, 3, 1), date(2026, 3, 31)))


def test_sponsor_data_carries_no_session_content(db: Session, practice) -> None:
    data = progress_report_data(
        db,
        practice["client"],
        date(2026, 3, 1),
        date(2026, 3, 31),
        sponsor_version=True,
        themes=("Delegation",),
    )
    assert data.open_actions == ()
    assert data.themes == ()
    assert all(line.focus == "" for line in data.sessions)
