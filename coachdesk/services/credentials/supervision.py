"""Supervision and reflective practice: the log coaches under EMCC, or under a supervision
contract of their own, keep. The reflection is the coach's private note and stays in the vault:
only dates, supervisors and hours are ever listed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coachdesk.errors import ValidationError
from coachdesk.i18n import _
from coachdesk.model import SupervisionEntry
from coachdesk.services.credentials.coaching_log import hours
from coachdesk.services.people.clients import Saved
from coachdesk.services.validation import FieldErrors


@dataclass
class SupervisionFields:
    held_on: date | None = None
    supervisor: str = ""
    minutes: int = 60
    reflection: str = ""


@dataclass(frozen=True, slots=True)
class SupervisionRow:
    id: int
    held_on: date
    supervisor: str
    hours: Decimal


def add_supervision(db: Session, data: SupervisionFields) -> Saved:
    entry = SupervisionEntry()
    _apply(entry, data)
    db.add(entry)
    db.flush()
    return Saved(entry.id)


def update_supervision(db: Session, entry_id: int, data: SupervisionFields) -> Saved:
    entry = _entry(db, entry_id)
    _apply(entry, data)
    db.flush()
    return Saved(entry.id)


def delete_supervision(db: Session, entry_id: int) -> None:
    db.delete(_entry(db, entry_id))
    db.flush()


def supervision_fields(db: Session, entry_id: int) -> SupervisionFields:
    """The entry with its reflection, for the coach's own editor only."""
    e = _entry(db, entry_id)
    return SupervisionFields(e.held_on, e.supervisor, e.minutes, e.reflection)


def _entry(db: Session, entry_id: int) -> SupervisionEntry:
    entry = db.get(SupervisionEntry, entry_id)
    if entry is None:
        message = _("There is no supervision entry with id {id}.").format(id=entry_id)
        raise ValidationError({"entry": message})
    return entry


def _apply(entry: SupervisionEntry, data: SupervisionFields) -> None:
    errors = FieldErrors()
    if data.held_on is None:
        errors.add("held_on", _("This field is required."))
    errors.require("supervisor", data.supervisor)
    errors.max_length("supervisor", data.supervisor, 200)
    errors.single_line("supervisor", data.supervisor)
    errors.in_range("minutes", data.minutes, 1, 480)
    errors.notes("reflection", data.reflection)
    errors.raise_if_any()
    assert data.held_on is not None
    entry.held_on, entry.supervisor = data.held_on, data.supervisor.strip()
    entry.minutes, entry.reflection = data.minutes, data.reflection


def list_supervision(db: Session) -> list[SupervisionRow]:
    s = SupervisionEntry
    query = select(s.id, s.held_on, s.supervisor, s.minutes).order_by(s.held_on, s.id)
    return [SupervisionRow(i, day, who, hours(m)) for i, day, who, m in db.execute(query)]


def supervision_hours(db: Session) -> Decimal:
    return hours(db.scalar(select(func.coalesce(func.sum(SupervisionEntry.minutes), 0))) or 0)
