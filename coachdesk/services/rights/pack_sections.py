"""The record in a subject access pack, one section per kind of data, built as plain data.

``SECTION_BUILDERS`` is the hook: each builder takes the session, the client's id, the coach's
zone and whether private notes go in, and returns one section. A new kind of data held about a
client (the questionnaires' answers) adds its builder to the tuple and the pack prints it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from coachdesk import words
from coachdesk.documents.access_pack_data import PackEntry, PackSection
from coachdesk.formatting import format_date, format_minutes, format_money, format_time
from coachdesk.i18n import _
from coachdesk.model import (
    ActionItem,
    Agreement,
    Client,
    CoachingSession,
    Engagement,
    Goal,
    Invoice,
    InvoiceStatus,
    ProgressRating,
)


@dataclass(frozen=True)
class PackScope:
    """What every builder is told: whose record, in which zone, with private notes or not."""

    client_id: int
    zone: ZoneInfo
    private_notes: bool


SectionBuilder = Callable[[Session, PackScope], PackSection]


def _yes_no(value: bool) -> str:
    return _("Yes") if value else _("No")


def details_section(db: Session, scope: PackScope) -> PackSection:
    client = db.get(Client, scope.client_id)
    assert client is not None  # the pack checked it
    facts = (
        (_("Name"), client.display_name),
        (_("Given name"), client.given_name),
        (_("Family name"), client.family_name),
        (_("Preferred name"), client.preferred_name),
        (_("Pronouns"), client.pronouns),
        (_("Email"), client.email),
        (_("Phone"), client.phone),
        (_("Organisation"), client.organisation),
        (_("Role"), client.role),
        (_("Address"), client.postal_address),
        (_("Time zone"), client.time_zone),
        (_("Date of birth"), format_date(client.date_of_birth) if client.date_of_birth else ""),
        (_("Emergency contact"), client.emergency_contact),
        (_("How you found me"), client.referral_source),
        (_("Status"), words.label(client.status)),
        (_("Tags"), ", ".join(tag.tag for tag in client.tags)),
        (_("Listed in my coaching log"), _yes_no(client.log_consent)),
    )
    notes = client.consultation_notes
    text = _("Notes of our first conversation:") + "\n" + notes if notes.strip() else ""
    return PackSection(_("Your details"), (PackEntry(client.display_name, facts, text),))


def engagements_section(db: Session, scope: PackScope) -> PackSection:
    query = select(Engagement).where(Engagement.client_id == scope.client_id)
    entries = tuple(
        PackEntry(
            e.title,
            (
                (_("Kind"), words.label(e.kind)),
                (_("Status"), words.label(e.status)),
                (_("Started"), format_date(e.start_date)),
                (_("Ends"), format_date(e.end_date) if e.end_date else ""),
                (_("Sessions planned"), str(e.planned_sessions or "")),
                (_("Fee"), format_money(e.fee_amount, e.currency)),
            ),
            e.payment_terms,
        )
        for e in db.scalars(query.order_by(Engagement.start_date, Engagement.id))
    )
    return PackSection(_("Engagements"), entries, _("No engagements."))


def agreements_section(db: Session, scope: PackScope) -> PackSection:
    query = (
        select(Agreement)
        .join(Engagement, Engagement.id == Agreement.engagement_id)
        .where(Engagement.client_id == scope.client_id)
        .order_by(Agreement.id)
    )
    entries = tuple(
        PackEntry(
            _("{title}, version {n}").format(title=a.title, n=a.version),
            (
                (_("Status"), words.label(a.status)),
                (_("Sent"), format_date(a.sent_on) if a.sent_on else ""),
                (_("You signed"), format_date(a.client_signed_on) if a.client_signed_on else ""),
            ),
            a.body,
            markup=True,
        )
        for a in db.scalars(query)
    )
    return PackSection(_("Agreements"), entries, _("No agreements."))


def sessions_section(db: Session, scope: PackScope) -> PackSection:
    query = (
        select(CoachingSession)
        .where(CoachingSession.client_id == scope.client_id)
        .order_by(CoachingSession.starts_at, CoachingSession.id)
    )
    entries = []
    for s in db.scalars(query):
        local = s.starts_at.astimezone(scope.zone)
        parts = [
            (_("Agenda"), s.agenda),
            (_("Shared notes"), s.shared_notes),
            (_("Your feedback"), s.feedback_comment),
        ]
        if scope.private_notes:
            parts.append((_("My private notes"), s.private_notes))
        text = "\n\n".join(f"{label}:\n{value}" for label, value in parts if value.strip())
        facts = (
            (_("Time"), format_time(local)),
            (_("Kind"), words.label(s.kind)),
            (_("Status"), words.label(s.status)),
            (_("Length"), format_minutes(s.actual_minutes or s.duration_minutes)),
            (_("How"), words.label(s.mode)),
            (_("Your rating"), str(s.feedback_score) if s.feedback_score is not None else ""),
        )
        entries.append(PackEntry(format_date(local.date()), facts, text))
    return PackSection(_("Sessions"), tuple(entries), _("No sessions."))


def goals_section(db: Session, scope: PackScope) -> PackSection:
    entries = []
    for goal in db.scalars(select(Goal).where(Goal.client_id == scope.client_id).order_by(Goal.id)):
        ratings = db.execute(
            select(ProgressRating.recorded_at, ProgressRating.score)
            .where(ProgressRating.goal_id == goal.id)
            .order_by(ProgressRating.recorded_at)
        ).all()
        rated = ", ".join(
            _("{date}: {score}").format(date=format_date(at.astimezone(scope.zone)), score=score)
            for at, score in ratings
        )
        milestones = "\n".join(
            _("{title} (done {date})").format(title=m.title, date=format_date(m.done_on))
            if m.done_on
            else m.title
            for m in goal.milestones
        )
        facts = (
            (_("Status"), words.label(goal.status)),
            (_("Baseline"), "" if goal.baseline is None else str(goal.baseline)),
            (_("Target"), "" if goal.target is None else str(goal.target)),
            (_("Target date"), format_date(goal.target_date) if goal.target_date else ""),
            (_("Why it matters"), goal.why),
            (_("Success looks like"), goal.success_measure),
            (_("Milestones"), milestones),
            (_("Ratings"), rated),
        )
        entries.append(PackEntry(goal.title, facts))
    return PackSection(_("Goals and ratings"), tuple(entries), _("No goals."))


def actions_section(db: Session, scope: PackScope) -> PackSection:
    query = select(ActionItem).where(ActionItem.client_id == scope.client_id)
    entries = tuple(
        PackEntry(
            a.text,
            (
                (_("Status"), words.label(a.status)),
                (_("Due"), format_date(a.due_on) if a.due_on else ""),
                (_("Done"), format_date(a.done_on) if a.done_on else ""),
            ),
        )
        for a in db.scalars(query.order_by(ActionItem.id))
    )
    return PackSection(_("Action items"), entries, _("No action items."))


def invoices_section(db: Session, scope: PackScope) -> PackSection:
    query = select(Invoice).where(
        Invoice.client_id == scope.client_id, Invoice.status != InvoiceStatus.DRAFT
    )
    entries = tuple(
        PackEntry(
            _("{kind} {number}").format(kind=words.label(i.kind), number=i.number or ""),
            (
                (_("Issued"), format_date(i.issue_date) if i.issue_date else ""),
                (_("Status"), words.label(i.status)),
                (_("Total"), format_money(i.gross_total, i.currency)),
            ),
        )
        for i in db.scalars(query.order_by(Invoice.issue_date, Invoice.id))
    )
    return PackSection(_("Invoices"), entries, _("No invoices."))


SECTION_BUILDERS: tuple[SectionBuilder, ...] = (
    details_section,
    engagements_section,
    agreements_section,
    sessions_section,
    goals_section,
    actions_section,
    invoices_section,
)
