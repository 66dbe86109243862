"""Migration 0008 adds the questionnaire tables, keeping every row a 0007 vault holds, and puts
returned answers in the search index (and takes them out with their client)."""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import text

from coachdesk import vault
from tests.fixtures.vaults.make_fixture import PASSPHRASE as FIXTURE_PASSPHRASE

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "vaults"


def test_a_0007_vault_gains_empty_questionnaire_tables_and_keeps_its_rows(tmp_path: Path) -> None:
    folder = shutil.copytree(FIXTURES / "0007", tmp_path / "v")
    with vault.open(folder, passphrase=FIXTURE_PASSPHRASE) as v, v.engine.connect() as conn:
        counts = [
            conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
            for table in ("questionnaire_template", "questionnaire_form", "questionnaire_answer")
        ]
        kept = conn.execute(text("SELECT emergency_contact FROM client")).scalar_one()
        requests = conn.execute(text("SELECT count(*) FROM access_request")).scalar_one()
        assert v.integrity_problems() == []
    assert counts == [0, 0, 0]
    assert kept == "Jan Łukasz, +48 601 234 567"
    assert requests == 1


def test_answers_are_searchable_and_leave_the_index_with_their_client(tmp_path: Path) -> None:
    folder = shutil.copytree(FIXTURES / "0008", tmp_path / "v")
    match = "SELECT kind, client_id, title FROM search_index WHERE search_index MATCH :q"
    with vault.open(folder, passphrase=FIXTURE_PASSPHRASE) as v, v.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO questionnaire_answer (form_id, client_id, position, name, label,"
                " kind, value) VALUES (1, 1, 1, 'q2_long', 'Und sonst?', 'long_text',"
                " 'Mehr Gelassenheit im Team')"
            )
        )
        hits = conn.execute(text(match), {"q": "gelassenheit"}).all()
        conn.execute(text("DELETE FROM client WHERE id = 1"))
        left = conn.execute(text(match), {"q": "gelassenheit"}).all()
        answers = conn.execute(text("SELECT count(*) FROM questionnaire_answer")).scalar_one()
    assert sorted(tuple(h) for h in hits) == [
        ("answer", 1, "Und sonst?"),
        ("answer", 1, "Was zählt für Sie?"),
    ]
    assert left == []
    assert answers == 0
