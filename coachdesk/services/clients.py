"""Clients: create, edit, status transitions, archive, erase, and the client list."""

from __future__ import annotations

import time
from dataclasses import dataclass, field, fields, replace
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Engine, Row, Select, delete, func, select
from sqlalchemy.orm import Session

from coachdesk.errors import ValidationError
from coachdesk.i18n import _
from coachdesk.model import (
    Client,
    ClientStatus,
    ClientTag,
    CoachingSession,
    SessionStatus,
    Sponsor,
)
from coachdesk.services.folding import fold
from coachdesk.services.validation import FieldErrors, normalise_email

S = ClientStatus
TRANSITIONS: dict[ClientStatus, frozenset[ClientStatus]] = {
    S.LEAD: frozenset({S.CONSULTATION, S.ACTIVE, S.ARCHIVED}),
    S.CONSULTATION: frozenset({S.LEAD, S.ACTIVE, S.ARCHIVED}),
    S.ACTIVE: frozenset({S.PAUSED, S.COMPLETED}),
    S.PAUSED: frozenset({S.ACTIVE, S.COMPLETED, S.ARCHIVED}),
    S.COMPLETED: frozenset({S.ACTIVE, S.ALUMNI, S.ARCHIVED}),
    S.ALUMNI: frozenset({S.ACTIVE, S.ARCHIVED}),
    S.ARCHIVED: frozenset({S.LEAD, S.ALUMNI}),
}
MAX_TAG = 60
CHECKPOINT_ATTEMPTS = 5


@dataclass
class ClientFields:
    """Everything a client form edits. A client has given/family names or one display name."""

    given_name: str = ""
    family_name: str = ""
    display_name: str = ""
    preferred_name: str = ""
    pronouns: str = ""
    email: str = ""
    phone: str = ""
    organisation: str = ""
    role: str = ""
    postal_address: str = ""
    time_zone: str = ""
    referral_source: str = ""
    consultation_notes: str = ""
    status: ClientStatus = ClientStatus.LEAD
    retain_until: date | None = None
    sponsor_id: int | None = None
    tags: tuple[str, ...] = ()

    @property
    def full_name(self) -> str:
        return self.display_name.strip() or " ".join(
            part for part in (self.given_name.strip(), self.family_name.strip()) if part
        )


@dataclass(frozen=True)
class Saved:
    """The id of what was saved, and warnings worth showing (e.g. a likely duplicate)."""

    id: int
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ClientRow:
    """One line of the client list; ``last_session`` is the last held (completed) session."""

    id: int
    name: str
    status: ClientStatus
    email: str
    organisation: str
    next_session: datetime | None
    last_session: datetime | None
    open_actions: int
    tags: tuple[str, ...]


def allowed_transitions(status: ClientStatus) -> frozenset[ClientStatus]:
    return TRANSITIONS[status]


def create_client(db: Session, data: ClientFields) -> Saved:
    _validate(db, data)
    client = Client()
    _apply(client, data)
    db.add(client)
    db.flush()
    return Saved(client.id, _duplicate_warnings(db, data, exclude=client.id))


def update_client(db: Session, client_id: int, data: ClientFields) -> Saved:
    client = get_client(db, client_id)
    _validate(db, data)
    if data.status != client.status:
        _check_transition(client.status, data.status)
    _apply(client, data)
    db.flush()
    return Saved(client.id, _duplicate_warnings(db, data, exclude=client.id))


def get_client(db: Session, client_id: int) -> Client:
    client = db.get(Client, client_id)
    if client is None:
        raise _no_client(client_id)
    return client


def _no_client(client_id: int) -> ValidationError:
    return ValidationError({"client": _("There is no client with id {id}.").format(id=client_id)})


def client_fields(db: Session, client_id: int) -> ClientFields:
    client = get_client(db, client_id)
    values = {f.name: getattr(client, f.name) for f in fields(ClientFields) if f.name != "tags"}
    return ClientFields(**values, tags=tuple(t.tag for t in client.tags))


def change_status(db: Session, client_id: int, status: ClientStatus) -> None:
    client = get_client(db, client_id)
    _check_transition(client.status, status)
    client.status = status
    db.flush()


