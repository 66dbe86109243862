"""Clients: create, edit, status transitions, archive, and the client list (erase: ``erasure``)."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coachdesk.errors import ValidationError
from coachdesk.i18n import _
from coachdesk.model import (
    Client,
    ClientStatus,
    ClientTag,
    Sponsor,
)
from coachdesk.services.people.folding import fold
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
SQLITE_INSTANT = "%Y-%m-%d %H:%M:%S.%f"  # how SQLAlchemy stores a DateTime in SQLite


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
    log_consent: bool = False
    log_consent_on: date | None = None
    log_consent_how: str = ""
    confidential: bool = False
    confidential_alias: str = ""
    org_contact_email: str = ""
    language: str = ""

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


@dataclass(slots=True)
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
    language: str = ""


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

    Three light queries, no subquery per client: the clients from a covering index (their last
    held session and open-action count are kept on the row by triggers), the scheduled sessions
    to come in time order (each client's first is its next), and the tags. Plain SQL on the
    driver: at 10,000 clients, SQLAlchemy's per-row processing would cost more than the queries
    themselves.
    """
    where, params = ["1"], []
    if status is not None:
        where.append("status = ?")
        params.append(status.value)
    elif not include_archived:
        where.append("status != 'archived'")
    if tag:
        where.append("id IN (SELECT client_id FROM client_tag WHERE tag = ?)")
        params.append(tag.strip().lower())
    if text.strip():
        where.append("search_key LIKE ? ESCAPE '\\'")
        params.append(f"%{_like_escape(fold(text.strip()))}%")
    return _rows(db, " AND ".join(where), params, now)


def client_row(db: Session, client_id: int, now: datetime | None = None) -> ClientRow:
    """One client as the list shows it."""
    rows = _rows(db, "id = ?", [client_id], now)
    if not rows:
        raise _no_client(client_id)
    return rows[0]


LIST_SQL = (
    "SELECT id, display_name, status, email, organisation, last_held_at, open_actions, language "
    "FROM client WHERE {where} ORDER BY sort_name, id"
)
# In time order from the (status, starts_at) index, the first row of a client is its next
# session: no GROUP BY, whose temporary B-tree cost five times the scan at 10,000 clients.
NEXT_SQL = (
    "SELECT client_id, starts_at FROM coaching_session "
    "WHERE status = 'scheduled' AND starts_at >= ? {only} ORDER BY starts_at"
)
TAGS_SQL = "SELECT client_id, tag FROM client_tag WHERE 1 {only} ORDER BY client_id, tag"
FEW = 500
# Below every letter, so the folded name alone decides before the tie-break does.
SORT_TIE = "\x1f"
STATUS_BY_VALUE = {status.value: status for status in ClientStatus}


def _rows(db: Session, where: str, params: list[Any], now: datetime | None) -> list[ClientRow]:
    conn = db.connection()
    found = conn.exec_driver_sql(LIST_SQL.format(where=where), tuple(params)).all()
    moment = (now or datetime.now(UTC)).astimezone(UTC).strftime(SQLITE_INSTANT)
    # A narrow result (a filter, one client) asks about its own clients only.
    only, ids = ("", ()) if len(found) > FEW else _only([row[0] for row in found])
    next_sessions: dict[int, str] = {}
    for owner, starts_at in conn.exec_driver_sql(NEXT_SQL.format(only=only), (moment, *ids)):
        next_sessions.setdefault(owner, starts_at)
    tags: dict[int, list[str]] = {}
    for owner, label in conn.exec_driver_sql(TAGS_SQL.format(only=only), ids):
        tags.setdefault(owner, []).append(label)
    return [
        ClientRow(
            client_id,
            name,
            STATUS_BY_VALUE[state],
            email,
            organisation,
            _instant(next_sessions.get(client_id)),
            _instant(last_held),
            open_actions,
            tuple(tags.get(client_id, ())),
            language,
        )
        for client_id, name, state, email, organisation, last_held, open_actions, language in found
    ]


def _only(ids: list[int]) -> tuple[str, tuple[int, ...]]:
    marks = ", ".join("?" * len(ids)) or "NULL"
    return f"AND client_id IN ({marks})", tuple(ids)


def _instant(text: str | None) -> datetime | None:
    """A stored UTC instant (SQLite text) as an aware datetime."""
    return None if text is None else datetime.fromisoformat(text + "+00:00")  # 5x .replace()


def _like_escape(text: str) -> str:
    for special in ("\\", "%", "_"):
        text = text.replace(special, "\\" + special)
    return text


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
    errors.plain_text(data, multi_line=frozenset({"postal_address", "consultation_notes"}))
    errors.email("email", data.email)
    errors.time_zone("time_zone", data.time_zone)
    errors.language("language", data.language)
    errors.max_length("log_consent_how", data.log_consent_how, 200)
    errors.max_length("confidential_alias", data.confidential_alias, 100)
    errors.email("org_contact_email", data.org_contact_email)
    if data.confidential and not data.confidential_alias.strip():
        errors.add("confidential_alias", _("A confidential client needs an alias for the log."))
    for tag in data.tags:
        if not tag.strip():
            errors.add("tags", _("A tag cannot be empty."))
        errors.max_length("tags", tag, MAX_TAG)
    if data.sponsor_id is not None and db.get(Sponsor, data.sponsor_id) is None:
        errors.add("sponsor", _("That sponsor does not exist."))
    errors.raise_if_any()


def _apply(client: Client, data: ClientFields) -> None:
    clean = replace(
        data,
        email=data.email.strip(),
        org_contact_email=data.org_contact_email.strip(),
        confidential_alias=data.confidential_alias.strip(),
    )
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
    """Family name first when known, so the list reads like an address book; accents and case
    aside ("Ångström" before "Raman"), the name as written breaking ties. Stored, so the list's
    covering index keeps its order (a Python collation costs a quarter second at 10,000)."""
    name = data.full_name
    if data.family_name.strip():
        name = f"{data.family_name.strip()} {data.given_name.strip()}"
    return f"{fold(name)}{SORT_TIE}{name.casefold()}"


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


def client_problems(db: Session, data: ClientFields) -> dict[str, str]:
    """What ``create_client`` would refuse in ``data``, field by field, without raising: lets an
    import preview judge each row by exactly the rules of the client form.
    """
    try:
        _validate(db, data)
    except ValidationError as exc:
        return exc.fields
    return {}
