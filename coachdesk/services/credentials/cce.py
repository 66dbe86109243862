"""Continuing Coach Education (CCE): the activities, their certificates (kept inside the vault,
as agreement scans are), and what a credential's renewal still needs.

ICF credentials are valid for three years; each renewal needs 40 CCE units earned in the cycle,
one hour being one unit, in two types, Core Competencies and Resource Development
(https://coachingfederation.org/credentials-and-standards/professional-development). At least 24
of the 40 are Core Competencies and at least 3 are in coaching ethics (ICF, "ICF Adds Ethics
Component to Credential Renewal Requirements", 2015,
https://www.coachfederation.org/newsdetail.cfm?ItemNumber=4150).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from coachdesk.errors import ValidationError
from coachdesk.i18n import _
from coachdesk.model import CceActivity, CceCategory
from coachdesk.services.engagements.engagements import add_months
from coachdesk.services.people.clients import Saved
from coachdesk.services.people.profile import coach_today, profile_fields
from coachdesk.services.validation import FieldErrors

CYCLE_MONTHS = 36
UNITS_NEEDED = Decimal(40)
CORE_NEEDED = Decimal(24)
ETHICS_NEEDED = Decimal(3)
MAX_EVIDENCE_BYTES = 10 * 1024 * 1024


@dataclass
class CceFields:
    held_on: date | None = None
    provider: str = ""
    title: str = ""
    category: CceCategory = CceCategory.CORE_COMPETENCIES
    units: Decimal = Decimal(0)
    ethics_units: Decimal = Decimal(0)


@dataclass(frozen=True, slots=True)
class CceRow:
    id: int
    held_on: date
    provider: str
    title: str
    category: CceCategory
    units: Decimal
    ethics_units: Decimal
    evidence_name: str  # "" when no certificate is attached


@dataclass(frozen=True, slots=True)
class CceStatus:
    """The renewal cycle ending at ``renewal_due_on`` (or the three years up to today)."""

    cycle_start: date
    renewal_due_on: date | None
    units: Decimal
    core_units: Decimal
    ethics_units: Decimal
    units_needed: Decimal
    core_needed: Decimal
    ethics_needed: Decimal

    @property
    def met(self) -> bool:
        return not (self.units_needed or self.core_needed or self.ethics_needed)


def add_cce(
    db: Session,
    data: CceFields,
    evidence: bytes | None = None,
    evidence_name: str = "",
    evidence_mime: str = "",
) -> Saved:
    activity = CceActivity()
    _apply(activity, data, evidence, evidence_name, evidence_mime)
    db.add(activity)
    db.flush()
    return Saved(activity.id)


def update_cce(
    db: Session,
    activity_id: int,
    data: CceFields,
    *,
    evidence: bytes | None = None,
    evidence_name: str = "",
    evidence_mime: str = "",
) -> Saved:
    """Edit an activity; its certificate stays unless another file is given."""
    activity = _activity(db, activity_id)
    _apply(activity, data, evidence, evidence_name, evidence_mime)
    db.flush()
    return Saved(activity.id)


def delete_cce(db: Session, activity_id: int) -> None:
    db.delete(_activity(db, activity_id))
    db.flush()


def cce_fields(db: Session, activity_id: int) -> CceFields:
    a = _activity(db, activity_id)
    return CceFields(a.held_on, a.provider, a.title, a.category, a.units, a.ethics_units)


def _activity(db: Session, activity_id: int) -> CceActivity:
    activity = db.get(CceActivity, activity_id)
    if activity is None:
        message = _("There is no CCE activity with id {id}.").format(id=activity_id)
        raise ValidationError({"activity": message})
    return activity


def _apply(
    activity: CceActivity,
    data: CceFields,
    evidence: bytes | None,
    evidence_name: str,
    evidence_mime: str,
) -> None:
    """Checks everything first, so a refused save changes nothing."""
    errors = FieldErrors()
    if data.held_on is None:
        errors.add("held_on", _("This field is required."))
    for name, limit in (("provider", 200), ("title", 300)):
        errors.require(name, getattr(data, name))
        errors.max_length(name, getattr(data, name), limit)
    errors.plain_text(data)
    _check_units(errors, "units", data.units)
    _check_units(errors, "ethics_units", data.ethics_units)
    if data.units <= 0:
        errors.add("units", _("An activity earns more than zero units."))
    if data.ethics_units > data.units:
        errors.add("ethics_units", _("Ethics units are part of the activity's units."))
    if evidence is not None:
        if not evidence:
            errors.add("evidence", _("The certificate file is empty."))
        elif len(evidence) > MAX_EVIDENCE_BYTES:
            errors.add("evidence", _("The certificate must be smaller than 10 MB."))
    errors.raise_if_any()
    assert data.held_on is not None
    activity.held_on = data.held_on
    activity.provider, activity.title = data.provider.strip(), data.title.strip()
    activity.category = CceCategory(data.category)
    activity.units, activity.ethics_units = data.units, data.ethics_units
    if evidence:
        activity.evidence = evidence
        activity.evidence_name = evidence_name.strip()[:200]
        activity.evidence_mime = evidence_mime.strip()[:100]


def _check_units(errors: FieldErrors, field: str, value: Decimal) -> None:
    if not value.is_finite() or value < 0 or value > 1000:
        errors.add(field, _("Enter units from 0 to 1000."))
    elif value != value.quantize(Decimal("0.01")):
        errors.add(field, _("Units have at most two decimals."))


def list_cce(db: Session) -> list[CceRow]:
    a = CceActivity
    query = select(
        a.id, a.held_on, a.provider, a.title, a.category, a.units, a.ethics_units, a.evidence_name
    ).order_by(a.held_on, a.id)
    return [CceRow(*row) for row in db.execute(query)]


def cce_evidence(db: Session, activity_id: int) -> tuple[bytes, str, str]:
    """The certificate of an activity: its bytes, file name and MIME type."""
    activity = db.get(CceActivity, activity_id)
    if activity is None or activity.evidence is None:
        message = _("Activity {id} has no certificate.").format(id=activity_id)
        raise ValidationError({"evidence": message})
    return activity.evidence, activity.evidence_name, activity.evidence_mime


def cce_status(db: Session, today: date | None = None) -> CceStatus:
    renewal = profile_fields(db).renewal_due_on
    end = renewal or today or coach_today(db)
    start = add_months(end, -CYCLE_MONTHS)
    rows = [r for r in list_cce(db) if start <= r.held_on <= end]
    units = sum((r.units for r in rows), Decimal(0))
    core = sum((r.units for r in rows if r.category == CceCategory.CORE_COMPETENCIES), Decimal(0))
    ethics = sum((r.ethics_units for r in rows), Decimal(0))
    return CceStatus(
        cycle_start=start,
        renewal_due_on=renewal,
        units=units,
        core_units=core,
        ethics_units=ethics,
        units_needed=max(UNITS_NEEDED - units, Decimal(0)),
        core_needed=max(CORE_NEEDED - core, Decimal(0)),
        ethics_needed=max(ETHICS_NEEDED - ethics, Decimal(0)),
    )
