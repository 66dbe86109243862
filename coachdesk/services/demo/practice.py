"""A demo practice for trying CoachDesk and for benchmarks: realistic, deterministic, any size.

Same seed and reference date, same rows (ids and timestamps included): one ``random.Random``, word
lists in file order, no clock. Rows go in with Core ``insert()`` executemany, a thousand clients per
transaction, because the search-index triggers fire per row and the ORM's unit of work would
triple the time at 10,000 clients. Only an empty vault is filled, so a real practice is never
polluted. The session timelines and their notes are laid out in ``demo_timeline``.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, func, insert, select
from sqlalchemy.orm import Session

from coachdesk.errors import ValidationError
from coachdesk.i18n import _
from coachdesk.model import Client, ClientStatus, ClientTag, CoachProfile, Sponsor
from coachdesk.services.demo.career import add_career, log_listing
from coachdesk.services.demo.questionnaires import add_questionnaires
from coachdesk.services.demo.text import ascii_slug, content, pick
from coachdesk.services.demo.timeline import TABLES, Timeline, Who
from coachdesk.services.people.clients import ClientFields, derived_keys

BATCH_CLIENTS = 1000
PROFILE_ID = 1
STATUS_WEIGHTS = {
    ClientStatus.LEAD: 4,
    ClientStatus.CONSULTATION: 5,
    ClientStatus.ACTIVE: 42,
    ClientStatus.PAUSED: 6,
    ClientStatus.COMPLETED: 28,
    ClientStatus.ALUMNI: 15,
}
SPONSORED_SHARE = 0.7  # of clients working at a sponsoring organisation


@dataclass(frozen=True, slots=True)
class DemoSummary:
    """How many rows of each kind were added."""

    clients: int
    sponsors: int
    engagements: int
    agreements: int
    sessions: int
    goals: int
    milestones: int
    ratings: int
    actions: int
    follow_ups: int


def fill_demo(
    target: Engine | Session, clients: int, seed: int, today: date | None = None
) -> DemoSummary:
    """Fill an empty vault with ``clients`` clients and their history up to ``today``.

    Given an engine, commits in batches (fast for big practices); given a session, adds
    everything within the caller's transaction.
    """
    day = today or date.today()
    if isinstance(target, Session):
        practice = _Practice(target, seed, day)
        for start in range(0, clients, BATCH_CLIENTS):
            practice.add_clients(target, min(BATCH_CLIENTS, clients - start))
        add_career(target, day)
        add_questionnaires(target, day, seed)
        return practice.summary()
    with Session(target) as db, db.begin():
        practice = _Practice(db, seed, day)
    for start in range(0, clients, BATCH_CLIENTS):
        with Session(target) as db, db.begin():
            practice.add_clients(db, min(BATCH_CLIENTS, clients - start))
    with Session(target) as db, db.begin():
        add_career(db, day)
        add_questionnaires(db, day, seed)
    return practice.summary()


class _Practice:
    """The state carried from batch to batch: the generator, next ids, sponsors, emails."""

    def __init__(self, db: Session, seed: int, today: date) -> None:
        if db.scalar(select(func.count()).select_from(Client)):
            raise ValidationError(
                {
                    "vault": _(
                        "The demo practice can only fill an empty vault: this one has clients."
                    )
                }
            )
        self.rng = random.Random(seed)
        self.today = today
        self.stamp = datetime.combine(today, time(12), tzinfo=UTC)
        self.counts: Counter[str] = Counter()
        self.emails: set[str] = set()
        profile = _ensure_profile(db, self.stamp)
        self.timeline = Timeline(
            self.rng,
            today=today,
            tz=ZoneInfo(profile.time_zone or "UTC"),
            coach=profile.name,
            currency=profile.default_currency,
            next_ids={model: _next_id(db, model) for model in TABLES},
        )
        self.sponsors = self._add_sponsors(db)
        self.next_client = _next_id(db, Client)

    def summary(self) -> DemoSummary:
        c = self.counts + self.timeline.counts
        return DemoSummary(
            clients=c["client"],
            sponsors=c["sponsor"],
            engagements=c["engagement"],
            agreements=c["agreement"],
            sessions=c["coaching_session"],
            goals=c["goal"],
            milestones=c["milestone"],
            ratings=c["progress_rating"],
            actions=c["action_item"],
            follow_ups=c["follow_up"],
        )

    def add_clients(self, db: Session, count: int) -> None:
        rows: list[dict[str, Any]] = []
        tags: list[dict[str, Any]] = []
        for _n in range(count):
            client_id = self.next_client
            self.next_client += 1
            row = self._client(client_id)
            rows.append(row)
            tags += [{"client_id": client_id, "tag": tag} for tag in row.pop("tags")]
        db.execute(insert(Client.__table__), rows)
        if tags:
            db.execute(insert(ClientTag.__table__), tags)
        self.counts["client"] += len(rows)
        self.timeline.write(db)

    def _add_sponsors(self, db: Session) -> dict[str, int]:
        rows = []
        first = _next_id(db, Sponsor)
        for n, (name, contact, team) in enumerate(content()["sponsors"]):
            slug = ascii_slug(name)
            rows.append(
                {
                    "id": first + n,
                    "name": name,
                    "contact_name": contact,
                    "contact_email": f"{ascii_slug(contact).replace('-', '.')}@{slug}.example",
                    "billing_email": f"accounts@{slug}.example",
                    "phone": "",
                    "postal_address": "",
                    "notes": f"Coaching programme run by {team}.",
                    "archived": False,
                    "created_at": self.stamp,
                    "updated_at": self.stamp,
                }
            )
        db.execute(insert(Sponsor.__table__), rows)
        self.counts["sponsor"] = len(rows)
        self.sponsor_contacts = {row["id"]: row["contact_email"] for row in rows}
        return {row["name"]: row["id"] for row in rows}

    def _client(self, client_id: int) -> dict[str, Any]:
        rng, words = self.rng, content()
        culture = rng.choice(words.cultures)
        given, family = rng.choice(culture["given"]), rng.choice(culture["family"])
        organisation, role = rng.choice(words["organisations"])
        status = rng.choices(list(STATUS_WEIGHTS), weights=list(STATUS_WEIGHTS.values()))[0]
        sponsor_id = self.sponsors.get(organisation)
        if sponsor_id is not None and rng.random() > SPONSORED_SHARE:
            sponsor_id = None
        email = self._email(given, family, organisation)
        theme = rng.choice(words["themes"])
        full = f"{given} {family}"
        who = Who(client_id, given, full, organisation, sponsor_id)
        history = self.timeline.client_history(who, status, theme)
        referral = rng.choice(words["referrals"])
        consulted = status != ClientStatus.LEAD or rng.random() < 0.5
        tags = set(rng.sample(words["tags"], rng.randint(0, 2)))
        tags |= {"sponsored"} if sponsor_id else set()
        created = datetime.combine(history.first_contact, time(10), tzinfo=UTC)
        return {
            "id": client_id,
            "given_name": given,
            "family_name": family,
            **derived_keys(
                ClientFields(
                    given_name=given, family_name=family, email=email, organisation=organisation
                )
            ),
            "preferred_name": "",
            "pronouns": rng.choice(words.pronouns),
            "email": email,
            "phone": f"+353 8{rng.randint(3, 9)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
            "organisation": organisation,
            "role": role,
            "postal_address": "",
            "time_zone": "",
            "referral_source": referral,
            "consultation_notes": pick(
                rng,
                "consultation",
                name=given,
                topic=theme["topic"],
                referral=referral or "a friend",
            )
            if consulted
            else "",
            "status": status,
            "retain_until": history.retain_until,
            "sponsor_id": sponsor_id,
            "created_at": created,
            "updated_at": created,
            "tags": sorted(tags),
            **log_listing(client_id, created.date(), sponsor_id, self.sponsor_contacts),
        }

    def _email(self, given: str, family: str, organisation: str) -> str:
        domain = f"{ascii_slug(organisation)}.example" if organisation else "mail.example"
        local = f"{ascii_slug(given)}.{ascii_slug(family)}".replace("-", "")
        email, n = f"{local}@{domain}", 1
        while email in self.emails:
            n += 1
            email = f"{local}{n}@{domain}"
        self.emails.add(email)
        return email


def _ensure_profile(db: Session, stamp: datetime) -> CoachProfile:
    profile = db.get(CoachProfile, PROFILE_ID)
    if profile is None:
        values = {
            "id": PROFILE_ID,
            "name": "Alex Morgan",
            "business_name": "Morgan Coaching & Mentoring",
            "credentials": "PCC (ICF)",
            "email": "alex@morgan-coaching.example",
            "phone": "+353 1 555 0142",
            "website": "https://morgan-coaching.example",
            "postal_address": "12 Harbour Road\nDún Laoghaire\nCo. Dublin",
            "default_currency": "EUR",
            "default_session_minutes": 60,
            "default_fee": Decimal("150.00"),
            "time_zone": "Europe/Dublin",
            "created_at": stamp,
            "updated_at": stamp,
        }
        db.execute(insert(CoachProfile.__table__), [values])
        profile = db.get(CoachProfile, PROFILE_ID)
        assert profile is not None
    return profile


def _next_id(db: Session, model: Any) -> int:
    return (db.scalar(select(func.max(model.id))) or 0) + 1
