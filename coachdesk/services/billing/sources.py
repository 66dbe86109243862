"""Where invoices come from, by the engagement's fee model.

- Per session: one line per session held in a period (its date and length, never its notes).
  Late cancellations and no-shows follow the late-cancel rule as the engagement counts them
  (``USED_PLACE``: they take a place and are charged); a session's own recorded fee overrides
  the engagement's, and a recorded fee of zero (waived) leaves the session off.
- Package: the whole fee on one invoice, or split into instalments created together, the
  rounding remainder on the last one.
- Monthly retainer: one invoice for one month of the engagement, on demand.
- Pro bono: never invoiced.
Sessions already on a live invoice are left out: a session is invoiced at most once.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import ROUND_DOWN, Decimal
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from coachdesk import words
from coachdesk.errors import ValidationError
from coachdesk.formatting import format_date
from coachdesk.i18n import _
from coachdesk.model import (
    CoachingSession,
    Engagement,
    FeeModel,
    Invoice,
    InvoiceLine,
    InvoiceStatus,
    SessionStatus,
)
from coachdesk.services.billing import money
from coachdesk.services.billing.drafts_in_bulk import bulk_drafts
from coachdesk.services.billing.invoices import InvoiceFields, LineFields, create_draft
from coachdesk.services.engagements.engagements import USED_PLACE
from coachdesk.services.people.profile import coach_zone, profile_fields

MAX_INSTALMENTS = 24


@dataclass(frozen=True, slots=True)
class SessionToInvoice:
    """A chargeable session on no live invoice yet: what "sessions to invoice" lists."""

    session_id: int
    client_id: int
    engagement_id: int | None
    starts_at: datetime
    status: SessionStatus
    price: Decimal


def sessions_to_invoice(
    db: Session, start: date, end: date, client_id: int | None = None
) -> list[SessionToInvoice]:
    return [
        SessionToInvoice(s.id, s.client_id, s.engagement_id, s.starts_at, s.status, price)
        for s, price in _chargeable(db, start, end, client_id=client_id)
    ]


def invoice_held_sessions(
    db: Session,
    client_id: int,
    start: date,
    end: date,
    *,
    engagement_id: int | None = None,
    tax_rate: Decimal | None = None,
    to_sponsor: bool = False,
) -> int:
    """A draft with the client's chargeable sessions of ``start``..``end`` (the coach's days)."""
    if engagement_id is not None:
        _engagement(db, engagement_id, FeeModel.PER_SESSION)
    found = _chargeable(db, start, end, client_id=client_id, engagement_id=engagement_id)
    if not found:
        raise ValidationError(
            {"sessions": _("No held sessions to invoice then (invoiced ones are left out).")}
        )
    return _session_draft(
        db,
        client_id,
        found,
        engagement_id=engagement_id,
        tax_rate=tax_rate,
        to_sponsor=to_sponsor,
    )


def invoice_sessions(
    db: Session,
    client_id: int,
    session_ids: list[int],
    *,
    tax_rate: Decimal | None = None,
    to_sponsor: bool = False,
) -> int:
    """A draft for the sessions named; one already on an invoice is refused, named."""
    sessions = list(db.scalars(select(CoachingSession).where(CoachingSession.id.in_(session_ids))))
    missing = set(session_ids) - {s.id for s in sessions}
    if missing:
        raise ValidationError(
            {"session": _("There is no session with id {id}.").format(id=min(missing))}
        )
    priced = []
    for s in sorted(sessions, key=lambda s: s.starts_at):
        if s.engagement is not None and s.engagement.fee_model is FeeModel.PRO_BONO:
            raise ValidationError({"engagement": _("A pro bono engagement is never invoiced.")})
        price = _price(db, s)
        if s.status not in USED_PLACE or price is None:
            raise ValidationError({"session": _("Session {id} is not chargeable.").format(id=s.id)})
        priced.append((s, price))
    engagements = {s.engagement_id for s, _price in priced}
    engagement_id = engagements.pop() if len(engagements) == 1 else None
    return _session_draft(
        db,
        client_id,
        priced,
        engagement_id=engagement_id,
        tax_rate=tax_rate,
        to_sponsor=to_sponsor,
    )


def invoice_held_sessions_for_everyone(
    db: Session, start: date, end: date, *, tax_rate: Decimal | None = None
) -> list[int]:
    """One draft per client (and currency) with their chargeable sessions of the period."""
    by_client: dict[tuple[int, str], list[tuple[CoachingSession, Decimal]]] = defaultdict(list)
    default_currency = profile_fields(db).default_currency
    for s, price in _chargeable(db, start, end):
        currency = s.engagement.currency if s.engagement else default_currency
        by_client[(s.client_id, currency)].append((s, price))
    rate, zone = _rate(db, tax_rate), coach_zone(db)  # read once, not once per client
    return bulk_drafts(
        db,
        [
            _session_fields(
                client_id,
                found,
                engagement_id=None,
                rate=rate,
                to_sponsor=False,
                currency=currency,
                zone=zone,
            )
            for (client_id, currency), found in sorted(by_client.items())
        ],
    )


def package_invoices(
    db: Session,
    engagement_id: int,
    instalments: int = 1,
    *,
    tax_rate: Decimal | None = None,
    to_sponsor: bool = False,
) -> list[int]:
    """The package fee as one draft, or ``instalments`` drafts whose amounts add up to it."""
    engagement = _engagement(db, engagement_id, FeeModel.PACKAGE)
    if not 1 <= instalments <= MAX_INSTALMENTS:
        message = _("Must be between {low} and {high}.")
        raise ValidationError({"instalments": message.format(low=1, high=MAX_INSTALMENTS)})
    if _live(db, engagement_id, Invoice.instalment.is_not(None)):
        raise ValidationError({"engagement": _("This package is already invoiced.")})
    total = engagement.fee_amount
    part = (total / instalments).quantize(
        Decimal(1).scaleb(-money.minor_places(engagement.currency)), rounding=ROUND_DOWN
    )
    rate = _rate(db, tax_rate)
    ids = []
    for n in range(1, instalments + 1):
        amount = part if n < instalments else total - part * (instalments - 1)
        if instalments == 1:
            text = _("{title}: package of {n} sessions").format(
                title=engagement.title, n=engagement.planned_sessions or "?"
            )
        else:
            text = _("{title}: package, instalment {k} of {n}").format(
                title=engagement.title, k=n, n=instalments
            )
        invoice_id = create_draft(
            db,
            InvoiceFields(
                client_id=engagement.client_id,
                engagement_id=engagement_id,
                to_sponsor=to_sponsor,
                lines=[LineFields(text, Decimal(1), amount, rate)],
            ),
        )
        invoice = db.get(Invoice, invoice_id)
        assert invoice is not None
        invoice.instalment, invoice.instalments = n, instalments
        ids.append(invoice_id)
    db.flush()
    return ids


def retainer_invoice(
    db: Session,
    engagement_id: int,
    month: date,
    *,
    tax_rate: Decimal | None = None,
    to_sponsor: bool = False,
) -> int:
    """The retainer of the month holding ``month``, once per month of the engagement."""
    engagement = _engagement(db, engagement_id, FeeModel.MONTHLY_RETAINER)
    first = month.replace(day=1)
    last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    if last < engagement.start_date or (engagement.end_date and first > engagement.end_date):
        raise ValidationError({"period": _("That month is outside the engagement's dates.")})
    period = f"{first:%Y-%m}"
    if _live(db, engagement_id, Invoice.period == period):
        raise ValidationError({"period": _("That month is already invoiced.")})
    month_name = format_date(first).split(" ", 1)[1]
    text = _("{title}: retainer for {month}").format(title=engagement.title, month=month_name)
    invoice_id = create_draft(
        db,
        InvoiceFields(
            client_id=engagement.client_id,
            engagement_id=engagement_id,
            to_sponsor=to_sponsor,
            lines=[LineFields(text, Decimal(1), engagement.fee_amount, _rate(db, tax_rate))],
        ),
    )
    invoice = db.get(Invoice, invoice_id)
    assert invoice is not None
    invoice.period = period
    db.flush()
    return invoice_id


def _engagement(db: Session, engagement_id: int, model: FeeModel) -> Engagement:
    engagement = db.get(Engagement, engagement_id)
    if engagement is None:
        raise ValidationError(
            {"engagement": _("There is no engagement with id {id}.").format(id=engagement_id)}
        )
    if engagement.fee_model is FeeModel.PRO_BONO:
        raise ValidationError({"engagement": _("A pro bono engagement is never invoiced.")})
    if engagement.fee_model is not model:
        message = _("This engagement is invoiced {how}, not {asked}.")
        raise ValidationError(
            {
                "engagement": message.format(
                    how=words.in_sentence(engagement.fee_model), asked=words.in_sentence(model)
                )
            }
        )
    return engagement


def _live(db: Session, engagement_id: int, condition: object) -> bool:
    """Whether a draft or issued invoice of the engagement matches ``condition``."""
    return (
        db.scalar(
            select(Invoice.id).where(
                Invoice.engagement_id == engagement_id,
                Invoice.status != InvoiceStatus.CANCELLED,
                condition,  # type: ignore[arg-type]
            )
        )
        is not None
    )


def _rate(db: Session, tax_rate: Decimal | None) -> Decimal:
    return profile_fields(db).default_tax_rate if tax_rate is None else tax_rate


def _chargeable(
    db: Session,
    start: date,
    end: date,
    *,
    client_id: int | None = None,
    engagement_id: int | None = None,
) -> list[tuple[CoachingSession, Decimal]]:
    zone = coach_zone(db)
    query = (
        select(CoachingSession)
        .outerjoin(InvoiceLine, InvoiceLine.session_claim == CoachingSession.id)
        .where(
            CoachingSession.status.in_(USED_PLACE),
            CoachingSession.starts_at >= datetime.combine(start, time.min, zone),
            CoachingSession.starts_at < datetime.combine(end + timedelta(days=1), time.min, zone),
            InvoiceLine.id.is_(None),
        )
        .order_by(CoachingSession.client_id, CoachingSession.starts_at)
    )
    if client_id is not None:
        query = query.where(CoachingSession.client_id == client_id)
    if engagement_id is not None:
        query = query.where(CoachingSession.engagement_id == engagement_id)
    default_fee = profile_fields(db).default_fee
    found = []
    # The engagements come in one query beside the sessions, not one lookup per session.
    for s in db.scalars(query.options(selectinload(CoachingSession.engagement))):
        price = _price(db, s, default_fee)
        if price:
            found.append((s, price))
    return found


def _price(db: Session, s: CoachingSession, default_fee: Decimal | None = None) -> Decimal | None:
    """What the session costs, or None when it is not invoiced per session; ``default_fee``
    is the profile's, when the caller has read it already."""
    if s.fee_charged is not None:
        return s.fee_charged
    if s.engagement is None:
        return profile_fields(db).default_fee if default_fee is None else default_fee
    if s.engagement.fee_model is not FeeModel.PER_SESSION:
        return None
    return s.engagement.fee_amount


