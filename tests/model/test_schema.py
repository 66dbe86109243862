"""The ORM model and the migrated schema agree, so no column exists in one and not the other."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from coachdesk.model import Base
from coachdesk.vault import Vault


def test_migrations_produce_the_model_schema(open_vault: Vault) -> None:
    with open_vault.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(context, Base.metadata)
    # The FTS5 index and its shadow tables are the migration's own, unknown to the model.
    diff = [
        d for d in diff if not (d[0] == "remove_table" and d[1].name.startswith("search_index"))
    ]
    assert diff == []
