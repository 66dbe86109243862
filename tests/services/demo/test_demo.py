"""The demo practice: reproducible from its seed, realistic enough to try every view with."""

from __future__ import annotations

import io
import statistics
from collections.abc import Iterator
from datetime import UTC, date, datetime
from itertools import groupby
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select, text

from coachdesk import vault
from coachdesk.documents.templates import clause_check
from coachdesk.errors import ValidationError
from coachdesk.model import (
    Agreement,
    Base,
    Client,
    CoachingSession,
    CoachProfile,
    Engagement,
    NoteTemplate,
    ProgressRating,
    SessionStatus,
)
from coachdesk.services.agreements.documents import agreement_document
from coachdesk.services.demo.practice import fill_demo
from coachdesk.services.overviews.search import search
from coachdesk.services.overviews.today import today
from coachdesk.services.people import clients
from coachdesk.services.people.clients import ClientFields
from coachdesk.services.sessions.note_format import parse
from coachdesk.vault import Vault
from tests.conftest import FAST_KDF, PASSPHRASE

TODAY = date(2026, 11, 25)
TABLES = [t.name for t in Base.metadata.sorted_tables]


def dump(v: Vault) -> dict[str, list[tuple]]:
    """Every row of every table (and of the search index), in primary-key order."""
    with v.engine.connect() as conn:
        rows = {
            name: [tuple(r) for r in conn.execute(text(f'SELECT * FROM "{name}" ORDER BY 1, 2'))]
            for name in TABLES
        }
        rows["search_index"] = list(
            conn.execute(text("SELECT rowid, * FROM search_index ORDER BY rowid"))
        )
    return rows


def demo_vault(folder: Path, clients: int, seed: int) -> Vault:
    v = vault.create(folder, PASSPHRASE, kdf=FAST_KDF).vault
    fill_demo(v.engine, clients, seed=seed, today=TODAY)
    return v


@pytest.fixture(scope="module")
def practice(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Vault]:
    v = demo_vault(tmp_path_factory.mktemp("demo") / "vault", 300, seed=11)
    yield v
    v.close()


def test_same_seed_same_rows_and_another_seed_other_rows(tmp_path: Path) -> None:
    dumps = []
    for n, seed in enumerate((5, 5, 6)):
        with demo_vault(tmp_path / f"v{n}", 40, seed) as v:
            dumps.append(dump(v))
    assert dumps[0] == dumps[1]
    assert dumps[0]["client"] != dumps[2]["client"]
    assert dumps[0]["coaching_session"] != dumps[2]["coaching_session"]
    assert all(dumps[0][name] for name in ("client", "coaching_session", "goal", "follow_up"))


def test_a_vault_with_clients_is_refused(open_vault: Vault) -> None:
    with open_vault.session() as db, db.begin():
        clients.create_client(db, ClientFields(display_name="A real client"))
    with pytest.raises(ValidationError) as info:
        fill_demo(open_vault.engine, 5, seed=1, today=TODAY)
    assert "vault" in info.value.fields


def test_within_the_callers_transaction(open_vault: Vault) -> None:
    with open_vault.session() as db, db.begin():
        summary = fill_demo(db, 12, seed=3, today=TODAY)
    with open_vault.session() as db:
        assert db.scalar(select(Client.id).order_by(Client.id.desc())) == summary.clients == 12
        profile = db.get(CoachProfile, 1)
        assert profile is not None
        assert profile.name


def test_names_from_many_cultures_with_unique_ascii_emails(practice: Vault) -> None:
    with practice.session() as db:
        people = db.execute(select(Client.display_name, Client.email)).all()
    names = [name for name, _ in people]
    assert sum(not name.isascii() for name in names) > len(names) // 3
    assert any("Д" <= ch <= "я" for name in names for ch in name)  # Cyrillic
    emails = [email for _, email in people]
    assert len(set(emails)) == len(emails)
    assert all(email.isascii() and "@" in email for email in emails)


def test_statuses_sponsors_and_signed_agreements(practice: Vault) -> None:
    with practice.session() as db:
        statuses = {s.value for s in db.scalars(select(Client.status))}
        sponsored = db.scalar(select(Engagement.id).where(Engagement.sponsor_id.is_not(None)))
        agreements = db.execute(select(Agreement.status, Agreement.body)).all()
        signed_id = db.scalar(select(Agreement.id).where(Agreement.status == "signed"))
        assert signed_id is not None
        printed = agreement_document(db, signed_id, date.today())
        counts = [
            len(list(group))
            for _, group in groupby(
                db.scalars(select(CoachingSession.client_id).order_by(CoachingSession.client_id))
            )
        ]
    assert statuses >= {"lead", "consultation", "active", "paused", "completed", "alumni"}
    assert sponsored is not None
    assert {status for status, _ in agreements} >= {"signed", "sent", "draft"}
    # Each is the shipped ICF-style template filled in, so the clause check finds every section,
    # and a signed one prints from its frozen text.
    assert all(all(found for _name, found in clause_check(body)) for _status, body in agreements)
    assert printed.startswith(b"%PDF")
    assert len(PdfReader(io.BytesIO(printed)).pages) >= 2
    assert 17 <= sum(counts) / 300 <= 23


def test_sequence_numbers_count_all_but_cancelled_sessions(practice: Vault) -> None:
    with practice.session() as db:
        rows = db.execute(
            select(
                CoachingSession.engagement_id, CoachingSession.status, CoachingSession.sequence
            ).order_by(CoachingSession.engagement_id, CoachingSession.starts_at, CoachingSession.id)
        ).all()
    for _, group in groupby(rows, key=lambda r: r[0]):
        sessions = list(group)
        numbered = [seq for _, status, seq in sessions if status != SessionStatus.CANCELLED]
        assert numbered == list(range(1, len(numbered) + 1))
        assert all(seq is None for _, status, seq in sessions if status == SessionStatus.CANCELLED)


def test_ratings_trend_upward(practice: Vault) -> None:
    with practice.session() as db:
        rows = db.execute(
            select(ProgressRating.goal_id, ProgressRating.score).order_by(
                ProgressRating.goal_id, ProgressRating.recorded_at
            )
        ).all()
    gains = []
    for _, group in groupby(rows, key=lambda r: r[0]):
        scores = [score for _, score in group]
        if len(scores) >= 4:
            gains.append(statistics.mean(scores[-2:]) - statistics.mean(scores[:2]))
    assert statistics.mean(gains) > 1.5
    assert sum(g < 0 for g in gains) < len(gains) // 4  # noisy, mostly upward


def test_notes_have_grow_headings_and_today_has_work(practice: Vault) -> None:
    with practice.session() as db:
        notes = db.scalar(select(CoachingSession.shared_notes).where(CoachingSession.id == 1))
        private = db.scalar(select(func.count()).where(CoachingSession.private_notes != ""))
        # The demo is built up to the real today, so Today is asked for that day: a fixed day
        # drifts away from the demo's "ending soon" engagements as the calendar moves on.
        data = today(db, datetime.now(UTC), ZoneInfo("Europe/Dublin"))
        found = search(db, "delegat")
    assert notes is not None
    assert all(parse(NoteTemplate.GROW, notes)), "each GROW section filled in, under its heading"
    assert private
    for name in (
        "sessions_this_week",
        "notes_missing",
        "overdue_actions",
        "awaiting_signature",
        "engagements_ending",
        "follow_ups_due",
    ):
        assert getattr(data, name), name
    assert found
