"""Coaching agreements as documents: data from an engagement, drafts from a template, the PDF.

A signed agreement is printed from its frozen PDF, never re-rendered, so what was signed is
exactly what is printed again.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import replace
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, undefer

from coachdesk import words
from coachdesk.documents.agreement_text import (
    agreement_values,
    default_template,
    default_template_text,
)
from coachdesk.documents.data import AgreementData, AgreementGoal, Signature, SigningRecord
from coachdesk.documents.templates import render
from coachdesk.i18n import _
from coachdesk.model import (
    Agreement,
    AgreementStatus,
    AgreementTemplate,
    EngagementKind,
    Goal,
    GoalStatus,
    SigningMethod,
)
from coachdesk.services.agreements import agreements
from coachdesk.services.engagements import engagements
from coachdesk.services.paperwork import (
    cadence_words,
    client_language,
    in_clients_language,
    letterhead,
    sharing_words,
)
from coachdesk.services.people import profile
from coachdesk.services.people.clients import Saved


def agreement_data(db: Session, engagement_id: int, on: date) -> AgreementData:
    """Everything an agreement's placeholders can name, for one engagement."""
    e = engagements.get_engagement(db, engagement_id)
    client = e.client
    head = letterhead(db)
    goal_rows = db.scalars(
        select(Goal)
        .where(
            Goal.client_id == client.id,
            Goal.status != GoalStatus.DROPPED,
            or_(Goal.engagement_id.is_(None), Goal.engagement_id == e.id),
        )
        .order_by(Goal.id)
    ).all()
    versions = agreements.list_agreements(db, e.id)
    return AgreementData(
        letterhead=head,
        title=e.title,
        client_name=client.display_name,
        client_email=client.email,
        client_organisation=client.organisation,
        coach_name=head.coach_name,
        sponsor_name=e.sponsor.name if e.sponsor else None,
        sponsor_contact=e.sponsor.contact_name if e.sponsor else "",
        engagement_kind=e.kind.value,
        start_date=e.start_date,
        end_date=e.end_date,
        cadence=cadence_words(e.cadence, e.cadence_days),
        session_minutes=e.session_minutes,
        planned_sessions=e.planned_sessions,
        mode=words.in_sentence(e.mode),
        location=e.location,
        fee_model=e.fee_model.value,
        fee_amount=e.fee_amount,
        currency=e.currency,
        payment_terms=e.payment_terms,
        cancellation_notice_hours=e.cancellation_notice_hours,
        late_cancel_rule=e.late_cancel_rule,
        communication=e.communication,
        confidentiality_notes=e.confidentiality_notes,
        sponsor_sharing=sharing_words(e.sponsor_sharing) if e.sponsor else "",
        records_retention=(
            _("Records are kept until {date}, then erased.").format(date=client.retain_until)
            if client.retain_until
            else ""
        ),
        goals=tuple(AgreementGoal(g.title, g.target_date) for g in goal_rows),
        agreement_date=on,
        version=max((v.version for v in versions), default=0) or 1,
    )


def template_for(db: Session, engagement_id: int) -> tuple[AgreementTemplate | None, str]:
    """The coach's default template when it suits the engagement's kind, else the shipped one;
    the shipped one in the client's document language when there is a translation and the
    coach has not reworded the built-in template (their own words are never replaced)."""
    e = engagements.get_engagement(db, engagement_id)
    chosen = default_template_of_kind(db, e.kind)
    shipped = default_template_text(e.kind.value, client_language(db, e.client_id))
    if chosen is None:
        return None, shipped
    if chosen.builtin and chosen.body == default_template(e.kind.value):
        return chosen, shipped
    return chosen, chosen.body


def in_language_of(db: Session, engagement_id: int) -> AbstractContextManager[None]:
    """The client's language and formats for a document of this engagement."""
    return in_clients_language(db, engagements.get_engagement(db, engagement_id).client_id)


def default_template_of_kind(db: Session, kind: EngagementKind) -> AgreementTemplate | None:
    """The template a new agreement of ``kind`` starts from (None: the shipped text)."""
    default_id = profile.profile_fields(db).default_template_id
    chosen = db.get(AgreementTemplate, default_id) if default_id else None
    if chosen is None or chosen.kind is not kind:
        chosen = db.scalars(
            select(AgreementTemplate)
            .where(AgreementTemplate.kind == kind)
            .order_by(AgreementTemplate.builtin.desc(), AgreementTemplate.id)
        ).first()
    return chosen


