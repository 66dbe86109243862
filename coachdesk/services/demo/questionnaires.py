"""The demo's questionnaires: the shipped templates, an intake returned by each of the first
engaged clients, a session preparation from active ones, and evaluations (some testimonials
with consent to quote them) from clients who finished. Reproducible: tokens and instants come
from the seed and the reference day, never from the clock."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from coachdesk.model import Client, ClientStatus
from coachdesk.services.questionnaires import answers, returns, templates
from coachdesk.services.questionnaires.shipped import EVALUATION, INTAKE, PREPARATION

CLIENTS = 12
BRINGS = (
    "A promotion to lead a team of people who used to be my peers.",
    "I keep saying yes to everything and my own priorities slip.",
    "Returning to work after a long break and rebuilding confidence.",
    "My manager suggested coaching to prepare for a bigger role.",
)
GOALS = (
    "Delegate with confidence",
    "Speak up in leadership meetings",
    "Protect two focus days a week",
    "Give direct feedback kindly",
)
WANTS = (
    "Work out how to raise the budget question with my director.",
    "Prepare the conversation with the colleague who missed the deadline.",
    "Decide which two projects to hand over.",
)
TESTIMONIALS = (
    "Coaching gave me the space to think before acting. I lead differently now.",
    "Practical, warm and challenging at the right moments. I recommend it.",
)


def add_questionnaires(db: Session, today: date, seed: int) -> int:
    """Add the demo's returned forms; returns how many."""
    rng = random.Random(f"questionnaires-{seed}")
    stamp = datetime.combine(today, time(12), tzinfo=UTC)
    templates.ensure_shipped(db, stamp)
    ids = {key: templates.resolve_template(db, key) for key in (INTAKE, PREPARATION, EVALUATION)}
    rows = db.execute(
        select(Client.id, Client.status)
        .where(
            Client.status.in_([ClientStatus.ACTIVE, ClientStatus.COMPLETED, ClientStatus.ALUMNI])
        )
        .order_by(Client.id)
        .limit(CLIENTS)
    ).all()
    count = 0
    for client_id, status in rows:
        typed: dict[str, str | list[str]] = {
            "q1_long": rng.choice(BRINGS),
            "q2_short": rng.choice(GOALS),
            "q3_scale": str(rng.randint(2, 5)),
            "q6_choice": "Email",
        }
        _store(db, ids[INTAKE], client_id, typed, stamp - timedelta(days=rng.randint(90, 200)))
        count += 1
        if status == ClientStatus.ACTIVE:
            typed = {"q1_long": rng.choice(WANTS), "q2_long": "A busy fortnight of reviews."}
            _store(
                db, ids[PREPARATION], client_id, typed, stamp - timedelta(days=rng.randint(1, 6))
            )
        else:
            typed = {
                "q1_scale": str(rng.randint(6, 9)),
                "q3_long": "Having someone ask the question I was avoiding.",
                "q5_long": rng.choice(TESTIMONIALS),
                "q6_yesno": rng.choice(("yes", "no")),
                "q7_yesno": "yes",
            }
            _store(
                db, ids[EVALUATION], client_id, typed, stamp - timedelta(days=rng.randint(7, 60))
            )
        count += 1
    return count


def _store(
    db: Session,
    template_id: int,
    client_id: int,
    typed: dict[str, str | list[str]],
    when: datetime,
) -> None:
    review = returns.read_typed(db, template_id, client_id, typed)
    token = f"demo-{template_id}-{client_id}"
    answers.store(db, review, now=when, token=token)
