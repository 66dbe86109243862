"""Migration 0006 gives every client a document language and the coach a locale (both empty:
"the coach's" and "the system's"), keeps records seven years unless the coach says otherwise,
and files accented names where a person looks for them."""

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
# Written as the app before 0006 wrote them: the sort key only case-folded, so "ångström"
# sorted after "raman".
OLD_CLIENTS = [(2, "Raman", "Priya"), (3, "Ångström", "Anders"), (4, "émile", "Zola")]


def _add_clients_with_old_sort_keys(folder: Path) -> None:
    key = unlock_with_passphrase(KeyFile.load(folder / "vault.key"), FIXTURE_PASSPHRASE)
    conn = connect_raw(folder / "coachdesk.db", key)
    try:
        for client_id, family, given in OLD_CLIENTS:
            name = f"{given} {family}"
            conn.execute(
                "INSERT INTO client (id, given_name, family_name, display_name, sort_name,"
                " name_key, search_key, preferred_name, pronouns, email, email_key, phone,"
                " organisation, role, postal_address, time_zone, referral_source,"
                " consultation_notes, status, created_at, updated_at) VALUES (?, ?, ?, '', ?, ?,"
                " ?, '', '', '', '', '', '', '', '', 'UTC', '', '', 'active', ?, ?)",
                (
                    client_id,
                    given,
                    family,
                    f"{family} {given}".casefold(),
                    name.casefold(),
                    name.casefold(),
                    NOW,
                    NOW,
                ),
            )
        conn.commit()
    finally:
        conn.close()


def test_clients_from_0005_sort_with_accents_aside_and_keep_the_coachs_language(
    tmp_path: Path,
) -> None:
    folder = shutil.copytree(FIXTURES / "0005", tmp_path / "v")
    _add_clients_with_old_sort_keys(folder)
    with vault.open(folder, passphrase=FIXTURE_PASSPHRASE) as v, v.engine.connect() as conn:
        families = conn.execute(text("SELECT family_name FROM client ORDER BY sort_name")).all()
        languages = conn.execute(text("SELECT DISTINCT language FROM client")).all()
        profile = conn.execute(text("SELECT locale, retention_years FROM coach_profile")).all()
        retention = conn.execute(
            text("SELECT retain_until, retention_reason, anonymised_on FROM client")
        ).all()
        assert v.integrity_problems() == []
    assert [row[0] for row in families] == ["Ångström", "émile", "Łukasz", "Raman"]
    assert [tuple(r) for r in languages] == [("",)]
    assert all(tuple(row) == ("", 7) for row in profile)
    assert {tuple(row)[1:] for row in retention} == {("", None)}


def test_the_frozen_0006_vault_opens_with_its_rows(tmp_path: Path) -> None:
    folder = shutil.copytree(FIXTURES / "0006", tmp_path / "v")
    with vault.open(folder, passphrase=FIXTURE_PASSPHRASE) as v, v.engine.connect() as conn:
        client = conn.execute(
            text("SELECT sort_name, language, retain_until, retention_reason FROM client")
        ).one()
        assert v.integrity_problems() == []
    assert tuple(client) == (
        "lukasz zoe\x1fłukasz zoë",
        "pl",
        "2034-02-28",
        "Sponsor contract requires it",
    )
