"""Mentor coaching the coach received, and whether it meets the ICF's requirement.

The ICF asks for 10 hours of mentor coaching over at least three months, at least 3 of them
one-to-one; group mentor coaching counts for at most 7 hours, in groups of 10 or fewer; the log
keeps each mentor's name, email and credential with the dates and hours (ICF, "Mentor Coaching"
under Credentials and Standards on coachingfederation.org; the requirement as issue 13 quotes it).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from coachdesk.errors import ValidationError
from coachdesk.i18n import _
from coachdesk.model import MentorCoaching
from coachdesk.services.credentials.coaching_log import hours
from coachdesk.services.engagements.engagements import add_months
from coachdesk.services.people.clients import Saved
from coachdesk.services.validation import FieldErrors

REQUIRED_MINUTES = 10 * 60
ONE_TO_ONE_MINUTES = 3 * 60
GROUP_MINUTES_CAP = 7 * 60
MAX_GROUP = 10
SPAN_MONTHS = 3


@dataclass
class MentoringFields:
    held_on: date | None = None
    mentor_name: str = ""
    mentor_email: str = ""
    mentor_credential: str = ""
    minutes: int = 60
    group_size: int | None = None  # None: one-to-one


@dataclass(frozen=True, slots=True)
class MentoringRow:
    id: int
    held_on: date
    mentor_name: str
    mentor_email: str
    mentor_credential: str
    hours: Decimal
    group_size: int | None


@dataclass(frozen=True, slots=True)
class MentoringProgress:
    """Counted hours toward the requirement, and what is still missing."""

    counted_hours: Decimal
    one_to_one_hours: Decimal
    group_hours: Decimal  # counted, after the 7-hour cap
    first: date | None
    last: date | None
    met: bool
    missing: list[str]


def add_mentoring(db: Session, data: MentoringFields) -> Saved:
    entry = MentorCoaching()
    _apply(entry, data)
    db.add(entry)
    db.flush()
    return Saved(entry.id)


def update_mentoring(db: Session, entry_id: int, data: MentoringFields) -> Saved:
    entry = _entry(db, entry_id)
    _apply(entry, data)
    db.flush()
    return Saved(entry.id)


def delete_mentoring(db: Session, entry_id: int) -> None:
    db.delete(_entry(db, entry_id))
    db.flush()


def mentoring_fields(db: Session, entry_id: int) -> MentoringFields:
    entry = _entry(db, entry_id)
    return MentoringFields(**{f.name: getattr(entry, f.name) for f in fields(MentoringFields)})


def _entry(db: Session, entry_id: int) -> MentorCoaching:
    entry = db.get(MentorCoaching, entry_id)
    if entry is None:
        message = _("There is no mentor coaching entry with id {id}.").format(id=entry_id)
        raise ValidationError({"entry": message})
    return entry


def _apply(entry: MentorCoaching, data: MentoringFields) -> None:
    errors = FieldErrors()
    if data.held_on is None:
        errors.add("held_on", _("This field is required."))
    errors.require("mentor_name", data.mentor_name)
    errors.max_length("mentor_name", data.mentor_name, 200)
    errors.email("mentor_email", data.mentor_email)
    errors.max_length("mentor_credential", data.mentor_credential, 100)
    errors.plain_text(data)
    errors.in_range("minutes", data.minutes, 1, 480)
    errors.in_range("group_size", data.group_size, 2, 1000)
    errors.raise_if_any()
    for f in fields(MentoringFields):
        setattr(entry, f.name, getattr(data, f.name))
    entry.mentor_name, entry.mentor_email = data.mentor_name.strip(), data.mentor_email.strip()


def list_mentoring(db: Session) -> list[MentoringRow]:
    m = MentorCoaching
    return [
        MentoringRow(
            e.id,
            e.held_on,
            e.mentor_name,
            e.mentor_email,
            e.mentor_credential,
            hours(e.minutes),
            e.group_size,
        )
        for e in db.scalars(select(m).order_by(m.held_on, m.id))
    ]


def mentoring_progress(db: Session) -> MentoringProgress:
    """Groups larger than ten never count; group hours count up to seven."""
    entries = list(db.scalars(select(MentorCoaching).order_by(MentorCoaching.held_on)))
    one_to_one = sum(e.minutes for e in entries if e.group_size is None)
    in_groups = sum(
        e.minutes for e in entries if e.group_size is not None and e.group_size <= MAX_GROUP
    )
    group = min(in_groups, GROUP_MINUTES_CAP)
    counted = one_to_one + group
    first = entries[0].held_on if entries else None
    last = entries[-1].held_on if entries else None
    missing = []
    if counted < REQUIRED_MINUTES:
        missing.append(
            _("{h} more hours of mentor coaching").format(h=hours(REQUIRED_MINUTES - counted))
        )
    if one_to_one < ONE_TO_ONE_MINUTES:
        missing.append(
            _("{h} more one-to-one hours").format(h=hours(ONE_TO_ONE_MINUTES - one_to_one))
        )
    if first is None or last is None or last < add_months(first, SPAN_MONTHS):
        missing.append(_("mentor coaching spread over at least three months"))
    return MentoringProgress(
        hours(counted), hours(one_to_one), hours(group), first, last, not missing, missing
    )
