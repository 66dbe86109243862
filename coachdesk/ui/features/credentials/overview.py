"""Everything the Credential view shows, read in one go on a worker: the figures come from the
same services as ``coachdesk icf summary``, so the view and the command never disagree."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from coachdesk.model import Credential
from coachdesk.services.credentials.cce import CceRow, CceStatus, cce_status, list_cce
from coachdesk.services.credentials.coaching_log import LogRow, coaching_log
from coachdesk.services.credentials.mentoring import (
    MentoringProgress,
    MentoringRow,
    list_mentoring,
    mentoring_progress,
)
from coachdesk.services.credentials.supervision import (
    SupervisionRow,
    list_supervision,
    supervision_hours,
)
from coachdesk.services.credentials.thresholds import CredentialSummary, icf_summary
from coachdesk.services.people.profile import coach_today, profile_fields


@dataclass(frozen=True)
class CredentialOverview:
    summary: CredentialSummary
    target: Credential | None
    log: list[LogRow]
    mentoring: list[MentoringRow]
    mentoring_progress: MentoringProgress
    cce: list[CceRow]
    cce_status: CceStatus
    supervision: list[SupervisionRow]
    supervision_hours: str


def load_overview(db: Session) -> CredentialOverview:
    today = coach_today(db)
    return CredentialOverview(
        summary=icf_summary(db, today),
        target=profile_fields(db).target_credential,
        log=coaching_log(db, today=today).rows,
        mentoring=list_mentoring(db),
        mentoring_progress=mentoring_progress(db),
        cce=list_cce(db),
        cce_status=cce_status(db, today),
        supervision=list_supervision(db),
        supervision_hours=str(supervision_hours(db)),
    )
