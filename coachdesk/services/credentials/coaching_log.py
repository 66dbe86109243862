"""The ICF client coaching log, computed from the sessions held: one row per individual client
and one per group, with paid and pro bono hours.

The rules are the ICF's, from its support articles:

- "What information does ICF require for the client coaching log?"
  https://icfsupport.freshdesk.com/support/solutions/articles/5000653702 : per client the name and
  email, the start and end of the coaching, paid and pro bono hours; clients who did not consent
  to be listed are left off; a group is logged once, under one of its members, with the number
  in the group (groups of 15 or fewer count), and each member counts as a client; clients under
  an organisation's confidentiality policy are logged by an alias, the organisation's contact
  person vouching for them.
- "Do my coaching experience hours count?"
  https://icfsupport.freshdesk.com/support/solutions/articles/5000896617 : hours count from the
  start of coach-specific training; an hour is 60 minutes of real-time coaching with a client who
  hired the coach as a coach, shorter sessions count in part (30 minutes = 0.5 h); mentor
  coaching, supervision and assessment debriefs never count; paid includes barter, internal and
  third-party-paid coaching, pro bono is unpaid.

So a session counts when it was held (never cancelled, late cancelled or missed), was coaching
(the session's kind and its engagement's), and started on or after the training start. A client
left off the log (no consent) counts for nothing: the ICF can only verify what the log shows.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from coachdesk.services.engagements.engagements import add_months
from coachdesk.services.people.profile import coach_today, coach_zone, profile_fields

MAX_GROUP = 15
MENTORING = -1  # an engagement whose sessions never count
RECENT_MONTHS = 18
SQLITE_INSTANT = "%Y-%m-%d %H:%M:%S.%f"
HUNDREDTH = Decimal("0.01")

# Answered from the covering index ix_coaching_session_icf alone, in its order; engagements are
# joined in Python (10,000 rows read once, not one lookup per session). ``+starts_at`` drops the
# column's numeric affinity, so each comparison is a plain text one instead of an attempted
# conversion of the bound instant to a number (five times faster over 200,000 sessions).
COUNTED = (
    "FROM coaching_session WHERE status = 'completed' AND kind = 'coaching' "
    "AND +starts_at >= ? AND +starts_at < ?"
)
TOTALS_SQL = (
    "SELECT client_id, engagement_id, pro_bono, sum(actual_minutes), min(starts_at), "
    "max(starts_at), sum(CASE WHEN +starts_at >= ? THEN actual_minutes ELSE 0 END) "
    f"{COUNTED} GROUP BY client_id, engagement_id, pro_bono"
)
SUMS_SQL = (
    "SELECT client_id, engagement_id, sum(CASE WHEN pro_bono THEN 0 ELSE actual_minutes END), "
    "sum(CASE WHEN pro_bono THEN actual_minutes ELSE 0 END), "
    f"sum(CASE WHEN +starts_at >= ? THEN actual_minutes ELSE 0 END) {COUNTED} "
    "GROUP BY client_id, engagement_id"
)
SESSIONS_SQL = f"SELECT client_id, engagement_id, starts_at, actual_minutes, pro_bono, id {COUNTED}"
ENGAGEMENTS_SQL = "SELECT id, kind, is_group FROM engagement"
CLIENTS_SQL = (
    "SELECT id, display_name, email, phone, log_consent, confidential, confidential_alias, "
    "org_contact_email FROM client"
)
LISTED_SQL = "SELECT id FROM client WHERE confidential OR log_consent"  # as ``_person`` says
PARTICIPANTS_SQL = "SELECT engagement_id, client_id FROM engagement_participant ORDER BY 1, 2"


def hours(minutes: int) -> Decimal:
    """Minutes as ICF hours, to the hundredth: 30 minutes are 0.50 h, 45 are 0.75 h."""
    return (Decimal(minutes) / 60).quantize(HUNDREDTH)


@dataclass(frozen=True, slots=True)
class LogRow:
    """One line of the log: an individual client, or a group under one member's name."""

    name: str
    contact: str
    group: bool
    group_size: int | None
    start: date
    end: date
    paid_minutes: int
    pro_bono_minutes: int
    client_ids: tuple[int, ...]  # who counts as a client: the client, or every member

    @property
    def paid_hours(self) -> Decimal:
        return hours(self.paid_minutes)

    @property
    def pro_bono_hours(self) -> Decimal:
        return hours(self.pro_bono_minutes)


@dataclass(frozen=True, slots=True)
class LogSession:
    """One counted session, for an audit's drill-down; never any note text."""

    day: date
    name: str
    minutes: int
    pro_bono: bool
    group: bool
    group_size: int | None

    @property
    def hours(self) -> Decimal:
        return hours(self.minutes)


