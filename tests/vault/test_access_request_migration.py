"""Migration 0007 adds the register of access requests and the intake's client fields, keeping
every row a 0006 vault holds."""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import text

from coachdesk import vault
from tests.fixtures.vaults.make_fixture import PASSPHRASE as FIXTURE_PASSPHRASE

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "vaults"


def test_a_0006_vault_gains_an_empty_register_and_keeps_its_client(tmp_path: Path) -> None:
    folder = shutil.copytree(FIXTURES / "0006", tmp_path / "v")
    with vault.open(folder, passphrase=FIXTURE_PASSPHRASE) as v, v.engine.connect() as conn:
        client = conn.execute(
            text("SELECT given_name, language, date_of_birth, emergency_contact FROM client")
        ).one()
        requests = conn.execute(text("SELECT count(*) FROM access_request")).scalar_one()
        assert v.integrity_problems() == []
    assert tuple(client) == ("Zoë", "pl", None, "")
    assert requests == 0


def test_erasing_a_client_keeps_the_request_without_its_client(tmp_path: Path) -> None:
    folder = shutil.copytree(FIXTURES / "0007", tmp_path / "v")
    with vault.open(folder, passphrase=FIXTURE_PASSPHRASE) as v, v.engine.begin() as conn:
        row = conn.execute(
            text("SELECT client_id, received_on, due_on, how_received FROM access_request")
        ).one()
        assert tuple(row) == (1, "2026-11-20", "2026-12-20", "email")
        assert conn.execute(text("SELECT date_of_birth FROM client")).scalar_one() == "1984-05-17"
        conn.execute(text("DELETE FROM client WHERE id = 1"))
        left = conn.execute(text("SELECT client_id FROM access_request")).all()
    assert [tuple(r) for r in left] == [(None,)]
