"""Sponsors: the organisations that pay for coaching, and the sponsor list."""

from __future__ import annotations

from dataclasses import dataclass, fields

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coachdesk.errors import ValidationError
from coachdesk.i18n import _
from coachdesk.model import Client, Sponsor
from coachdesk.services.people.clients import Saved
from coachdesk.services.people.folding import fold
from coachdesk.services.validation import FieldErrors, vat_compact


@dataclass
class SponsorFields:
    """Everything a sponsor form edits."""

    name: str = ""
    contact_name: str = ""
    contact_email: str = ""
    billing_email: str = ""
    phone: str = ""
    postal_address: str = ""
    vat_number: str = ""
    purchase_order: str = ""
    notes: str = ""


@dataclass(frozen=True, slots=True)
class SponsorRow:
    """One line of the sponsor list."""

    id: int
    name: str
    contact_name: str
    contact_email: str
    clients: int
    archived: bool


def create_sponsor(db: Session, data: SponsorFields) -> Saved:
    _validate(data)
    sponsor = Sponsor()
    _apply(sponsor, data)
    db.add(sponsor)
    db.flush()
    return Saved(sponsor.id, _duplicate_warnings(db, data, exclude=sponsor.id))


def update_sponsor(db: Session, sponsor_id: int, data: SponsorFields) -> Saved:
    sponsor = get_sponsor(db, sponsor_id)
    _validate(data)
    _apply(sponsor, data)
    db.flush()
    return Saved(sponsor.id, _duplicate_warnings(db, data, exclude=sponsor.id))


def get_sponsor(db: Session, sponsor_id: int) -> Sponsor:
    sponsor = db.get(Sponsor, sponsor_id)
    if sponsor is None:
        raise ValidationError(
            {"sponsor": _("There is no sponsor with id {id}.").format(id=sponsor_id)}
        )
    return sponsor


def resolve_sponsor(db: Session, ref: str) -> int:
    """A sponsor named by id or by unique (case-insensitive) name, as the CLI accepts."""
    ref = ref.strip()
    if ref.isdigit():
        return get_sponsor(db, int(ref)).id
    ids = db.scalars(select(Sponsor.id).where(func.lower(Sponsor.name) == ref.lower())).all()
    if len(ids) == 1:
        return ids[0]
    if not ids:
        raise ValidationError({"sponsor": _("No sponsor is called {name}.").format(name=ref)})
    raise ValidationError(
        {"sponsor": _("{n} sponsors are called {name}: use the id.").format(n=len(ids), name=ref)}
    )


def sponsor_fields(db: Session, sponsor_id: int) -> SponsorFields:
    sponsor = get_sponsor(db, sponsor_id)
    return SponsorFields(**{f.name: getattr(sponsor, f.name) for f in fields(SponsorFields)})


def archive_sponsor(db: Session, sponsor_id: int, archived: bool = True) -> None:
    """Hide a sponsor from pickers; its clients and engagements keep the link."""
    get_sponsor(db, sponsor_id).archived = archived
    db.flush()


def list_sponsors(db: Session, *, include_archived: bool = False) -> list[SponsorRow]:
    clients = select(func.count()).where(Client.sponsor_id == Sponsor.id).scalar_subquery()
    query = select(
        Sponsor.id,
        Sponsor.name,
        Sponsor.contact_name,
        Sponsor.contact_email,
        clients,
        Sponsor.archived,
    ).order_by(Sponsor.id)
    if not include_archived:
        query = query.where(Sponsor.archived.is_(False))
    rows = [SponsorRow(*row) for row in db.execute(query)]
    # A practice has a handful of sponsors: sorted here, accents aside, as the client list is.
    return sorted(rows, key=lambda r: (fold(r.name), r.name.casefold()))


def _validate(data: SponsorFields) -> None:
    errors = FieldErrors()
    errors.require("name", data.name)
    errors.max_length("name", data.name.strip(), 200)
    errors.max_length("contact_name", data.contact_name, 200)
    errors.email("contact_email", data.contact_email)
    errors.email("billing_email", data.billing_email)
    errors.max_length("phone", data.phone, 50)
    errors.max_length("vat_number", data.vat_number.strip(), 40)
    errors.vat_number("vat_number", data.vat_number)
    errors.max_length("purchase_order", data.purchase_order.strip(), 100)
    errors.plain_text(data, multi_line=frozenset({"postal_address", "notes"}))
    errors.raise_if_any()


def _apply(sponsor: Sponsor, data: SponsorFields) -> None:
    for f in fields(SponsorFields):
        setattr(sponsor, f.name, getattr(data, f.name).strip())
    sponsor.vat_number = vat_compact(sponsor.vat_number)


def _duplicate_warnings(db: Session, data: SponsorFields, exclude: int) -> list[str]:
    names = db.scalars(select(Sponsor.name).where(Sponsor.id != exclude))
    if any(name.casefold() == data.name.strip().casefold() for name in names):
        return [_("Another sponsor has the same name.")]
    return []
