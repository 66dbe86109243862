"""Where the coach stands against the ICF credentials' coaching-experience requirements.

From the ICF's credential requirements (summarised in its support article "Do my coaching
experience hours count?",
https://icfsupport.freshdesk.com/support/solutions/articles/5000896617, and on the ACC, PCC and
MCC pages of coachingfederation.org): ACC 100 hours (75 paid) with at least 8 clients, 25 of the
hours in the 18 months before applying; PCC 500 hours (450 paid), 25 clients, 50 hours in the
last 18 months; MCC 2,500 hours (2,250 paid), 35 clients. All counted from the start of
coach-specific training, from the client coaching log (``coaching_log``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy.orm import Session

from coachdesk.i18n import _, ngettext
from coachdesk.model import Credential
from coachdesk.services.credentials.coaching_log import LogTotals, hours, log_totals


@dataclass(frozen=True, slots=True)
class Requirement:
    credential: Credential
    hours: int
    paid_hours: int
    clients: int
    recent_hours: int | None  # in the last 18 months


REQUIREMENTS = (
    Requirement(Credential.ACC, 100, 75, 8, 25),
    Requirement(Credential.PCC, 500, 450, 25, 50),
    Requirement(Credential.MCC, 2500, 2250, 35, None),
)


@dataclass(frozen=True, slots=True)
class Missing:
    """What is still short of a requirement; zero where it is met."""

    hours: Decimal
    paid_hours: Decimal
    clients: int
    recent_hours: Decimal


@dataclass(frozen=True, slots=True)
class Standing:
    credential: Credential
    met: bool
    missing: Missing


@dataclass(frozen=True, slots=True)
class CredentialSummary:
    """The numbers ``icf summary`` prints and the Credential view shows."""

    total_hours: Decimal
    paid_hours: Decimal
    pro_bono_hours: Decimal
    clients: int
    recent_hours: Decimal
    recent_since: date
    training_start: date | None
    left_off: int
    credentials: list[Standing]


def standing(totals: LogTotals, requirement: Requirement) -> Standing:
    """Compared in minutes, so 99.99 hours shown as 100.00 never passes for 100."""

    def short(needed_hours: int | None, minutes: int) -> Decimal:
        if needed_hours is None:
            return Decimal("0.00")
        return hours(max(needed_hours * 60 - minutes, 0))

    missing = Missing(
        hours=short(requirement.hours, totals.paid_minutes + totals.pro_bono_minutes),
        paid_hours=short(requirement.paid_hours, totals.paid_minutes),
        clients=max(requirement.clients - totals.clients, 0),
        recent_hours=short(requirement.recent_hours, totals.recent_minutes),
    )
    met = not (missing.hours or missing.paid_hours or missing.clients or missing.recent_hours)
    return Standing(requirement.credential, met, missing)


def still_needed(standing: Standing) -> str:
    """What a credential still needs, in words: "12.50 hours, 3 clients"."""
    m = standing.missing
    parts = [
        _("{n} hours").format(n=m.hours) if m.hours else "",
        _("{n} paid hours").format(n=m.paid_hours) if m.paid_hours else "",
        ngettext("{n} client", "{n} clients", m.clients).format(n=m.clients) if m.clients else "",
        _("{n} hours in the last 18 months").format(n=m.recent_hours) if m.recent_hours else "",
    ]
    return ", ".join(p for p in parts if p)


def icf_summary(db: Session, today: date | None = None) -> CredentialSummary:
    totals, training_start = log_totals(db, today)
    return CredentialSummary(
        total_hours=totals.total_hours,
        paid_hours=totals.paid_hours,
        pro_bono_hours=totals.pro_bono_hours,
        clients=totals.clients,
        recent_hours=totals.recent_hours,
        recent_since=totals.recent_since,
        training_start=training_start,
        left_off=totals.left_off,
        credentials=[standing(totals, r) for r in REQUIREMENTS],
    )