def _session_draft(
    db: Session,
    client_id: int,
    found: list[tuple[CoachingSession, Decimal]],
    *,
    engagement_id: int | None,
    tax_rate: Decimal | None,
    to_sponsor: bool,
) -> int:
    return create_draft(
        db,
        _session_fields(
            client_id,
            found,
            engagement_id=engagement_id,
            rate=_rate(db, tax_rate),
            to_sponsor=to_sponsor,
            zone=coach_zone(db),
        ),
    )


def _session_fields(
    client_id: int,
    found: list[tuple[CoachingSession, Decimal]],
    *,
    engagement_id: int | None,
    rate: Decimal,
    to_sponsor: bool,
    zone: ZoneInfo,
    currency: str = "",
) -> InvoiceFields:
    """A draft of one line per session; sessions of engagements in several currencies are
    refused."""
    currencies = {s.engagement.currency for s, _price in found if s.engagement is not None}
    if len(currencies) > 1:
        raise ValidationError(
            {"currency": _("These sessions are in several currencies: invoice one engagement.")}
        )
    lines = [
        LineFields(_session_text(s, zone), Decimal(1), price, rate, session_id=s.id)
        for s, price in found
    ]
    return InvoiceFields(
        client_id=client_id,
        engagement_id=engagement_id,
        to_sponsor=to_sponsor,
        currency=currency or (currencies.pop() if currencies else ""),
        lines=lines,
    )


def _session_text(s: CoachingSession, zone: object) -> str:
    day = format_date(s.starts_at.astimezone(zone))  # type: ignore[arg-type]
    if s.status is SessionStatus.COMPLETED:
        return _("Session on {day}, {minutes} min").format(day=day, minutes=s.duration_minutes)
    return _("{status}: session on {day}, {minutes} min").format(
        status=words.label(s.status), day=day, minutes=s.duration_minutes
    )
