"""A hand-built practice for the ICF log: every rule of the log has a row (or a session) that
would be wrong if the rule were broken. ``EXPECTED_*`` is computed by hand from the comments.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from sqlalchemy.orm import Session

from coachdesk.model import FeeModel, SessionKind, SessionStatus
from coachdesk.services.engagements import engagements
from coachdesk.services.engagements.engagements import EngagementFields
from coachdesk.services.people import profile
from tests.services.factories import client, session

TODAY = date(2026, 6, 30)  # the last 18 months start on 2024-12-30
TRAINING_START = date(2024, 6, 1)
HELD = SessionStatus.COMPLETED


def on(year: int, month: int, day: int, hour: int = 9) -> datetime:
    return datetime(year, month, day, hour, tzinfo=UTC)


def _engagement(db: Session, owner: int, title: str, *others: int, **values: object) -> int:
    data = EngagementFields(
        client_id=owner, title=title, start_date=date(2024, 1, 1), is_group=bool(others)
    )
    for name, value in values.items():
        setattr(data, name, value)
    return engagements.create_engagement(db, data, others).id


def build(db: Session) -> dict[str, int]:
    data = profile.profile_fields(db)
    data.training_start = TRAINING_START
    profile.update_profile(db, data)
    ids: dict[str, int] = {}

    # Individual, paid: 4 x 60 min + one 45-minute session = 285 min (4.75 h). The 2024-09-10
    # session is before the 18-month window; the others are not counted at all.
    ines = ids["ines"] = client(db, "Ines Paid", email="ines@example.org", log_consent=True)
    eng = _engagement(db, ines, "Leadership")
    for when in (on(2024, 9, 10), on(2026, 3, 2), on(2026, 3, 9), on(2026, 3, 16)):
        session(db, ines, when, engagement_id=eng, status=HELD)
    ids["short"] = session(
        db, ines, on(2026, 3, 23), engagement_id=eng, status=HELD, actual_minutes=45
    )
    session(db, ines, on(2026, 3, 30), engagement_id=eng, status=SessionStatus.CANCELLED)
    session(db, ines, on(2026, 4, 6), engagement_id=eng, status=SessionStatus.NO_SHOW)
    session(db, ines, on(2026, 4, 13), status=HELD, kind=SessionKind.SUPERVISION)
    session(db, ines, on(2024, 5, 15), engagement_id=eng, status=HELD)  # before training

    # A group of 4 under Gina's name: 2 x 90 min paid = 3.00 h, and 4 clients.
    gina = ids["gina"] = client(db, "Gina Group", email="gina@example.org", log_consent=True)
    gus = ids["gus"] = client(db, "Gus Member", log_consent=True)
    gwen = ids["gwen"] = client(db, "Gwen Member")
    gil = ids["gil"] = client(db, "Gil Member")
    team = ids["team"] = _engagement(db, gina, "Team coaching", gus, gwen, gil)
    group_sessions = [
        session(db, gina, when, engagement_id=team, status=HELD, duration_minutes=90)
        for when in (on(2026, 2, 5), on(2026, 2, 19))
    ]
    ids["group_session"] = group_sessions[0]

    # A group of 16 does not count at all.
    big = [client(db, f"Big {n}", log_consent=True) for n in range(16)]
    crowd = _engagement(db, big[0], "Town hall", *big[1:])
    session(db, big[0], on(2026, 2, 10), engagement_id=crowd, status=HELD)

    # Pro bono (from the engagement), reached by phone: 2 x 60 min pro bono, and one 30-minute
    # session paid in kind (barter) = 0.50 h paid.
    pablo = ids["pablo"] = client(db, "Pablo Bono", phone="+44 20 7946 0000", log_consent=True)
    free = _engagement(db, pablo, "Volunteer", fee_model=FeeModel.PRO_BONO)
    for when in (on(2025, 11, 3), on(2025, 11, 17)):
        session(db, pablo, when, engagement_id=free, status=HELD)
    session(
        db,
        pablo,
        on(2025, 12, 1),
        engagement_id=free,
        status=HELD,
        duration_minutes=30,
        pro_bono=False,
    )

    # No consent: left off the log, and its hour counts for nothing.
    ids["nora"] = nora = client(db, "Nora Private")
    session(db, nora, on(2026, 1, 10), status=HELD)

    # Confidential: listed by alias with the organisation's contact, consent or not. 1.00 h paid.
    ids["conf"] = conf = client(
        db,
        "Real Name",
        email="real@acme.example",
        confidential=True,
        confidential_alias="Confidential client 1",
        org_contact_email="hr@acme.example",
    )
    session(db, conf, on(2026, 4, 1), status=HELD)
    return ids


HEADER = [
    "Client name",
    "Contact",
    "Individual or group",
    "Number in group",
    "Start date",
    "End date",
    "Paid hours",
    "Pro bono hours",
]
EXPECTED_ROWS = [
    [
        "Ines Paid",
        "ines@example.org",
        "Individual",
        None,
        date(2024, 9, 10),
        date(2026, 3, 23),
        Decimal("4.75"),
        Decimal("0.00"),
    ],
    [
        "Pablo Bono",
        "+44 20 7946 0000",
        "Individual",
        None,
        date(2025, 11, 3),
        date(2025, 12, 1),
        Decimal("0.50"),
        Decimal("2.00"),
    ],
    [
        "Gina Group",
        "gina@example.org",
        "Group",
        4,
        date(2026, 2, 5),
        date(2026, 2, 19),
        Decimal("3.00"),
        Decimal("0.00"),
    ],
    [
        "Confidential client 1",
        "hr@acme.example",
        "Individual",
        None,
        date(2026, 4, 1),
        date(2026, 4, 1),
        Decimal("1.00"),
        Decimal("0.00"),
    ],
]
# paid 285 + 180 + 30 + 60 = 555 min; pro bono 120 min; recent: all but Ines's 2024 hour.
EXPECTED_TOTALS = {
    "paid_hours": Decimal("9.25"),
    "pro_bono_hours": Decimal("2.00"),
    "total_hours": Decimal("11.25"),
    "clients": 7,
    "recent_hours": Decimal("10.25"),
}
