"""Migrations: from an empty vault, and from every earlier schema's frozen vault with data in it."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from coachdesk import vault
from coachdesk.vault import migrate
from tests.fixtures.vaults.make_fixture import PASSPHRASE as FIXTURE_PASSPHRASE
from tests.fixtures.vaults.make_fixture import PRACTICE_ROWS, SETTINGS

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "vaults"
FROZEN = sorted(p for p in FIXTURES.iterdir() if (p / "vault.key").exists())


def test_a_new_vault_is_at_the_head_revision(open_vault: vault.Vault) -> None:
    assert open_vault.schema_revision() == migrate.head_revision()
    with open_vault.engine.connect() as conn:
        assert inspect(conn).has_table("practice_setting")


def test_every_schema_version_has_a_frozen_fixture() -> None:
    assert {p.name for p in FROZEN} == migrate.known_revisions()


@pytest.mark.parametrize("fixture", FROZEN, ids=[p.name for p in FROZEN])
def test_frozen_vault_upgrades_with_its_data(fixture: Path, tmp_path: Path) -> None:
    folder = tmp_path / fixture.name
    shutil.copytree(fixture, folder)
    with vault.open(folder, passphrase=FIXTURE_PASSPHRASE) as v:
        assert v.schema_revision() == migrate.head_revision()
        with v.engine.connect() as conn:
            stored = dict(conn.execute(text("SELECT key, value FROM practice_setting")).all())
        assert stored == SETTINGS
        assert v.integrity_problems() == []
    pre_migration = list((folder / "backups").glob("pre-migration-*.cdbackup"))
    assert bool(pre_migration) == (fixture.name != migrate.head_revision())


@pytest.mark.parametrize("fixture", FROZEN, ids=[p.name for p in FROZEN])
def test_frozen_practice_rows_survive_every_later_migration(fixture: Path, tmp_path: Path) -> None:
    folder = tmp_path / fixture.name
    shutil.copytree(fixture, folder)
    with vault.open(folder, passphrase=FIXTURE_PASSPHRASE) as v, v.engine.connect() as conn:
        inserted = Counter(
            statement.split()[2]
            for revision, statements in PRACTICE_ROWS.items()
            if revision <= fixture.name
            for statement in statements
            if statement.startswith("INSERT")
        )
        for table, rows in inserted.items():
            assert conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar() == rows
        hits = conn.exec_driver_sql(
            "SELECT count(*) FROM search_index WHERE search_index MATCH 'delegate'"
        ).scalar()
        assert hits == (0 if fixture.name < "0002" else 3), "the search index covers old rows"