def archive_client(db: Session, client_id: int) -> None:
    """The gentle alternative to erasing: the client leaves the lists but nothing is lost."""
    change_status(db, client_id, ClientStatus.ARCHIVED)


def erase_client(engine: Engine, client_id: int) -> bool:
    """Remove every row about a client in one transaction, then purge what SQLite keeps of
    deleted data, so no trace remains in the vault's files. ``secure_delete`` zeroes the freed
    pages; the old page images in the WAL go when it is checkpointed and truncated. Returns
    False when another reader kept the checkpoint from finishing: the purge then completes when
    the vault closes. Owns its transaction because the checkpoint must run outside one.
    """
    with Session(engine) as db, db.begin():
        get_client(db, client_id)
        db.execute(delete(Client).where(Client.id == client_id))
    for attempt in range(CHECKPOINT_ATTEMPTS):
        with engine.connect() as conn:
            busy, _log, _done = conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").one()
        if not busy:
            return True
        time.sleep(0.05 * (attempt + 1))
    return False


def resolve_client(db: Session, ref: str) -> int:
    """A client named by id or by unique (case-insensitive) name, as the CLI accepts."""
    ref = ref.strip()
    if ref.isdigit():
        return get_client(db, int(ref)).id
    ids = db.scalars(select(Client.id).where(Client.name_key == ref.casefold())).all()
    if len(ids) == 1:
        return ids[0]
    if not ids:
        raise ValidationError({"client": _("No client is called {name}.").format(name=ref)})
    raise ValidationError(
        {"client": _("{n} clients are called {name}: use the id.").format(n=len(ids), name=ref)}
    )


def list_clients(
    db: Session,
    *,
    text: str = "",
    status: ClientStatus | None = None,
    tag: str | None = None,
    include_archived: bool = False,
    now: datetime | None = None,
) -> list[ClientRow]:
    """The client list in name order, with next and last session and open actions.

    Three light queries instead of one with a subquery per client: the clients (from a covering
    index, with the trigger-kept last session and open-action count), the next scheduled session
    per client, and the tags. At 10,000 clients this is what keeps the list instant.
    """
    query = _row_query().order_by(Client.sort_name, Client.id)
    if status is not None:
        query = query.where(Client.status == status)
    elif not include_archived:
        query = query.where(Client.status != ClientStatus.ARCHIVED)
    if tag:
        query = query.where(
            Client.id.in_(select(ClientTag.client_id).where(ClientTag.tag == tag.strip().lower()))
        )
    if text.strip():
        needle = fold(text.strip())
        for special in ("\\", "%", "_"):
            needle = needle.replace(special, "\\" + special)
        query = query.where(Client.search_key.like(f"%{needle}%", escape="\\"))
    rows = db.execute(query).all()
    next_sessions = _next_sessions(db, now or datetime.now(UTC))
    tags = _tags(db)
    return [_to_row(row, next_sessions, tags) for row in rows]


def client_row(db: Session, client_id: int, now: datetime | None = None) -> ClientRow:
    """One client as the list shows it."""
    row = db.execute(_row_query().where(Client.id == client_id)).first()
    if row is None:
        raise _no_client(client_id)
    return _to_row(
        row,
        _next_sessions(db, now or datetime.now(UTC), client_id),
        _tags(db, client_id),
    )


def _row_query() -> Select[Any]:
    return select(
        Client.id,
        Client.display_name,
        Client.status,
        Client.email,
        Client.organisation,
        Client.last_held_at,
        Client.open_actions,
    )


def _next_sessions(db: Session, now: datetime, client_id: int | None = None) -> dict[int, datetime]:
    s = CoachingSession
    query = select(s.client_id, func.min(s.starts_at)).where(
        s.status == SessionStatus.SCHEDULED, s.starts_at >= now
    )
    if client_id is not None:
        query = query.where(s.client_id == client_id)
    return dict(db.execute(query.group_by(s.client_id)).all())  # type: ignore[arg-type]


