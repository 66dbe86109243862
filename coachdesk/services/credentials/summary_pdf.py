"""The credential summary as PDF: ``icf_summary`` and the log, the CCE cycle and mentor coaching
in plain data for ``documents.credential_summary``."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from coachdesk.documents.credential_summary import (
    CredentialLine,
    CredentialSummaryData,
    LogLine,
    render_credential_summary,
)
from coachdesk.i18n import _
from coachdesk.services.credentials.cce import cce_status
from coachdesk.services.credentials.coaching_log import coaching_log
from coachdesk.services.credentials.mentoring import mentoring_progress
from coachdesk.services.credentials.thresholds import icf_summary, still_needed
from coachdesk.services.paperwork import letterhead
from coachdesk.services.people.profile import coach_today


def credential_summary_pdf(
    db: Session, start: date | None = None, end: date | None = None, today: date | None = None
) -> bytes:
    today = today or coach_today(db)
    summary = icf_summary(db, today)
    log = coaching_log(db, start, end, today)
    cycle, mentoring = cce_status(db, today), mentoring_progress(db)
    figures = [
        (_("Total hours"), str(summary.total_hours)),
        (_("Paid hours"), str(summary.paid_hours)),
        (_("Pro bono hours"), str(summary.pro_bono_hours)),
        (_("Clients counted"), str(summary.clients)),
        (
            _("Hours since {day}").format(day=summary.recent_since.isoformat()),
            str(summary.recent_hours),
        ),
        (
            _("Training started"),
            summary.training_start.isoformat() if summary.training_start else "–",
        ),
    ]
    notes = [
        _(
            "CCE since {start}: {units} units ({core} Core Competencies, {ethics} ethics); "
            "{needed} still needed."
        ).format(
            start=cycle.cycle_start.isoformat(),
            units=cycle.units,
            core=cycle.core_units,
            ethics=cycle.ethics_units,
            needed=cycle.units_needed,
        ),
        _("Mentor coaching: {h} hours count.").format(h=mentoring.counted_hours)
        + (" " + "; ".join(mentoring.missing) + "." if mentoring.missing else ""),
    ]
    lines = [
        LogLine(
            r.name,
            _("Group of {n}").format(n=r.group_size) if r.group else _("Individual"),
            r.start,
            r.end,
            str(r.paid_hours),
            str(r.pro_bono_hours),
        )
        for r in log.rows
    ]
    return render_credential_summary(
        CredentialSummaryData(
            letterhead=letterhead(db),
            as_of=today,
            figures=figures,
            credentials=[
                CredentialLine(s.credential.value.upper(), s.met, still_needed(s))
                for s in summary.credentials
            ],
            log=lines,
            notes=notes,
        )
    )
