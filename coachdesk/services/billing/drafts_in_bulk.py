"""Drafts made many at once, for a month invoiced for every client: checked as one draft is,
written with a bulk insert of the invoices and one of their lines (a flush per draft made
5,000 drafts take half a minute)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, insert, select
from sqlalchemy.orm import Session

from coachdesk.i18n import _
from coachdesk.model import (
    Client,
    CoachingSession,
    Engagement,
    Invoice,
    InvoiceKind,
    InvoiceLine,
    InvoiceStatus,
)
from coachdesk.services.billing import money
from coachdesk.services.billing.invoices import InvoiceFields, check_draft, line_values
from coachdesk.services.people.clients import get_client
from coachdesk.services.people.profile import profile_fields
from coachdesk.services.validation import FieldErrors

IN_SLICE = 10_000  # ids bound per query: under SQLite's limit on parameters


def bulk_drafts(db: Session, drafts: list[InvoiceFields]) -> list[int]:
    """Many drafts at once (a month invoiced for every client), each checked as
    ``create_draft`` checks it, then written with one bulk insert of the invoices and one of
    their lines instead of a flush per draft. A problem in any draft raises its errors and
    none is written."""
    profile = profile_fields(db)
    known = set(_in(db, select(Client.id), Client.id, [d.client_id for d in drafts]))
    engagements = {
        e.id: e
        for e in _in(db, select(Engagement), Engagement.id, [d.engagement_id for d in drafts])
    }
    claims = [line.session_id for d in drafts for line in d.lines if line.session_id is not None]
    owners = dict(
        _in(db, select(CoachingSession.id, CoachingSession.client_id), CoachingSession.id, claims)
    )
    claimed = {
        row.session_claim: row
        for row in _in(
            db,
            select(InvoiceLine.session_claim, Invoice.number, Invoice.id).join(
                Invoice, Invoice.id == InvoiceLine.invoice_id
            ),
            InvoiceLine.session_claim,
            claims,
        )
    }
    seen: set[int] = set()
    rows, lines = [], []
    for data in drafts:
        if data.client_id not in known:
            get_client(db, data.client_id)  # raises, naming the client
        errors = FieldErrors()
        checked = check_draft(db, data, engagements.get(data.engagement_id or 0), profile, errors)
        ids = [line.session_id for line in data.lines if line.session_id is not None]
        _check_claims(data, ids, seen=seen, owners=owners, claimed=claimed, errors=errors)
        errors.raise_if_any()
        seen.update(ids)
        totals = money.totals(
            ((x.quantity, x.unit_price, x.tax_rate) for x in data.lines), checked.currency
        )
        rows.append(
            {
                "kind": InvoiceKind.INVOICE,
                "status": InvoiceStatus.DRAFT,
                "client_id": data.client_id,
                "engagement_id": data.engagement_id,
                "sponsor_id": checked.sponsor_id,
                "currency": checked.currency,
                "notes": data.notes.strip(),
                "footer": checked.footer,
                "net_total": totals.net,
                "tax_total": totals.tax,
                "gross_total": totals.gross,
            }
        )
        lines.append(line_values(data))
    if not rows:
        return []
    ids = list(
        db.scalars(insert(Invoice).returning(Invoice.id, sort_by_parameter_order=True), rows)
    )
    db.execute(
        insert(InvoiceLine),
        [
            line | {"invoice_id": ident}
            for ident, some in zip(ids, lines, strict=True)
            for line in some
        ],
    )
    return ids


def _check_claims(
    data: InvoiceFields,
    ids: list[int],
    *,
    seen: set[int],
    owners: dict[int, int],
    claimed: dict[int, Any],
    errors: FieldErrors,
) -> None:
    """``invoices._check_sessions`` over what ``bulk_drafts`` read for every draft at once;
    a session on two of the new drafts is on an invoice twice."""
    if len(ids) != len(set(ids)) or seen.intersection(ids):
        errors.add("session", _("A session can be on an invoice only once."))
    for session_id in ids:
        if owners.get(session_id) != data.client_id:
            errors.add("session", _("Session {id} is not this client's.").format(id=session_id))
    found = next((claimed[i] for i in ids if i in claimed), None)
    if found is not None:
        where = found.number or _("draft {id}").format(id=found.id)
        errors.add(
            "session",
            _("Session {id} is already invoiced on {where}.").format(id=found[0], where=where),
        )


def _in(db: Session, query: Select[*tuple[Any, ...]], column: Any, values: list[Any]) -> list[Any]:
    """``query`` for the rows whose ``column`` is among ``values``, asked in slices that stay
    under SQLite's limit on bound parameters."""
    wanted = sorted({v for v in values if v is not None})
    found: list[Any] = []
    for at in range(0, len(wanted), IN_SLICE):
        found.extend(db.execute(query.where(column.in_(wanted[at : at + IN_SLICE]))).all())
    return [row[0] if len(row) == 1 else row for row in found]
