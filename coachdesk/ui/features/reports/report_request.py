"""What a progress report is made from, and the worker-side calls that make it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy.orm import Session

from coachdesk.services.engagements import engagements
from coachdesk.services.progress import reports as report_documents
from coachdesk.ui.features.reports.report_form import SPONSOR

DEFAULT_WEEKS = 12


@dataclass(frozen=True)
class ReportRequest:
    """Everything the report is made from: the PDF shown matches exactly one of these."""

    client_id: int
    start: date
    end: date
    audience: str  # report_form.CLIENT or SPONSOR
    coach_summary: str
    next_focus: str


def render(db: Session, request: ReportRequest) -> bytes:
    return report_documents.progress_report_pdf(
        db,
        request.client_id,
        request.start,
        request.end,
        sponsor_version=request.audience == SPONSOR,
        coach_summary=request.coach_summary,
        next_focus=request.next_focus,
    )


@dataclass(frozen=True)
class Opening:
    """What the dialog starts from for a client: the default period and the sponsor's name."""

    start: date
    end: date
    sponsor: str | None


def opening(db: Session, client_id: int, today: date) -> Opening:
    start, end = default_period(db, client_id, today)
    return Opening(start, end, report_documents.report_sponsor(db, client_id, end))


def default_period(db: Session, client_id: int, today: date) -> tuple[date, date]:
    """The latest engagement so far, up to today; else the last twelve weeks."""
    started = [r.start_date for r in engagements.list_engagements(db, client_id)]
    started = [day for day in started if day <= today]
    return (max(started) if started else today - timedelta(weeks=DEFAULT_WEEKS)), today
