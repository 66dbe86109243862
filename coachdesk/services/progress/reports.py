"""Progress reports and session summaries as documents, from the practice's records.

Private notes are never read here: the documents' data has no field for them, and the queries
below select shared content only.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coachdesk.documents.data import (
    EngagementFacts,
    GoalProgress,
    Milestone,
    OpenAction,
    ProgressReportData,
    SessionAction,
    SessionLine,
    SessionSummaryData,
)
from coachdesk.documents.progress_report import render_progress_report
from coachdesk.documents.session_summary import render_session_summary
from coachdesk.errors import ValidationError
from coachdesk.i18n import _
from coachdesk.model import (
    ActionItem,
    ActionStatus,
    CoachingSession,
    Engagement,
    Goal,
    GoalStatus,
    SessionStatus,
    Sponsor,
    SponsorSharing,
)
from coachdesk.services.paperwork import in_clients_language, letterhead, when_words
from coachdesk.services.people import clients, profile
from coachdesk.services.progress import actions, goals
from coachdesk.services.questionnaires.forms import report_answers
from coachdesk.services.sessions import note_format, sessions


def progress_report_data(
    db: Session,
    client_id: int,
    start: date,
    end: date,
    *,
    sponsor_version: bool = False,
    coach_summary: str = "",
    next_focus: str = "",
    themes: tuple[str, ...] = (),
    engagement_id: int | None = None,
) -> ProgressReportData:
    """A client's progress from ``start`` to ``end`` (inclusive), for them or their sponsor."""
    if end < start:
        raise ValidationError({"to": _("The end date must not be before the start date.")})
    client = clients.get_client(db, client_id)
    tz = profile.coach_zone(db)
    since = datetime.combine(start, time.min, tz).astimezone(UTC)
    until = datetime.combine(end + timedelta(days=1), time.min, tz).astimezone(UTC)
    engagement = _engagement(db, client_id, engagement_id, until)
    sponsor = engagement.sponsor if engagement and engagement.sponsor else client.sponsor
    sharing = _consented_sharing(engagement, sponsor)
    if sponsor_version:
        _check_sponsor_version(client.display_name, sponsor, sharing)
    for_client = not sponsor_version  # the sponsor's data never carries session content
    return ProgressReportData(
        letterhead=letterhead(db),
        client_name=client.display_name,
        period_start=start,
        period_end=end,
        engagement=_facts(db, engagement, client_id, until),
        report_date=profile.coach_today(db),
        audience="client" if for_client else "sponsor",
        sponsor_name=sponsor.name if sponsor else None,
        sponsor_sharing=sharing.value,
        goals=tuple(_goal_progress(db, g, since, until, tz) for g in _goals(db, client_id)),
        actions_done=_count_actions(db, client_id, start, end, done=True),
        actions_open=_count_actions(db, client_id, start, end, done=False, until=until),
        open_actions=tuple(
            OpenAction(a.text, a.due_on)
            for a in actions.list_actions(db, client_id=client_id, status=ActionStatus.OPEN)
        )
        if for_client
        else (),
        themes=themes if for_client else (),
        coach_summary=coach_summary,
        next_focus=next_focus,
        sessions=_session_lines(db, client_id, since, until, with_focus=for_client),
        answers=tuple(report_answers(db, client_id, since, until, for_sponsor=not for_client))
        if for_client or sharing == SponsorSharing.PROGRESS
        else (),
    )


def _check_sponsor_version(
    client_name: str, sponsor: Sponsor | None, sharing: SponsorSharing
) -> None:
    """A sponsor's version needs a sponsor, and the client's consent to share with them."""
    if sponsor is None:
        raise ValidationError(
            {
                "sponsor": _("{client} has no sponsor: the report can only be for them.").format(
                    client=client_name
                )
            }
        )
    if sharing is SponsorSharing.NOTHING:
        raise ValidationError(
            {
                "sponsor": _(
                    "The client has not agreed to share anything with {sponsor}: record what "
                    "they consent to share on the engagement first."
                ).format(sponsor=sponsor.name)
            }
        )


def _consented_sharing(engagement: Engagement | None, sponsor: object) -> SponsorSharing:
    """What the client agreed to share: recorded per engagement with its sponsor. A sponsor
    known only from the client record has no recorded consent, so nothing is shared.
    """
    if engagement is not None and engagement.sponsor is not None:
        return engagement.sponsor_sharing
    return SponsorSharing.NOTHING if sponsor is not None else SponsorSharing.PROGRESS


def report_sponsor(db: Session, client_id: int, end: date) -> str | None:
    """The name of the sponsor a report ending on ``end`` would be prepared for, if any: the
    sponsor version is offered only then."""
    tz = profile.coach_zone(db)
    until = datetime.combine(end + timedelta(days=1), time.min, tz).astimezone(UTC)
    engagement = _engagement(db, client_id, None, until)
    if engagement is not None and engagement.sponsor is not None:
        return engagement.sponsor.name
    sponsor = clients.get_client(db, client_id).sponsor
    return sponsor.name if sponsor else None


def progress_report_pdf(
    db: Session, client_id: int, start: date, end: date, **options: Any
) -> bytes:
    with in_clients_language(db, client_id):
        return render_progress_report(progress_report_data(db, client_id, start, end, **options))