@dataclass(frozen=True, slots=True)
class LogTotals:
    paid_minutes: int
    pro_bono_minutes: int
    clients: int
    recent_minutes: int  # in the last 18 months
    recent_since: date
    left_off: int  # clients whose coaching would count but who did not consent to be listed

    @property
    def paid_hours(self) -> Decimal:
        return hours(self.paid_minutes)

    @property
    def pro_bono_hours(self) -> Decimal:
        return hours(self.pro_bono_minutes)

    @property
    def total_hours(self) -> Decimal:
        return hours(self.paid_minutes + self.pro_bono_minutes)

    @property
    def recent_hours(self) -> Decimal:
        return hours(self.recent_minutes)


@dataclass(frozen=True)
class CoachingLog:
    rows: list[LogRow]
    totals: LogTotals
    training_start: date | None
    keys: dict[tuple[int, int | None], LogRow] = field(repr=False, default_factory=dict)


@dataclass(slots=True)
class _Tally:
    paid: int = 0
    pro_bono: int = 0
    recent: int = 0
    first: str = "9"
    last: str = ""


@dataclass(frozen=True, slots=True)
class _Person:
    name: str
    contact: str
    listed: bool


def coaching_log(
    db: Session, start: date | None = None, end: date | None = None, today: date | None = None
) -> CoachingLog:
    """The log of sessions held from ``start`` to ``end`` (inclusive, the coach's days), never
    before the training start; one aggregate query, so 200,000 sessions take milliseconds."""
    zone = coach_zone(db)
    training_start = profile_fields(db).training_start
    today = today or coach_today(db)
    since = add_months(today, -RECENT_MONTHS)
    conn = db.connection()
    groups = _engagement_groups(conn)
    tallies: dict[tuple[int, int | None], _Tally] = defaultdict(_Tally)
    params = (_instant(since, zone), *_window(start, end, training_start, zone))
    for client_id, engagement_id, pro_bono, minutes, first, last, recent in conn.exec_driver_sql(
        TOTALS_SQL, params
    ):
        group_id = groups[engagement_id]
        if group_id == MENTORING:
            continue
        tally = tallies[(client_id, group_id)]
        if pro_bono:
            tally.pro_bono += minutes
        else:
            tally.paid += minutes
        tally.recent += recent
        tally.first, tally.last = min(tally.first, first), max(tally.last, last)
    people = {row[0]: _person(row) for row in conn.exec_driver_sql(CLIENTS_SQL)}
    members: dict[int, list[int]] = defaultdict(list)
    for engagement_id, client_id in conn.exec_driver_sql(PARTICIPANTS_SQL):
        members[engagement_id].append(client_id)
    keys: dict[tuple[int, int | None], LogRow] = {}
    left_off: set[int] = set()
    recent = 0
    listed = {c for c, person in people.items() if person.listed}
    for (client_id, group_id), tally in tallies.items():
        group, named = _logged_as(client_id, group_id, members, listed, left_off)
        if named is None:
            continue
        keys[(client_id, group_id)] = LogRow(
            name=people[named].name,
            contact=people[named].contact,
            group=group_id is not None,
            group_size=len(group) if group_id is not None else None,
            start=_day(tally.first, zone),
            end=_day(tally.last, zone),
            paid_minutes=tally.paid,
            pro_bono_minutes=tally.pro_bono,
            client_ids=tuple(group),
        )
        recent += tally.recent
    rows = sorted(keys.values(), key=lambda r: (r.start, r.name.casefold(), r.end))
    counted = {c for row in rows for c in row.client_ids}
    totals = LogTotals(
        paid_minutes=sum(r.paid_minutes for r in rows),
        pro_bono_minutes=sum(r.pro_bono_minutes for r in rows),
        clients=len(counted),
        recent_minutes=recent,
        recent_since=since,
        left_off=len(left_off - counted),
    )
    return CoachingLog(rows, totals, training_start, keys)


