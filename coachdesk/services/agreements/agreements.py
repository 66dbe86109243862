"""Agreements and their templates: drafting, sending, signing, and freezing what was signed.

Rendering placeholders and the default template text belong to the documents layer; this module
keeps the records and the rules. A signed agreement never changes: a trigger in the vault refuses
it too, but the service refuses first with a message a coach can read.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coachdesk.errors import ValidationError
from coachdesk.i18n import _
from coachdesk.model import (
    Agreement,
    AgreementStatus,
    AgreementTemplate,
    EngagementKind,
    SigningMethod,
)
from coachdesk.services.engagements.engagements import get_engagement
from coachdesk.services.people.clients import Saved
from coachdesk.services.people.profile import coach_today
from coachdesk.services.validation import FieldErrors

A = AgreementStatus
FROZEN = frozenset({A.SIGNED, A.SUPERSEDED})


@dataclass(frozen=True, slots=True)
class AgreementRow:
    """One version of an engagement's agreement, without its bytes."""

    id: int
    version: int
    title: str
    status: AgreementStatus
    sent_on: date | None
    client_signed_on: date | None
    coach_signed_on: date | None
    sponsor_signed_on: date | None
    signing_method: SigningMethod | None
    has_scan: bool
    supersedes_id: int | None


@dataclass(frozen=True, slots=True)
class TemplateRow:
    id: int
    name: str
    kind: EngagementKind
    version: int
    builtin: bool


def create_template(
    db: Session, name: str, body: str, kind: EngagementKind = EngagementKind.COACHING
) -> Saved:
    _check_text("name", name, "body", body)
    template = AgreementTemplate(name=name.strip(), body=body, kind=kind, version=1)
    db.add(template)
    db.flush()
    return Saved(template.id)


def update_template(
    db: Session, template_id: int, name: str, body: str, kind: EngagementKind
) -> Saved:
    """Edit a template; a changed text is a new version, so agreements can name the one used."""
    template = get_template(db, template_id)
    _check_text("name", name, "body", body)
    if body != template.body:
        template.version += 1
    template.name, template.body, template.kind = name.strip(), body, kind
    db.flush()
    return Saved(template.id)


def get_template(db: Session, template_id: int) -> AgreementTemplate:
    template = db.get(AgreementTemplate, template_id)
    if template is None:
        raise ValidationError(
            {"template": _("There is no agreement template with id {id}.").format(id=template_id)}
        )
    return template


def list_templates(db: Session) -> list[TemplateRow]:
    t = AgreementTemplate
    query = select(t.id, t.name, t.kind, t.version, t.builtin).order_by(t.name, t.id)
    return [TemplateRow(*row) for row in db.execute(query)]


def create_agreement(
    db: Session,
    engagement_id: int,
    title: str,
    body: str,
    *,
    template_id: int | None = None,
    template_version: int | None = None,
) -> Saved:
    """A new draft, numbered after the engagement's latest version. When the engagement already
    has an agreement it replaces it as ``new_version`` does, so only one can ever be in force;
    while a draft exists the coach edits that one instead.
    """
    get_engagement(db, engagement_id)
    current = _refuse_a_second_draft(db, engagement_id)
    _check_text("title", title, "body", body)
    if template_id is not None:
        template_version = template_version or get_template(db, template_id).version
    agreement = Agreement(
        engagement_id=engagement_id,
        version=_next_version(db, engagement_id),
        template_id=template_id,
        template_version=template_version,
        title=title.strip(),
        body=body,
        status=A.DRAFT,
        supersedes_id=current.id if current is not None else None,
    )
    db.add(agreement)
    if current is not None:
        _withdraw_if_sent(current)
    db.flush()
    return Saved(agreement.id)


def current_agreement(db: Session, engagement_id: int) -> Agreement | None:
    """The engagement's newest version not yet replaced: its draft, or the one sent or signed."""
    return db.scalars(
        select(Agreement)
        .where(Agreement.engagement_id == engagement_id, Agreement.status != A.SUPERSEDED)
        .order_by(Agreement.version.desc(), Agreement.id.desc())
    ).first()


def open_drafts(db: Session) -> dict[int, int]:
    """Engagement id -> version of its draft, for every engagement that has one."""
    query = (
        select(Agreement.engagement_id, func.max(Agreement.version))
        .where(Agreement.status == A.DRAFT)
        .group_by(Agreement.engagement_id)
    )
    return {engagement_id: version for engagement_id, version in db.execute(query)}


def draft_exists_message(version: int) -> str:
    return _("This engagement already has a draft agreement (version {n}): edit that one.").format(
        n=version
    )


def get_agreement(db: Session, agreement_id: int) -> Agreement:
    agreement = db.get(Agreement, agreement_id)
    if agreement is None:
        raise ValidationError(
            {"agreement": _("There is no agreement with id {id}.").format(id=agreement_id)}
        )
    return agreement


def list_agreements(db: Session, engagement_id: int) -> list[AgreementRow]:
    """Every version, newest first; the bytes stay in the vault until asked for."""
    a = Agreement
    query = (
        select(
            a.id,
            a.version,
            a.title,
            a.status,
            a.sent_on,
            a.client_signed_on,
            a.coach_signed_on,
            a.sponsor_signed_on,
            a.signing_method,
            a.scan.is_not(None),
            a.supersedes_id,
        )
        .where(a.engagement_id == engagement_id)
        .order_by(a.version.desc(), a.id.desc())
    )
    return [AgreementRow(*row) for row in db.execute(query)]


