"""Every agreement of the practice in one list, one agreement in detail, and its signed scan.

The list is light rows from one query (no ORM object per row, no document bytes), so the
Agreements view stays instant with thousands of them; bytes are read only when one is opened.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased, undefer

from coachdesk.documents.templates import clause_check
from coachdesk.errors import ValidationError
from coachdesk.i18n import _
from coachdesk.model import (
    Agreement,
    AgreementStatus,
    Client,
    Engagement,
    EngagementKind,
    EngagementStatus,
    SigningMethod,
)
from coachdesk.services.agreements.agreements import get_agreement

MAX_SCAN_BYTES = 25 * 1024 * 1024
SCAN_KINDS = (  # (magic bytes, MIME type): what a scanner or a phone produces
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
)


@dataclass(frozen=True, slots=True)
class AgreementListRow:
    """One agreement version in the practice-wide list."""

    id: int
    client_id: int
    client_name: str
    engagement_id: int
    engagement_title: str
    title: str
    version: int
    status: AgreementStatus
    sent_on: date | None
    signed_on: date | None
    days_waiting: int | None  # sent and not signed yet: days since it was sent
    has_scan: bool


@dataclass(frozen=True, slots=True)
class AgreementView:
    """One agreement as its editor shows it (the text, without the PDF or scan bytes)."""

    id: int
    engagement_id: int
    client_name: str
    engagement_title: str
    title: str
    body: str
    version: int
    status: AgreementStatus
    sent_on: date | None
    client_signed_on: date | None
    coach_signed_on: date | None
    sponsor_signed_on: date | None
    signing_method: SigningMethod | None
    sponsored: bool
    scan_name: str
    has_scan: bool
    superseded_by: int | None

    @property
    def frozen(self) -> bool:
        return self.status in (AgreementStatus.SIGNED, AgreementStatus.SUPERSEDED)


@dataclass(frozen=True, slots=True)
class Scan:
    data: bytes
    name: str
    mime: str


RANK = {AgreementStatus.SENT: 0, AgreementStatus.DRAFT: 1, AgreementStatus.SIGNED: 2}


def list_all_agreements(db: Session, today: date) -> list[AgreementListRow]:
    """Every agreement of every client, what needs doing first: those awaiting signature
    (longest wait first), then drafts, then signed ones and the versions they replaced,
    newest first within each.
    """
    a = Agreement
    query = (
        select(
            a.id,
            Client.id,
            Client.display_name,
            Engagement.id,
            Engagement.title,
            a.title,
            a.version,
            a.status,
            a.sent_on,
            a.client_signed_on,
            a.scan.is_not(None),
        )
        .join(Engagement, Engagement.id == a.engagement_id)
        .join(Client, Client.id == Engagement.client_id)
        .order_by(a.id.desc())
    )
    rows = []
    for row in db.execute(query):
        status, sent_on = row[7], row[8]
        waiting = (
            max((today - sent_on).days, 0)
            if status is AgreementStatus.SENT and sent_on is not None
            else None
        )
        rows.append(AgreementListRow(*row[:10], days_waiting=waiting, has_scan=bool(row[10])))
    rows.sort(key=lambda r: (RANK.get(r.status, 3), -(r.days_waiting or 0), -r.id))
    return rows


def agreement_view(db: Session, agreement_id: int) -> AgreementView:
    a = get_agreement(db, agreement_id)
    e = a.engagement
    newer = aliased(Agreement)
    superseded_by = db.scalar(select(newer.id).where(newer.supersedes_id == a.id).limit(1))
    return AgreementView(
        id=a.id,
        engagement_id=e.id,
        client_name=e.client.display_name,
        engagement_title=e.title,
        title=a.title,
        body=a.body,
        version=a.version,
        status=a.status,
        sent_on=a.sent_on,
        client_signed_on=a.client_signed_on,
        coach_signed_on=a.coach_signed_on,
        sponsor_signed_on=a.sponsor_signed_on,
        signing_method=a.signing_method,
        sponsored=e.sponsor_id is not None,
        scan_name=a.scan_name,
        has_scan=db.scalar(select(Agreement.scan.is_not(None)).where(Agreement.id == a.id))
        or False,
        superseded_by=superseded_by,
    )


def clauses(body: str, *, sponsored: bool, language: str | None = None) -> list[tuple[str, bool]]:
    """The ICF-recommended sections the text has (True) and lacks (False).

    ``language`` picks its headings' keywords; without one, the text's own language is told.
    """
    return clause_check(body, sponsored=sponsored, language=language)


def scan_mime(name: str, data: bytes) -> str:
    """The type of a signed scan told from its bytes (not its name), or a field error."""
    if not data:
        raise ValidationError({"scan": _("The file {name} is empty.").format(name=name)})
    if len(data) > MAX_SCAN_BYTES:
        raise ValidationError(
            {
                "scan": _("The scan is larger than {n} MB; scan at a lower resolution.").format(
                    n=MAX_SCAN_BYTES // (1024 * 1024)
                )
            }
        )
    for magic, mime in SCAN_KINDS:
        if data.startswith(magic):
            return mime
    raise ValidationError({"scan": _("{name} is not a PDF, PNG or JPEG file.").format(name=name)})


def get_scan(db: Session, agreement_id: int) -> Scan:
    a = db.scalars(
        select(Agreement).where(Agreement.id == agreement_id).options(undefer(Agreement.scan))
    ).first()
    if a is None or not a.scan:
        raise ValidationError({"scan": _("This agreement has no signed scan attached.")})
    return Scan(a.scan, a.scan_name, a.scan_mime)


def running_engagement_kinds(db: Session) -> dict[int, EngagementKind]:
    """Engagement id -> kind, for every engagement an agreement can still be drafted for."""
    running = (EngagementStatus.DRAFT, EngagementStatus.PROPOSED, EngagementStatus.ACTIVE)
    query = select(Engagement.id, Engagement.kind).where(Engagement.status.in_(running))
    return {engagement_id: kind for engagement_id, kind in db.execute(query)}
