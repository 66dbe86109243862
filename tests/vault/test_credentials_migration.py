"""Migration 0005 (the coach's career) fills what the ICF log counts for sessions held before it:
each lasted as booked, and was pro bono when its engagement was."""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import text

from coachdesk import vault
from coachdesk.vault.engine import connect_raw
from coachdesk.vault.keyslots import KeyFile, unlock_with_passphrase
from tests.fixtures.vaults.make_fixture import PASSPHRASE as FIXTURE_PASSPHRASE

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "vaults"
NOW = "2026-11-28 09:00:00.000000"


def _add_pro_bono_session(folder: Path) -> None:
    """A 45-minute session of a pro bono engagement, written in the old schema."""
    key = unlock_with_passphrase(KeyFile.load(folder / "vault.key"), FIXTURE_PASSPHRASE)
    conn = connect_raw(folder / "coachdesk.db", key)
    try:
        conn.execute(
            "INSERT INTO engagement (id, client_id, kind, title, start_date, cadence,"
            " session_minutes, mode, location, fee_model, fee_amount, currency, payment_terms,"
            " cancellation_notice_hours, late_cancel_rule, communication, confidentiality_notes,"
            " sponsor_sharing, status, created_at, updated_at) VALUES (2, 1, 'coaching',"
            " 'Volunteer', '2026-10-01', 'weekly', 45, 'video', '', 'pro_bono', '0.00', 'EUR',"
            " '', 24, '', '', '', 'nothing', 'active', ?, ?)",
            (NOW, NOW),
        )
        conn.execute(
            "INSERT INTO coaching_session (id, client_id, engagement_id, starts_at,"
            " duration_minutes, mode, location, status, agenda, shared_notes, private_notes,"
            " note_template, feedback_comment, created_at, updated_at) VALUES (2, 1, 2,"
            " '2026-10-08 08:00:00.000000', 45, 'video', '', 'completed', '', '', '', 'free',"
            " '', ?, ?)",
            (NOW, NOW),
        )
        conn.commit()
    finally:
        conn.close()


def test_sessions_from_0003_get_their_length_and_pro_bono_from_their_engagement(
    tmp_path: Path,
) -> None:
    folder = shutil.copytree(FIXTURES / "0003", tmp_path / "v")
    _add_pro_bono_session(folder)
    with vault.open(folder, passphrase=FIXTURE_PASSPHRASE) as v, v.engine.connect() as conn:
        rows = conn.execute(
            text("SELECT id, actual_minutes, pro_bono, kind FROM coaching_session ORDER BY id")
        ).all()
        client = conn.execute(
            text("SELECT log_consent, confidential, confidential_alias FROM client")
        ).one()
        assert v.integrity_problems() == []
    assert [tuple(r) for r in rows] == [(1, 60, 0, "coaching"), (2, 45, 1, "coaching")]
    assert tuple(client) == (0, 0, "")  # not listed in the log until the client consents


def test_the_frozen_0005_vault_keeps_its_career_rows(tmp_path: Path) -> None:
    folder = shutil.copytree(FIXTURES / "0005", tmp_path / "v")
    with vault.open(folder, passphrase=FIXTURE_PASSPHRASE) as v, v.engine.connect() as conn:
        evidence = conn.execute(text("SELECT evidence, units FROM cce_activity")).one()
        attended = conn.execute(text("SELECT attended FROM session_attendance")).scalar()
    assert tuple(evidence) == (b"%PDF-", "3")
    assert attended == 1


def test_an_empty_vault_at_head_has_the_career_tables(open_vault: vault.Vault) -> None:
    with open_vault.engine.connect() as conn:
        for table in ("mentor_coaching", "cce_activity", "supervision_entry"):
            assert conn.execute(text(f"SELECT count(*) FROM {table}")).scalar() == 0
