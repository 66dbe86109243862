"""Schema migrations, applied at open in one SQLite transaction: all of them or none.

Alembic is imported only when a vault needs migrating; opening a vault at the head revision reads
the revision names from the migration files' names (``0002_practice.py`` is revision ``0002``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
VERSION_TABLE = "alembic_version"
_REVISION_FILE = re.compile(r"^(\d{4})_\w+\.py$")

# The tables each revision creates, so an open can tell a schema that an interrupted migration
# left half-upgraded (before migrations ran in one transaction) from a clean older one. A test
# checks this against the migrations themselves; a new revision adds its line.
TABLES_ADDED: dict[str, frozenset[str]] = {
    "0001": frozenset({"practice_setting"}),
    "0002": frozenset(
        {
            "action_item",
            "agreement",
            "agreement_template",
            "client",
            "client_tag",
            "coach_profile",
            "coaching_session",
            "engagement",
            "follow_up",
            "goal",
            "milestone",
            "note_draft",
            "progress_rating",
            "search_index",
            "search_index_config",
            "search_index_content",
            "search_index_data",
            "search_index_docsize",
            "search_index_idx",
            "sponsor",
        }
    ),
    "0003": frozenset(),  # sponsor columns only
    "0004": frozenset({"invoice", "invoice_line", "invoice_number_series", "payment"}),
    "0005": frozenset(
        {
            "cce_activity",
            "engagement_participant",
            "mentor_coaching",
            "session_attendance",
            "supervision_entry",
        }
    ),
    "0006": frozenset(),  # locale, language and retention columns; the sort keys recomputed
    "0007": frozenset({"access_request"}),
    "0008": frozenset({"questionnaire_answer", "questionnaire_form", "questionnaire_template"}),
}


class MigrationFailed(Exception):
    """The upgrade failed and was rolled back: the database is exactly as it was."""


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


@cache
def _script() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


@cache
def _revisions() -> tuple[str, ...]:
    """Every revision, oldest first, from the file names: cheap, and no Alembic import."""
    names = (_REVISION_FILE.match(p.name) for p in (MIGRATIONS_DIR / "versions").iterdir())
    revisions = tuple(sorted(m.group(1) for m in names if m))
    assert revisions, "the migrations folder has no revisions"
    return revisions


def head_revision() -> str:
    return _revisions()[-1]


def known_revisions() -> set[str]:
    return set(_revisions())


def alembic_head() -> str | None:
    """The head as Alembic computes it from the scripts (tests hold the file names to it)."""
    return _script().get_current_head()


def current_revision(connection: Connection) -> str | None:
    """The schema revision stored in the database, or None for an empty database."""
    if not inspect(connection).has_table(VERSION_TABLE):
        return None
    return connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()


def later_tables(revision: str | None, tables: Iterable[str]) -> set[str]:
    """Those of ``tables`` that only revisions after ``revision`` create: a half-done upgrade."""
    later = [rev for rev in _revisions() if revision is None or rev > revision]
    added = set().union(*(TABLES_ADDED.get(rev, frozenset()) for rev in later))
    return added & set(tables)


def upgrade_atomically(engine: Engine) -> None:
    """Bring the schema to head in one ``BEGIN IMMEDIATE`` transaction, verified before commit.

    Python 3.11's sqlite3 runs DDL outside any transaction of its own (it only opens one before
    INSERT/UPDATE/DELETE), so a migration killed halfway left some tables created. With the
    driver's transaction handling off, this connection's BEGIN and COMMIT are the only ones.
    """
    with engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        previous = raw.isolation_level
        raw.isolation_level = None
        try:
            conn.exec_driver_sql("BEGIN IMMEDIATE")
            try:
                _upgrade(conn)
                _verify(conn)
            except BaseException as exc:
                conn.exec_driver_sql("ROLLBACK")
                if isinstance(exc, Exception):
                    raise MigrationFailed(type(exc).__name__) from exc
                raise
            conn.exec_driver_sql("COMMIT")
        finally:
            raw.isolation_level = previous


def _upgrade(connection: Connection) -> None:
    from alembic import command

    command.upgrade(alembic_config(connection), "head")


def _verify(connection: Connection) -> None:
    revision = current_revision(connection)
    if revision != head_revision():
        raise RuntimeError(f"the upgrade stopped at {revision}")
    if connection.exec_driver_sql("PRAGMA quick_check").scalar() != "ok":
        raise RuntimeError("the upgraded schema fails SQLite's quick check")