def draft_agreement(
    db: Session, engagement_id: int, on: date, template_id: int | None = None
) -> Saved:
    """A new draft whose text is the template filled in: the coach may then edit it freely.
    Without ``template_id`` the coach's default template for the engagement's kind is used.
    It replaces the engagement's agreement as a new version does (``create_agreement`` keeps
    the rules), and is refused while the engagement already has a draft.
    """
    if template_id is None:
        template, text = template_for(db, engagement_id)
    else:
        template = agreements.get_template(db, template_id)
        text = template.body
    with in_language_of(db, engagement_id):
        data = agreement_data(db, engagement_id, on)
        latest = max((v.version for v in agreements.list_agreements(db, engagement_id)), default=0)
        data = replace(data, version=latest + 1)  # the number the new draft is about to get
        title = data.title or _("Coaching agreement")
        body = render(text, agreement_values(data))
    return agreements.create_agreement(
        db,
        engagement_id,
        title,
        body,
        template_id=template.id if template else None,
        template_version=template.version if template else None,
    )


def agreement_pdf(db: Session, engagement_id: int, on: date) -> bytes:
    """The current agreement of an engagement: frozen PDF once signed, else freshly rendered
    from the newest draft or sent text, else from the template.
    """
    current = db.scalars(
        select(Agreement)
        .where(
            Agreement.engagement_id == engagement_id,
            Agreement.status != AgreementStatus.SUPERSEDED,
        )
        .order_by(Agreement.version.desc())
        .options(undefer(Agreement.pdf))
    ).first()
    if current is not None and current.status is AgreementStatus.SIGNED and current.pdf:
        return current.pdf
    text = current.body if current is not None else template_for(db, engagement_id)[1]
    with in_language_of(db, engagement_id):
        return laid_out(agreement_data(db, engagement_id, on), text)


def agreement_document(db: Session, agreement_id: int, on: date) -> bytes:
    """The PDF of one agreement version: its frozen PDF once signed, else its own text (as the
    coach edited it) laid out with the letterhead, its title and its version number.
    """
    agreement = agreements.get_agreement(db, agreement_id)
    if agreement.status in agreements.FROZEN:
        frozen = db.scalar(select(Agreement.pdf).where(Agreement.id == agreement_id))
        if frozen:
            return frozen
    return _render_own_text(db, agreement, on)


def sign_agreement(
    db: Session,
    agreement_id: int,
    *,
    client_signed_on: date | None,
    coach_signed_on: date | None,
    method: SigningMethod,
    on: date,
    sponsor_signed_on: date | None = None,
    scan: bytes | None = None,
    scan_name: str = "",
    scan_mime: str = "",
) -> Saved:
    """Record the signing with the PDF of the text as it stands now, the signing record (who,
    when, how) printed under it: that PDF is then frozen, and is what every later print or save
    gives.
    """
    agreement = agreements.get_agreement(db, agreement_id)
    pdf = b""
    if agreement.status not in agreements.FROZEN:
        with in_language_of(db, agreement.engagement_id):
            data = agreement_data(db, agreement.engagement_id, on)
            signed_on = (
                (_("Client"), data.client_name, client_signed_on),
                (_("Coach"), data.coach_name, coach_signed_on),
                (_("Sponsor"), _sponsor_signer(data), sponsor_signed_on),
            )
            record = SigningRecord(
                method=method.value,
                signatures=tuple(Signature(r, n, d) for r, n, d in signed_on if d is not None),
                sent_on=agreement.sent_on,
                scan_name=scan_name if scan else "",
            )
            pdf = _render_own_text(db, agreement, on, signing=record)
    return agreements.record_signing(
        db,
        agreement_id,
        client_signed_on=client_signed_on,
        coach_signed_on=coach_signed_on,
        sponsor_signed_on=sponsor_signed_on,
        method=method,
        pdf=pdf,
        scan=scan,
        scan_name=scan_name,
        scan_mime=scan_mime,
    )


def _render_own_text(
    db: Session, agreement: Agreement, on: date, *, signing: SigningRecord | None = None
) -> bytes:
    with in_language_of(db, agreement.engagement_id):
        data = agreement_data(db, agreement.engagement_id, on)
        data = replace(data, title=agreement.title, version=agreement.version, signing=signing)
        return laid_out(data, agreement.body)


def _sponsor_signer(data: AgreementData) -> str:
    """ "Jana Horak for Acme Ltd", or the organisation alone when it names no contact."""
    if data.sponsor_contact and data.sponsor_name:
        return _("{contact} for {sponsor}").format(
            contact=data.sponsor_contact, sponsor=data.sponsor_name
        )
    return data.sponsor_name or ""


def laid_out(data: AgreementData, text: str) -> bytes:
    """The agreement as PDF; ReportLab is loaded here, on first use, not when the app starts."""
    from coachdesk.documents.agreement import render_agreement

    return render_agreement(data, text)
