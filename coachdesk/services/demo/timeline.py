"""The history of each demo client: engagements on a cadence, sessions with GROW notes, goals whose
ratings trend upward with noise, action items, agreements and follow-ups, as rows for executemany.

Sessions are numbered as ``sessions.renumber_sessions`` does (by start, cancelled ones skipped),
and a handful of loose ends (notes not written, actions overdue, agreements unsigned, follow-ups
due) are left on purpose so that the Today view has something to show.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import insert
from sqlalchemy.orm import Session

from coachdesk import words
from coachdesk.documents import templates
from coachdesk.documents.agreement_text import agreement_values, default_template
from coachdesk.documents.data import AgreementData, Letterhead
from coachdesk.model import (
    ActionItem,
    Agreement,
    AgreementStatus,
    Cadence,
    ClientStatus,
    CoachingSession,
    Engagement,
    EngagementKind,
    EngagementStatus,
    FeeModel,
    FollowUp,
    Goal,
    Milestone,
    ProgressRating,
    SessionMode,
    SigningMethod,
    SponsorSharing,
)
from coachdesk.services.demo.sessions import add_goal, add_sessions
from coachdesk.services.demo.text import content, fill
from coachdesk.services.paperwork import cadence_words, sharing_words

# Insert order: every table after the tables it refers to.
TABLES = (
    Engagement,
    Agreement,
    CoachingSession,
    Goal,
    Milestone,
    ProgressRating,
    ActionItem,
    FollowUp,
)
CENT = Decimal("0.01")
MODES = tuple(SessionMode)
# cadence, days apart, weight, planned sessions (low, high)
CADENCES = (
    (Cadence.WEEKLY, 7, 25, (24, 32)),
    (Cadence.FORTNIGHTLY, 14, 50, (20, 28)),
    (Cadence.MONTHLY, 30, 25, (14, 20)),
)
# days after the end, index in practice.json's follow_ups, how often
FOLLOW_UPS = ((7, 2, 1.0), (30, 3, 0.3), (90, 0, 1.0), (180, 1, 1.0))


@dataclass(frozen=True, slots=True)
class History:
    first_contact: date
    retain_until: date | None


@dataclass(frozen=True, slots=True)
class Who:
    """A client as the timeline needs them: ``name`` is what the notes call them."""

    client_id: int
    name: str
    full_name: str
    organisation: str
    sponsor_id: int | None


@dataclass(frozen=True, slots=True)
class Plan:
    """One engagement as laid out: whose, when, how often, and until when sessions happen."""

    who: Who
    theme: dict[str, Any]
    status: EngagementStatus
    start: date
    stop: date | None
    cadence: Cadence
    days: int
    planned: int


@dataclass(frozen=True, slots=True)
class Booking:
    """What every session of an engagement shares."""

    engagement_id: int
    minutes: int
    mode: SessionMode
    fee: Decimal
    pro_bono: bool = False


class Timeline:
    """Row lists for every table below the client, filled client by client, written per batch."""

    def __init__(
        self,
        rng: random.Random,
        *,
        today: date,
        tz: ZoneInfo,
        coach: str,
        currency: str,
        next_ids: dict[type, int],
    ) -> None:
        self.rng, self.today, self.tz, self.coach, self.currency = rng, today, tz, coach, currency
        self.now = datetime.combine(today, time(12), tzinfo=tz)
        self.next_ids = dict(next_ids)
        self.rows: dict[type, list[dict[str, Any]]] = {model: [] for model in TABLES}
        self.counts: Counter[str] = Counter()
        self._templates: dict[EngagementKind, str] = {}

    def new_id(self, model: type) -> int:
        value = self.next_ids[model]
        self.next_ids[model] = value + 1
        return value

    def write(self, db: Session) -> None:
        for model in TABLES:
            rows = self.rows[model]
            if rows:
                db.execute(insert(model.__table__), rows)
                self.counts[model.__tablename__] += len(rows)
                rows.clear()

    def client_history(self, who: Who, status: ClientStatus, theme: dict[str, Any]) -> History:
        """Lay out the engagements that a client with ``status`` has had by now."""
        rng, today = self.rng, self.today
        if status == ClientStatus.LEAD:
            return History(today - timedelta(days=rng.randint(0, 45)), None)
        cadence, days, planned = self._rhythm()
        span = timedelta(days=days * planned)
        stop: date | None = None
        retain_until = None
        engagement_status = EngagementStatus.ACTIVE
        if status == ClientStatus.CONSULTATION:
            start = today + timedelta(days=rng.randint(7, 30))
            engagement_status = EngagementStatus.PROPOSED
        elif status == ClientStatus.ACTIVE:
            # One in twenty has used every planned session while the engagement is still open.
            start = today - (1.1 if rng.random() < 0.05 else rng.uniform(0.05, 0.95)) * span
        elif status == ClientStatus.PAUSED:
            start = today - rng.uniform(0.3, 0.7) * span
            stop = today - timedelta(days=rng.randint(14, 60))
        else:
            recent = status == ClientStatus.COMPLETED
            stop = today - timedelta(days=rng.randint(1, 150) if recent else rng.randint(200, 1800))
            start = stop - span
            engagement_status = EngagementStatus.COMPLETED
            retain_until = None if recent else stop + timedelta(days=6 * 365)
        first = start
        if engagement_status == EngagementStatus.COMPLETED and rng.random() < 0.3:
            first = self._earlier_engagement(who, before=start)
        self._engagement(Plan(who, theme, engagement_status, start, stop, cadence, days, planned))
        return History(min(first, today) - timedelta(days=rng.randint(7, 30)), retain_until)

    def _earlier_engagement(self, who: Who, before: date) -> date:
        """A completed engagement some months before ``before``; returns its start."""
        cadence, days, planned = self._rhythm()
        end = before - timedelta(days=self.rng.randint(60, 400))
        start = end - timedelta(days=days * planned)
        theme = self.rng.choice(content()["themes"])
        status = EngagementStatus.COMPLETED
        self._engagement(Plan(who, theme, status, start, end, cadence, days, planned))
        return start

    def _rhythm(self) -> tuple[Cadence, int, int]:
        cadence, days, _weight, (low, high) = self.rng.choices(
            CADENCES, weights=[c[2] for c in CADENCES]
        )[0]
        return cadence, days, self.rng.randint(low, high)

    def _engagement(self, plan: Plan) -> None:
        rng, who = self.rng, plan.who
        pro_bono = rng.random() < 0.03
        low, high = (250, 450) if who.sponsor_id else (80, 200)
        fee = Decimal(0 if pro_bono else rng.randrange(low, high + 1, 5)).quantize(CENT)
        currency = self.currency if rng.random() < 0.85 else rng.choice(("GBP", "USD", "CHF"))
        booking = Booking(
            self.new_id(Engagement),
            rng.choice((45, 60, 60, 60, 90)),
            rng.choice(MODES),
            fee,
            pro_bono,
        )
        mentoring = plan.theme["title"].startswith("Mentoring")
        stamp = datetime.combine(plan.start - timedelta(days=7), time(9), tzinfo=UTC)
        sharing = SponsorSharing.ATTENDANCE if who.sponsor_id else SponsorSharing.NOTHING
        self.rows[Engagement].append(
            {
                "id": booking.engagement_id,
                "client_id": who.client_id,
                "kind": EngagementKind.MENTORING if mentoring else EngagementKind.COACHING,
                "title": plan.theme["title"],
                "start_date": plan.start,
                "end_date": plan.start + timedelta(days=plan.days * plan.planned + 14),
                "planned_sessions": plan.planned,
                "cadence": plan.cadence,
                "session_minutes": booking.minutes,
                "mode": booking.mode,
                "location": "Client's office" if booking.mode == SessionMode.IN_PERSON else "",
                "fee_model": FeeModel.PRO_BONO if pro_bono else FeeModel.PER_SESSION,
                "fee_amount": fee,
                "currency": currency,
                "payment_terms": "Invoiced monthly, payable within 14 days.",
                "sponsor_id": who.sponsor_id,
                "sponsor_sharing": sharing,
                "status": plan.status,
                "created_at": stamp,
                "updated_at": stamp,
            }
        )
        self._agreement(plan, self.rows[Engagement][-1], stamp)
        specs = plan.theme["goals"]
        if rng.random() < 0.5:
            specs = [rng.choice(specs)]
        goals = [add_goal(self, plan, booking, spec, stamp) for spec in specs]
        if plan.status != EngagementStatus.PROPOSED:
            add_sessions(self, plan, booking, goals)
        if plan.status == EngagementStatus.COMPLETED and plan.stop is not None:
            self._follow_ups(plan, booking, plan.stop)

    def _agreement(self, plan: Plan, engagement: dict[str, Any], stamp: datetime) -> None:
        rng, today = self.rng, self.today
        status = AgreementStatus.SIGNED
        if plan.status == EngagementStatus.PROPOSED:
            status = rng.choice((AgreementStatus.DRAFT, AgreementStatus.SENT))
        elif plan.start > today - timedelta(days=30) and rng.random() < 0.15:
            status = AgreementStatus.SENT
        sent_on = None
        if status == AgreementStatus.SENT:
            sent_on = min(today, plan.start) - timedelta(days=rng.randint(1, 20))
        signed_on = None
        if status == AgreementStatus.SIGNED:
            sent_on = plan.start - timedelta(days=rng.randint(7, 14))
            signed_on = sent_on + timedelta(days=rng.randint(1, 5))
        signed = status == AgreementStatus.SIGNED
        kind = engagement["kind"]
        self.rows[Agreement].append(
            {
                "id": self.new_id(Agreement),
                "engagement_id": engagement["id"],
                "version": 1,
                "title": f"{kind.value.capitalize()} agreement: {plan.theme['title']}",
                "body": self._agreement_text(plan, engagement, sent_on or plan.start),
                "status": status,
                "sent_on": sent_on,
                "client_signed_on": signed_on,
                "coach_signed_on": signed_on,
                "sponsor_signed_on": signed_on if plan.who.sponsor_id else None,
                "signing_method": rng.choice(list(SigningMethod)) if signed else None,
                # No frozen PDF: laying out thousands would make the demo slow; a signed
                # agreement without one prints from its own (frozen) text.
                "pdf": None,
                "created_at": stamp,
                "updated_at": stamp,
            }
        )

    def _agreement_text(self, plan: Plan, engagement: dict[str, Any], on: date) -> str:
        """The shipped ICF-style template filled in, as a coach's real draft would be."""
        kind = engagement["kind"]
        data = AgreementData(
            letterhead=Letterhead(coach_name=self.coach),
            title=plan.theme["title"],
            client_name=plan.who.full_name,
            coach_name=self.coach or "the coach",
            start_date=plan.start,
            agreement_date=on,
            client_organisation=plan.who.organisation,
            sponsor_name=plan.who.organisation if plan.who.sponsor_id else None,
            engagement_kind=kind.value,
            end_date=engagement["end_date"],
            cadence=cadence_words(plan.cadence, None),
            session_minutes=engagement["session_minutes"],
            planned_sessions=plan.planned,
            mode=words.in_sentence(engagement["mode"]),
            location=engagement["location"],
            fee_model=engagement["fee_model"].value,
            fee_amount=engagement["fee_amount"],
            currency=engagement["currency"],
            payment_terms=engagement["payment_terms"],
            sponsor_sharing=(
                sharing_words(engagement["sponsor_sharing"]) if plan.who.sponsor_id else ""
            ),
        )
        template = self._templates.get(kind)
        if template is None:
            template = self._templates[kind] = default_template(kind.value)
        return templates.render(template, agreement_values(data))

    def _follow_ups(self, plan: Plan, booking: Booking, end: date) -> None:
        rng, reasons = self.rng, content()["follow_ups"]
        stamp = datetime.combine(end, time(17), tzinfo=UTC)
        for offset, reason, share in FOLLOW_UPS:
            if rng.random() >= share:
                continue
            due = end + timedelta(days=offset)
            done = due + timedelta(days=rng.randint(0, 14))
            finished = done <= self.today and rng.random() < 0.85
            self.rows[FollowUp].append(
                {
                    "id": self.new_id(FollowUp),
                    "client_id": plan.who.client_id,
                    "engagement_id": booking.engagement_id,
                    "due_on": due,
                    "reason": fill(reasons[reason], name=plan.who.name, topic=plan.theme["topic"]),
                    "done_on": done if finished else None,
                    "created_at": stamp,
                    "updated_at": stamp,
                }
            )
