"""Adding the chosen rows as clients, all in the caller's one transaction.

Rows go in with one Core ``insert()`` per thousand, as the demo data does: at 10,000 rows the
ORM's unit of work would take several times longer. Each row is checked again by the client
form's rules first, so nothing the form would refuse can slip in.

``progress(done, total)`` hears of each batch. When it raises (``Cancelled``: the coach pressed
Cancel) the import stops there and the caller's rollback takes back the batches already added:
a file is imported whole or not at all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import fields
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from coachdesk.errors import ValidationError
from coachdesk.i18n import _
from coachdesk.model import Client
from coachdesk.services.exchange.contacts_import.plan import PlannedRow
from coachdesk.services.people.clients import ClientFields, client_problems, derived_keys

BATCH = 1000
NOT_COLUMNS = {"tags"}
Progress = Callable[[int, int], None]


def import_rows(db: Session, rows: Iterable[PlannedRow], progress: Progress | None = None) -> int:
    """Add each row as a client; returns how many. Raises before writing if any row is invalid,
    and the caller's rollback then leaves the vault as it was."""
    now = datetime.now(UTC)
    values = []
    for row in rows:
        problems = client_problems(db, row.fields)
        if problems:
            message = _("Row {row} cannot be imported: {reason}")
            reason = " ".join(problems.values())
            raise ValidationError({"row": message.format(row=row.number, reason=reason)})
        values.append(_columns(row.fields, now))
    total = len(values)
    report = progress or _unheard
    report(0, total)
    for start in range(0, total, BATCH):
        db.execute(insert(Client), values[start : start + BATCH])
        report(min(start + BATCH, total), total)
    return total


def _unheard(done: int, total: int) -> None:
    """Nobody follows this import (the command line's)."""


def _columns(data: ClientFields, now: datetime) -> dict[str, Any]:
    columns = {
        f.name: getattr(data, f.name) for f in fields(ClientFields) if f.name not in NOT_COLUMNS
    }
    columns["email"] = data.email.strip()
    columns.update(derived_keys(data), created_at=now, updated_at=now)
    return columns
