"""Answers reach a progress report only where the question is ticked "include in report", and
a sponsor's version only where it is also shareable with the sponsor."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy.orm import Session

from coachdesk.model import SponsorSharing
from coachdesk.services.people import sponsors
from coachdesk.services.people.sponsors import SponsorFields
from coachdesk.services.progress.reports import progress_report_pdf
from coachdesk.services.questionnaires import answers, returns, templates
from coachdesk.services.questionnaires.shipped import EVALUATION
from tests.documents.pdfcheck import text
from tests.services.factories import client, engagement

START, END = date(2026, 3, 1), date(2026, 3, 31)


def test_report_answers_follow_the_ticks(db: Session) -> None:
    sponsor = sponsors.create_sponsor(db, SponsorFields(name="Northwind Analytics")).id
    who = client(db, "Amara Okafor", sponsor_id=sponsor)
    engagement(db, who, sponsor_id=sponsor, sponsor_sharing=SponsorSharing.PROGRESS)
    evaluation = templates.resolve_template(db, EVALUATION)
    typed = {
        "q1_scale": "8",  # in report, shareable with the sponsor
        "q2_long": "Delegation is now a habit.",  # in report, for the client only
        "q3_long": "The questions about my fears.",  # in neither
    }
    review = returns.read_typed(db, evaluation, who, typed)
    answers.store(db, review, now=datetime(2026, 3, 20, 12, tzinfo=UTC))
    for_client = text(progress_report_pdf(db, who, START, END))
    for_sponsor = text(progress_report_pdf(db, who, START, END, sponsor_version=True))
    assert "From the questionnaires" in for_client
    assert "Delegation is now a habit." in for_client
    assert "The questions about my fears." not in for_client
    assert "How much progress have you made on this goal" in for_sponsor
    assert "Delegation is now a habit." not in for_sponsor
    assert "The questions about my fears." not in for_sponsor
    outside = text(progress_report_pdf(db, who, date(2026, 4, 1), date(2026, 4, 30)))
    assert "From the questionnaires" not in outside