def session_summary_data(db: Session, session_id: int) -> SessionSummaryData:
    """What the client takes away from one session: focus, shared notes, actions, next date."""
    detail = sessions.get_session(db, session_id)
    tz = profile.coach_zone(db)
    following = db.scalar(
        select(func.min(CoachingSession.starts_at)).where(
            CoachingSession.client_id == detail.client_id,
            CoachingSession.starts_at > detail.starts_at,
            CoachingSession.status == SessionStatus.SCHEDULED,
        )
    )
    return SessionSummaryData(
        letterhead=letterhead(db),
        client_name=detail.client_name,
        session_date=detail.starts_at.astimezone(tz).date(),
        when_text=when_words(detail.starts_at, tz),
        duration_minutes=detail.duration_minutes,
        sequence_text=(
            _("Session {n} of {total}").format(n=detail.sequence, total=detail.planned)
            if detail.sequence and detail.planned
            else ""
        ),
        focus=detail.agenda,
        shared_notes=detail.shared_notes,
        actions=tuple(
            SessionAction(a.text, a.due_on)
            for a in actions.list_actions(db, session_id=session_id)
            if a.status is ActionStatus.OPEN
        ),
        next_session=when_words(following, tz) if following else None,
    )


def session_summary_pdf(db: Session, session_id: int) -> bytes:
    with in_clients_language(db, sessions.get_session(db, session_id).client_id):
        return render_session_summary(session_summary_data(db, session_id))


def _engagement(
    db: Session, client_id: int, engagement_id: int | None, until: datetime
) -> Engagement | None:
    if engagement_id is not None:
        engagement = db.get(Engagement, engagement_id)
        if engagement is None or engagement.client_id != client_id:
            raise ValidationError({"engagement": _("That engagement is not this client's.")})
        return engagement
    return db.scalars(
        select(Engagement)
        .where(Engagement.client_id == client_id, Engagement.start_date < until.date())
        .order_by(Engagement.start_date.desc(), Engagement.id.desc())
    ).first()


def _facts(
    db: Session, engagement: Engagement | None, client_id: int, until: datetime
) -> EngagementFacts:
    """Counts up to the end of the period, so an old report reads the same later."""
    s = CoachingSession
    query = select(s.status, func.count()).where(s.client_id == client_id, s.starts_at < until)
    if engagement is not None:
        query = query.where(s.engagement_id == engagement.id)
    counts: dict[SessionStatus, int] = dict(db.execute(query.group_by(s.status)).all())
    return EngagementFacts(
        title=engagement.title if engagement else _("Coaching"),
        start_date=engagement.start_date if engagement else until.date(),
        end_date=engagement.end_date if engagement else None,
        held=counts.get(SessionStatus.COMPLETED, 0),
        planned=engagement.planned_sessions if engagement else None,
        cancelled=counts.get(SessionStatus.CANCELLED, 0),
        late_cancels=counts.get(SessionStatus.LATE_CANCEL, 0),
        no_shows=counts.get(SessionStatus.NO_SHOW, 0),
    )


def _goals(db: Session, client_id: int) -> list[Goal]:
    return list(
        db.scalars(
            select(Goal)
            .where(Goal.client_id == client_id, Goal.status != GoalStatus.DROPPED)
            .order_by(Goal.id)
        )
    )


def _goal_progress(
    db: Session, goal: Goal, since: datetime, until: datetime, tz: ZoneInfo
) -> GoalProgress:
    series = [(at, score) for at, score in goals.progress_series(db, goal.id) if at < until]
    shown = [(at.astimezone(tz).date(), score) for at, score in series if at >= since]
    return GoalProgress(
        title=goal.title,
        baseline=goal.baseline,
        latest=series[-1][1] if series else None,
        target=goal.target,
        ratings=tuple(shown),
        milestones=tuple(Milestone(m.title, m.done_on) for m in goal.milestones),
    )


def _count_actions(
    db: Session,
    client_id: int,
    start: date,
    end: date,
    *,
    done: bool,
    until: datetime | None = None,
) -> int:
    """Done in the period (by the coach's dates), or still open and created before its end."""
    a = ActionItem
    query = select(func.count()).where(a.client_id == client_id)
    if done:
        query = query.where(a.status == ActionStatus.DONE, a.done_on >= start, a.done_on <= end)
    else:
        query = query.where(a.status == ActionStatus.OPEN, a.created_at < until)
    return db.scalar(query) or 0


def _session_lines(
    db: Session, client_id: int, since: datetime, until: datetime, *, with_focus: bool
) -> tuple[SessionLine, ...]:
    """The period's sessions, each with its focus for the client's version."""
    s = CoachingSession
    tz = profile.coach_zone(db)
    rows = db.execute(
        select(s.starts_at, s.status, s.agenda, s.shared_notes)
        .where(s.client_id == client_id, s.starts_at >= since, s.starts_at < until)
        .order_by(s.starts_at)
    )
    return tuple(
        SessionLine(
            starts_at.astimezone(tz).date(),
            status.value,
            session_focus(agenda, shared) if with_focus else "",
        )
        for starts_at, status, agenda, shared in rows
    )


def session_focus(agenda: str, shared_notes: str) -> str:
    """What a session was about, in a sentence: its agenda, else the first sentence of the shared
    notes without their section headings. The document cuts it to one line."""
    if agenda.strip():
        return " ".join(agenda.split())
    text = note_format.without_headings(shared_notes)
    return _FIRST_SENTENCE.split(text, maxsplit=1)[0]


_FIRST_SENTENCE = re.compile(r"(?<=[.!?…])\s+")