def log_totals(db: Session, today: date | None = None) -> tuple[LogTotals, date | None]:
    """The whole log's totals and the training start, counted as ``coaching_log`` counts them
    but without its rows: no names, contacts or dates to read, and one aggregate row per
    client and engagement (what ``icf summary`` needs, in a fraction of the time)."""
    zone = coach_zone(db)
    training_start = profile_fields(db).training_start
    today = today or coach_today(db)
    since = add_months(today, -RECENT_MONTHS)
    conn = db.connection()
    groups = _engagement_groups(conn)
    tallies: dict[tuple[int, int | None], list[int]] = defaultdict(lambda: [0, 0, 0])
    params = (_instant(since, zone), *_window(None, None, training_start, zone))
    for client_id, engagement_id, paid, pro_bono, recent in conn.exec_driver_sql(SUMS_SQL, params):
        group_id = groups[engagement_id]
        if group_id != MENTORING:
            tally = tallies[(client_id, group_id)]
            tally[0] += paid
            tally[1] += pro_bono
            tally[2] += recent
    listed = {row[0] for row in conn.exec_driver_sql(LISTED_SQL)}
    members: dict[int, list[int]] = defaultdict(list)
    for engagement_id, client_id in conn.exec_driver_sql(PARTICIPANTS_SQL):
        members[engagement_id].append(client_id)
    left_off: set[int] = set()
    counted: set[int] = set()
    paid = pro_bono = recent = 0
    for (client_id, group_id), (tally_paid, tally_pro_bono, tally_recent) in tallies.items():
        group, named = _logged_as(client_id, group_id, members, listed, left_off)
        if named is not None:
            counted.update(group)
            paid, pro_bono = paid + tally_paid, pro_bono + tally_pro_bono
            recent += tally_recent
    totals = LogTotals(
        paid_minutes=paid,
        pro_bono_minutes=pro_bono,
        clients=len(counted),
        recent_minutes=recent,
        recent_since=since,
        left_off=len(left_off - counted),
    )
    return totals, training_start


def log_sessions(
    db: Session, log: CoachingLog, start: date | None = None, end: date | None = None
) -> list[LogSession]:
    """The sessions behind ``log``'s rows (same dates), oldest first: the audit drill-down."""
    zone = coach_zone(db)
    found = sorted(  # by start: sorted here, faster than SQLite's temporary b-tree
        db.connection().exec_driver_sql(
            SESSIONS_SQL, _window(start, end, log.training_start, zone)
        ),
        key=lambda row: (row[2], row[5]),
    )
    groups = _engagement_groups(db.connection())
    sessions = []
    for client_id, engagement_id, starts_at, minutes, pro_bono, _id in found:
        row = log.keys.get((client_id, groups[engagement_id]))
        if row is not None:
            sessions.append(
                LogSession(
                    _day(starts_at, zone),
                    row.name,
                    minutes,
                    bool(pro_bono),
                    row.group,
                    row.group_size,
                )
            )
    return sessions


def _engagement_groups(conn: Connection) -> dict[int | None, int | None]:
    """Per engagement id (None: no engagement): the group's id when it is a group's,
    ``MENTORING`` when its sessions never count (mentoring is not coaching), else None."""
    found: dict[int | None, int | None] = {None: None}
    for engagement_id, kind, is_group in conn.exec_driver_sql(ENGAGEMENTS_SQL):
        if kind != "coaching":
            found[engagement_id] = MENTORING
        else:
            found[engagement_id] = engagement_id if is_group else None
    return found


def _logged_as(
    client_id: int,
    group_id: int | None,
    members: dict[int, list[int]],
    listed: set[int],
    left_off: set[int],
) -> tuple[list[int], int | None]:
    """Who a tally stands for (the client, or the group's members) and whom the log names:
    None for a group over ``MAX_GROUP``, and for clients none of whom consented (those are
    added to ``left_off``)."""
    group = _group(client_id, members[group_id]) if group_id is not None else [client_id]
    if group_id is not None and len(group) > MAX_GROUP:
        return group, None
    named = next((c for c in group if c in listed), None)
    if named is None:
        left_off.update(group)
    return group, named


def _group(owner: int, participants: list[int]) -> list[int]:
    """The group's members, the one the engagement belongs to first (the log names them)."""
    return [owner, *(c for c in participants if c != owner)]


def _person(row: Any) -> _Person:
    _id, name, email, phone, consent, confidential, alias, org_contact = row
    if confidential:  # the alias stands for the client; their organisation vouches
        return _Person(alias, org_contact, True)
    return _Person(name, email or phone, bool(consent))


def _window(
    start: date | None, end: date | None, training_start: date | None, zone: ZoneInfo
) -> tuple[str, str]:
    lower = max((d for d in (start, training_start) if d is not None), default=date.min)
    upper = end + timedelta(days=1) if end is not None else date.max
    return _instant(lower, zone), _instant(upper, zone)


def _instant(day: date, zone: ZoneInfo) -> str:
    """The start of ``day`` on the coach's clock, as SQLite holds instants (UTC text). The open
    ends are full instants too: a bare "9999" would be compared as a number, below every text."""
    if day == date.min:
        return "0001-01-01 00:00:00.000000"
    if day == date.max:
        return "9999-12-31 23:59:59.999999"
    return datetime.combine(day, time(), zone).astimezone(UTC).strftime(SQLITE_INSTANT)


def _day(instant: str, zone: ZoneInfo) -> date:
    return datetime.fromisoformat(instant + "+00:00").astimezone(zone).date()
