"""Erasing a client leaves no trace in the vault's files: every page decrypted and searched.

The files are encrypted, so grepping their raw bytes would prove nothing. Instead every page of
the database and every frame of its WAL is decrypted with the vault's data key (freed pages and
stale frames included) and searched for a marker that only the erased client's data contains.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from coachdesk import vault
from coachdesk.model import ActionItem, Client, CoachingSession, Goal, Milestone, NoteDraft
from coachdesk.services.overviews.search import search
from coachdesk.services.people import clients, erasure
from coachdesk.services.people.clients import ClientFields
from coachdesk.vault.keyslots import KeyFile, unlock_with_passphrase
from coachdesk.vault.layout import VaultLayout
from tests.conftest import PASSPHRASE
from tests.support import decrypt_pages

MARKER = "Qzxvelomarker"
# FTS5 stores terms prefix-compressed against their neighbour: look for the tail on its own too.
NEEDLES = (MARKER.lower().encode(), MARKER[-8:].lower().encode())
SURVIVOR = "Brightwaterkeep"


def vault_plaintext(folder: Path) -> bytes:
    """Everything readable in the vault's database files with its key, lower-cased."""
    layout = VaultLayout(folder)
    data_key = unlock_with_passphrase(KeyFile.load(layout.key), PASSPHRASE)
    files = [path for path in (layout.db, layout.wal) if path.exists()]
    return b"".join(decrypt_pages(path, data_key) for path in files).lower()


def traces(plain: bytes) -> list[bytes]:
    return [needle for needle in NEEDLES if needle in plain]


def add_client(db: Session, name: str, word: str) -> int:
    """A client whose name, consultation, notes, actions and goals all carry ``word``."""
    saved = clients.create_client(
        db,
        ClientFields(
            given_name=word,
            family_name=name,
            email=f"{word.lower()}@example.org",
            consultation_notes=f"Wants to work on {word} boundaries at work.",
            tags=(word.lower(),),
        ),
    )
    session = CoachingSession(
        client_id=saved.id,
        starts_at=datetime(2026, 11, 20, 9, 0, tzinfo=UTC),
        agenda=f"Agenda {word}",
        shared_notes=f"Goal: {word} calmer mornings. Reality: long evenings.",
        private_notes=f"Private: {word} seemed tired.",
    )
    goal = Goal(client_id=saved.id, title=f"{word} delegation", why=f"{word} burnout")
    db.add_all([session, goal])
    db.flush()
    goal.milestones.append(Milestone(title=f"{word} first handover", due_on=date(2026, 12, 1)))
    db.add(
        ActionItem(client_id=saved.id, session_id=session.id, goal_id=goal.id, text=f"{word} list")
    )
    return saved.id


def test_decrypted_pages_are_a_readable_sqlite_database(vault_dir: Path, tmp_path: Path) -> None:
    data_key = unlock_with_passphrase(KeyFile.load(vault_dir / "vault.key"), PASSPHRASE)
    plain = decrypt_pages(VaultLayout(vault_dir).db, data_key)
    assert plain.startswith(b"SQLite format 3\x00")
    copy = tmp_path / "plain.db"
    copy.write_bytes(plain)
    with sqlite3.connect(copy) as conn:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    assert {"client", "coaching_session", "search_index"} <= tables


def edit_notes_many_times(v: vault.Vault, client_id: int, word: str) -> None:
    """A season of sessions whose notes are saved again and again (as autosave does), some long
    enough to need overflow pages, with a checkpoint in between: old versions of the text end up
    in freed pages, in the database file and in stale WAL frames.
    """
    with v.session() as db, db.begin():
        for n in range(40):
            db.add(
                CoachingSession(
                    client_id=client_id,
                    starts_at=datetime(2026, 1, 5, 9, 0, tzinfo=UTC) + timedelta(days=7 * n),
                    shared_notes=f"Options: {word} option {n}. " * (200 if n % 5 == 0 else 3),
                )
            )
    with v.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)")
    for version in range(3):
        with v.session() as db, db.begin():
            for session in db.scalars(select(CoachingSession).filter_by(client_id=client_id)):
                session.private_notes = f"Draft {version}: {word} was quieter today."
                db.merge(
                    NoteDraft(
                        session_id=session.id,
                        content=f"{word} draft {version}",
                        saved_at=datetime(2026, 11, 20, tzinfo=UTC),
                    )
                )


def test_erase_leaves_no_trace_in_any_file(vault_dir: Path) -> None:
    v = vault.open(vault_dir, passphrase=PASSPHRASE)
    with v.session() as db, db.begin():
        erased = add_client(db, "Nowak", MARKER)
        kept = add_client(db, "Byrne", SURVIVOR)
    edit_notes_many_times(v, erased, MARKER)
    edit_notes_many_times(v, kept, SURVIVOR)
    with v.session() as db:
        assert search(db, MARKER)
    assert traces(vault_plaintext(vault_dir)) == list(NEEDLES), "the test could not fail"

    erasure.erase_client(v.engine, erased)
    with v.session() as db:
        assert search(db, MARKER) == []
        assert [h.client_id for h in search(db, SURVIVOR, limit=100)] == [kept] * 44
    v.close()

    plain = vault_plaintext(vault_dir)
    assert traces(plain) == []
    assert SURVIVOR.lower().encode() in plain
    with vault.open(vault_dir, passphrase=PASSPHRASE) as v, v.session() as db:
        assert db.scalars(select(Client.id)).all() == [kept]
        assert db.scalar(select(Goal.title)) == f"{SURVIVOR} delegation"
        assert db.scalar(select(ActionItem.text)) == f"{SURVIVOR} list"
        assert db.scalar(select(Milestone.title)) == f"{SURVIVOR} first handover"


def test_erase_reports_a_purge_delayed_by_a_reader_and_finishes_at_close(
    vault_dir: Path, tmp_path: Path
) -> None:
    """A reader's snapshot may still need the old pages, so the purge cannot finish while it
    lasts: erase says so (False), and closing the vault completes it.
    """
    with vault.open(vault_dir, passphrase=PASSPHRASE) as v:
        with v.session() as db, db.begin():
            erased = add_client(db, "Nowak", MARKER)
        edit_notes_many_times(v, erased, MARKER)
        with v.engine.connect() as reader:
            reader.exec_driver_sql("BEGIN")
            reader.exec_driver_sql("SELECT count(*) FROM client").all()
            assert erasure.erase_client(v.engine, erased) is False
    assert traces(vault_plaintext(vault_dir)) == []