def update_draft_text(db: Session, agreement_id: int, title: str, body: str) -> Saved:
    agreement = get_agreement(db, agreement_id)
    _refuse_unless_draft(agreement)
    _check_text("title", title, "body", body)
    agreement.title, agreement.body = title.strip(), body
    db.flush()
    return Saved(agreement.id)


def mark_sent(db: Session, agreement_id: int, sent_on: date) -> None:
    """The client has had the agreement since ``sent_on``: today, or a day the coach recalls."""
    agreement = get_agreement(db, agreement_id)
    _refuse_unless_draft(agreement)
    if sent_on > coach_today(db):
        raise ValidationError({"sent_on": _("The day it was sent cannot be after today.")})
    agreement.status, agreement.sent_on = A.SENT, sent_on
    db.flush()


def record_signing(
    db: Session,
    agreement_id: int,
    *,
    client_signed_on: date | None,
    coach_signed_on: date | None,
    method: SigningMethod,
    pdf: bytes,
    sponsor_signed_on: date | None = None,
    scan: bytes | None = None,
    scan_name: str = "",
    scan_mime: str = "",
) -> Saved:
    """Sign and freeze: from now on the text and PDF are the record of what was agreed.
    Signing a new version marks the one it replaces as superseded.
    """
    agreement = get_agreement(db, agreement_id)
    errors = FieldErrors()
    if agreement.status is A.SUPERSEDED:
        errors.add("body", _("This version was replaced by a newer one; sign the newest."))
    elif agreement.status in FROZEN:
        errors.add("body", _("This agreement is signed and can no longer change."))
    if client_signed_on is None:
        errors.add("client_signed_on", _("Enter the date the client signed."))
    if coach_signed_on is None:
        errors.add("coach_signed_on", _("Enter the date you signed."))
    if agreement.engagement.sponsor_id is not None and sponsor_signed_on is None:
        errors.add("sponsor_signed_on", _("Enter the date the sponsor signed."))
    if not pdf:
        errors.add("pdf", _("The signed document (PDF) is missing."))
    if method == SigningMethod.SCAN and not scan:
        errors.add("scan", _("Attach the scan of the signed agreement."))
    errors.raise_if_any()
    agreement.status = A.SIGNED
    agreement.client_signed_on = client_signed_on
    agreement.coach_signed_on = coach_signed_on
    agreement.sponsor_signed_on = sponsor_signed_on
    agreement.signing_method = method
    agreement.pdf = pdf
    if scan:
        _set_scan(agreement, scan, scan_name, scan_mime)
    if agreement.supersedes_id is not None:
        get_agreement(db, agreement.supersedes_id).status = A.SUPERSEDED
    db.flush()
    return Saved(agreement.id)


def attach_scan(db: Session, agreement_id: int, scan: bytes, name: str, mime: str) -> None:
    """A scan can arrive after signing (paper copy returned by post): it is not the frozen text."""
    agreement = get_agreement(db, agreement_id)
    if not scan:
        raise ValidationError({"scan": _("The scan is empty.")})
    _set_scan(agreement, scan, name, mime)
    db.flush()


def new_version(db: Session, agreement_id: int) -> Saved:
    """A draft copy of a sent or signed agreement. A signed one stays in force until the new
    version is signed; a sent one was never binding, so it is withdrawn (superseded) at once
    and cannot be signed by mistake.
    """
    old = get_agreement(db, agreement_id)
    if old.status not in (A.SENT, A.SIGNED):
        raise ValidationError(
            {"status": _("Only a sent or signed agreement gets a new version; edit the draft.")}
        )
    _refuse_a_second_draft(db, old.engagement_id)
    agreement = Agreement(
        engagement_id=old.engagement_id,
        version=_next_version(db, old.engagement_id),
        template_id=old.template_id,
        template_version=old.template_version,
        title=old.title,
        body=old.body,
        status=A.DRAFT,
        supersedes_id=old.id,
    )
    db.add(agreement)
    _withdraw_if_sent(old)
    db.flush()
    return Saved(agreement.id)


def _refuse_a_second_draft(db: Session, engagement_id: int) -> Agreement | None:
    """The engagement's current agreement, unless it is a draft: one draft at a time."""
    current = current_agreement(db, engagement_id)
    if current is not None and current.status is A.DRAFT:
        raise ValidationError({"engagement": draft_exists_message(current.version)})
    return current


def _withdraw_if_sent(old: Agreement) -> None:
    """A sent agreement was never binding: once replaced it cannot be signed by mistake. A
    signed one stays in force until its replacement is signed."""
    if old.status is A.SENT:
        old.status = A.SUPERSEDED


def _refuse_unless_draft(agreement: Agreement) -> None:
    if agreement.status is A.SUPERSEDED:
        raise ValidationError(
            {"body": _("This version was replaced by a newer one; edit the newest version.")}
        )
    if agreement.status in FROZEN:
        raise ValidationError(
            {"body": _("This agreement is signed and can no longer change; make a new version.")}
        )
    if agreement.status != A.DRAFT:
        raise ValidationError(
            {"body": _("This agreement was sent; make a new version to change it.")}
        )


def _next_version(db: Session, engagement_id: int) -> int:
    latest = db.scalar(
        select(func.max(Agreement.version)).where(Agreement.engagement_id == engagement_id)
    )
    return (latest or 0) + 1


def _set_scan(agreement: Agreement, scan: bytes, name: str, mime: str) -> None:
    agreement.scan = scan
    agreement.scan_name = name.strip()[:200]
    agreement.scan_mime = mime.strip()[:100]


def _check_text(title_field: str, title: str, body_field: str, body: str) -> None:
    errors = FieldErrors()
    errors.require(title_field, title)
    errors.max_length(title_field, title.strip(), 200)
    errors.require(body_field, body)
    errors.raise_if_any()
