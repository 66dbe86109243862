"""The register of subject access requests: received, due a calendar month later, answered.

The GDPR gives a month to answer (Art. 12(3)); the month is a calendar one, the day clamped to
the month's end (31 January is due 28 or 29 February), as ``add_months`` counts it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from coachdesk.errors import ValidationError
from coachdesk.i18n import _
from coachdesk.model import AccessRequest, Client
from coachdesk.services.engagements.engagements import add_months
from coachdesk.services.people.clients import get_client
from coachdesk.services.validation import FieldErrors

ANSWER_MONTHS = 1


@dataclass(frozen=True, slots=True)
class RequestRow:
    """One request of the register; ``client_name`` is empty once the client was erased."""

    id: int
    client_id: int | None
    client_name: str
    received_on: date
    due_on: date
    answered_on: date | None
    how_received: str
    private_notes_included: bool
    private_notes_reason: str

    def overdue(self, today: date) -> bool:
        return self.answered_on is None and self.due_on < today


def due_date(received_on: date) -> date:
    """When the answer to a request received on ``received_on`` is due."""
    return add_months(received_on, ANSWER_MONTHS)


def record_access_request(
    db: Session, client_id: int, received_on: date, how: str = "", *, today: date | None = None
) -> int:
    """Register a request from the client ``client_id``; returns its id."""
    get_client(db, client_id)
    errors = FieldErrors()
    errors.single_line("how_received", how)
    errors.max_length("how_received", how, 200)
    if today is not None and received_on > today:
        errors.add("received_on", _("A request cannot be received in the future."))
    errors.raise_if_any()
    request = AccessRequest(
        client_id=client_id,
        received_on=received_on,
        due_on=due_date(received_on),
        how_received=how.strip(),
    )
    db.add(request)
    db.flush()
    return request.id


def answer_access_request(
    db: Session,
    request_id: int,
    answered_on: date,
    *,
    private_notes_included: bool = False,
    private_notes_reason: str = "",
) -> None:
    """Mark the request answered, recording whether the pack held the private notes and why."""
    request = db.get(AccessRequest, request_id)
    if request is None:
        raise ValidationError({"request": _("That access request does not exist.")})
    errors = FieldErrors()
    errors.multi_line("private_notes_reason", private_notes_reason)
    if private_notes_included and not private_notes_reason.strip():
        errors.add(
            "private_notes_reason",
            _("Say why the private notes are included: the register keeps the reason."),
        )
    if answered_on < request.received_on:
        errors.add("answered_on", _("A request cannot be answered before it was received."))
    errors.raise_if_any()
    request.answered_on = answered_on
    request.private_notes_included = private_notes_included
    request.private_notes_reason = private_notes_reason.strip() if private_notes_included else ""
    db.flush()


def open_request_for(db: Session, client_id: int) -> int | None:
    """The client's oldest unanswered request, which a pack made now answers."""
    return db.scalar(
        select(AccessRequest.id)
        .where(AccessRequest.client_id == client_id, AccessRequest.answered_on.is_(None))
        .order_by(AccessRequest.received_on, AccessRequest.id)
        .limit(1)
    )


def access_requests(db: Session, *, open_only: bool = False) -> list[RequestRow]:
    """The register, the most recently received first (open requests by deadline)."""
    r = AccessRequest
    query = select(
        r.id,
        r.client_id,
        Client.display_name,
        r.received_on,
        r.due_on,
        r.answered_on,
        r.how_received,
        r.private_notes_included,
        r.private_notes_reason,
    ).outerjoin(Client, Client.id == r.client_id)
    if open_only:
        query = query.where(r.answered_on.is_(None)).order_by(r.due_on, r.id)
    else:
        query = query.order_by(r.received_on.desc(), r.id.desc())
    return [RequestRow(row[0], row[1], row[2] or "", *row[3:]) for row in db.execute(query).all()]