def _tags(db: Session, client_id: int | None = None) -> dict[int, tuple[str, ...]]:
    query = select(ClientTag.client_id, ClientTag.tag).order_by(ClientTag.client_id, ClientTag.tag)
    if client_id is not None:
        query = query.where(ClientTag.client_id == client_id)
    found: dict[int, list[str]] = {}
    for owner, label in db.execute(query):
        found.setdefault(owner, []).append(label)
    return {owner: tuple(labels) for owner, labels in found.items()}


def _to_row(
    row: Row[Any], next_sessions: dict[int, datetime], tags: dict[int, tuple[str, ...]]
) -> ClientRow:
    client_id = row[0]
    return ClientRow(
        id=client_id,
        name=row[1],
        status=row[2],
        email=row[3],
        organisation=row[4],
        next_session=next_sessions.get(client_id),
        last_session=row[5],
        open_actions=row[6],
        tags=tags.get(client_id, ()),
    )


def due_for_review(db: Session, today: date) -> list[ClientRow]:
    """Clients whose retention date has passed: their records may now be erased."""
    ids = set(
        db.scalars(
            select(Client.id).where(Client.retain_until.is_not(None), Client.retain_until <= today)
        )
    )
    return [row for row in list_clients(db, include_archived=True) if row.id in ids]


def sponsor_name(db: Session, sponsor_id: int | None) -> str:
    if sponsor_id is None:
        return ""
    sponsor = db.get(Sponsor, sponsor_id)
    return sponsor.name if sponsor else ""


def _check_transition(old: ClientStatus, new: ClientStatus) -> None:
    if new not in TRANSITIONS[old]:
        allowed = ", ".join(sorted(s.value for s in TRANSITIONS[old]))
        raise ValidationError(
            {
                "status": _("A client cannot go from {old} to {new} (allowed: {allowed}).").format(
                    old=old.value, new=new.value, allowed=allowed
                )
            }
        )


def _validate(db: Session, data: ClientFields) -> None:
    errors = FieldErrors()
    if not data.full_name:
        errors.add("name", _("Enter a name: given and family name, or a display name."))
    errors.max_length("display_name", data.full_name, 200)
    errors.email("email", data.email)
    errors.time_zone("time_zone", data.time_zone)
    for tag in data.tags:
        if not tag.strip():
            errors.add("tags", _("A tag cannot be empty."))
        errors.max_length("tags", tag, MAX_TAG)
    if data.sponsor_id is not None and db.get(Sponsor, data.sponsor_id) is None:
        errors.add("sponsor", _("That sponsor does not exist."))
    errors.raise_if_any()


def _apply(client: Client, data: ClientFields) -> None:
    clean = replace(data, email=data.email.strip())
    for f in fields(ClientFields):
        if f.name != "tags":
            setattr(client, f.name, getattr(clean, f.name))
    for column, value in derived_keys(data).items():
        setattr(client, column, value)
    wanted = sorted({t.strip().lower() for t in data.tags if t.strip()})
    client.tags = [ClientTag(tag=t) for t in wanted]


def derived_keys(data: ClientFields) -> dict[str, str]:
    """The columns kept for sorting and matching, from what the coach typed (also for imports
    and demo data, which insert rows in bulk).
    """
    return {
        "display_name": data.full_name,
        "sort_name": _sort_key(data),
        "email_key": normalise_email(data.email),
        "name_key": data.full_name.casefold(),
        "search_key": fold(
            " ".join((data.full_name, data.preferred_name, data.email.strip(), data.organisation))
        ),
    }


def _sort_key(data: ClientFields) -> str:
    """Family name first when known, so the list reads like an address book."""
    if data.family_name.strip():
        return f"{data.family_name.strip()} {data.given_name.strip()}".casefold()
    return data.full_name.casefold()


def _duplicate_warnings(db: Session, data: ClientFields, exclude: int) -> list[str]:
    warnings = []
    email = normalise_email(data.email)
    if email and db.scalar(
        select(func.count()).where(Client.email_key == email, Client.id != exclude)
    ):
        warnings.append(_("Another client has the same email address."))
    name_key = data.full_name.casefold()
    if db.scalar(select(func.count()).where(Client.name_key == name_key, Client.id != exclude)):
        warnings.append(_("Another client has the same name."))
    return warnings
