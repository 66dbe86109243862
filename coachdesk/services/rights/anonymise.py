"""Anonymising a client: what identifies them or records what they said goes; the counts and
hours that the practice's own records need stay.

Kept, because the coach needs them after the client is gone:

- sessions' dates, booked and real minutes, kind, status, mode, pro bono flag, engagement and
  fee, and group attendance: the ICF coaching log counts hours and clients from exactly these,
  so the practice's hours are the same before and after (the log then names the client
  "Anonymised client N", without contact);
- the client's consent flags for that log (``log_consent``, ``confidential``): without them the
  hours would silently drop out of it;
- engagements' kind, dates, status, cadence, plan and fees, and the sponsor who paid;
- issued invoices and credit notes, untouched: tax law makes the coach keep them for years and
  the database freezes them once issued; revenue reads their totals. Draft invoices go;
- goals and action items as counts, with their statuses and dates and the goals' ratings;
- the register of access requests, which must show the request was answered.

Dropped: every name and contact field, the address, date of birth, emergency contact, time
zone, referral, consultation notes, tags, the confidential alias and organisation contact, every
session's agenda, location, shared and private notes and feedback, note drafts, goals' titles,
reasons and milestones, ratings' notes, action texts, follow-ups, and agreements with their text,
PDFs and scans, and the questionnaires the client returned with their answers. The search index
follows by its triggers.
"""

from __future__ import annotations

from sqlalchemy import Engine, delete, select, update
from sqlalchemy.orm import Session

from coachdesk import words
from coachdesk.errors import ValidationError
from coachdesk.i18n import _
from coachdesk.model import (
    ActionItem,
    Agreement,
    ClientStatus,
    CoachingSession,
    Engagement,
    FollowUp,
    Goal,
    Invoice,
    InvoiceStatus,
    Milestone,
    NoteDraft,
    ProgressRating,
)
from coachdesk.model.questionnaires import QuestionnaireAnswer, QuestionnaireForm
from coachdesk.services.people.clients import get_client
from coachdesk.services.people.erasure import purge_freed_pages
from coachdesk.services.people.profile import coach_today

CLIENT_TEXT = (
    "given_name",
    "family_name",
    "preferred_name",
    "pronouns",
    "email",
    "email_key",
    "phone",
    "organisation",
    "role",
    "postal_address",
    "time_zone",
    "referral_source",
    "consultation_notes",
    "log_consent_how",
    "org_contact_email",
    "language",
    "retention_reason",
    "emergency_contact",
    "search_key",
)
ENGAGEMENT_TEXT = (
    "location",
    "payment_terms",
    "late_cancel_rule",
    "communication",
    "confidentiality_notes",
)


def anonymised_name(client_id: int) -> str:
    return _("Anonymised client {n}").format(n=client_id)


def anonymise_warning(name: str) -> str:
    """What anonymising ``name`` means, said the same way by the app and the command line."""
    return _(
        "Anonymise {name}? Their name, contact details, notes, goals, action items and "
        "agreements are removed for good; the dates and hours of sessions, engagements and "
        "issued invoices stay, without anything that identifies them. Backups made before "
        "now still hold everything."
    ).format(name=name)


def anonymise_client(engine: Engine, client_id: int) -> bool:
    """Drop what identifies the client in one transaction, then purge what SQLite keeps of the
    old text (as erasing does). Returns False when a reader delayed the purge, which then
    completes when the vault closes."""
    with Session(engine) as db, db.begin():
        client = get_client(db, client_id)
        if client.anonymised_on is not None:
            raise ValidationError({"client": _("This client is already anonymised.")})
        name = anonymised_name(client_id)
        for column in CLIENT_TEXT:
            setattr(client, column, "")
        client.display_name = client.sort_name = name
        client.name_key = name.casefold()
        client.confidential_alias = name if client.confidential else ""
        client.date_of_birth = client.retain_until = None
        client.sponsor_id = None
        client.status = ClientStatus.ARCHIVED
        client.tags = []
        client.anonymised_on = coach_today(db)
        _drop_rows(db, client_id)
        _blank_rows(db, client_id)
    return purge_freed_pages(engine)


def _drop_rows(db: Session, client_id: int) -> None:
    sessions = select(CoachingSession.id).where(CoachingSession.client_id == client_id)
    engagements = select(Engagement.id).where(Engagement.client_id == client_id)
    goals = select(Goal.id).where(Goal.client_id == client_id)
    db.execute(delete(NoteDraft).where(NoteDraft.session_id.in_(sessions)))
    db.execute(delete(Agreement).where(Agreement.engagement_id.in_(engagements)))
    db.execute(delete(Milestone).where(Milestone.goal_id.in_(goals)))
    db.execute(delete(FollowUp).where(FollowUp.client_id == client_id))
    db.execute(delete(QuestionnaireAnswer).where(QuestionnaireAnswer.client_id == client_id))
    db.execute(delete(QuestionnaireForm).where(QuestionnaireForm.client_id == client_id))
    db.execute(
        delete(Invoice).where(Invoice.client_id == client_id, Invoice.status == InvoiceStatus.DRAFT)
    )


def _blank_rows(db: Session, client_id: int) -> None:
    db.execute(
        update(CoachingSession)
        .where(CoachingSession.client_id == client_id)
        .values(
            location="",
            agenda="",
            shared_notes="",
            private_notes="",
            feedback_comment="",
            feedback_score=None,
        )
    )
    for engagement in db.scalars(select(Engagement).where(Engagement.client_id == client_id)):
        engagement.title = words.label(engagement.kind)
        for column in ENGAGEMENT_TEXT:
            setattr(engagement, column, "")
    goals = db.scalars(select(Goal).where(Goal.client_id == client_id).order_by(Goal.id))
    for number, goal in enumerate(goals, start=1):
        goal.title = _("Goal {n}").format(n=number)
        goal.why = goal.success_measure = ""
    db.execute(
        update(ProgressRating)
        .where(ProgressRating.goal_id.in_(select(Goal.id).where(Goal.client_id == client_id)))
        .values(note="")
    )
    db.execute(update(ActionItem).where(ActionItem.client_id == client_id).values(text=""))
