"""The coach's locale and each client's document language; how long records are kept (the
practice's years after an engagement ends, why a client's own ``retain_until`` is later, when a
client was anonymised); and the client list's sort key recomputed with accents and case aside (so
"Ångström" files under A, before "Raman").

The language columns are empty for existing rows: an empty locale means the system's, an empty
document language the coach's. Records are kept seven years after the last engagement ends
unless the coach chooses otherwise. The sort key is recomputed here with a frozen copy of the rule
the app used when this revision was written, so later changes to the app cannot change what this
migration does. Columns are added with plain ``ALTER TABLE`` (never a batch table copy): ``client``
carries the search triggers, which a copy would drop.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03
"""

import unicodedata
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: Sequence[str] | None = None
depends_on: Sequence[str] | None = None

_SPECIAL = str.maketrans(
    {"ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i"}
)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).translate(_SPECIAL)


def _sort_key(display_name: str, given_name: str, family_name: str) -> str:
    name = display_name.strip() or " ".join(
        part for part in (given_name.strip(), family_name.strip()) if part
    )
    if family_name.strip():
        name = f"{family_name.strip()} {given_name.strip()}"
    return f"{_fold(name)}\x1f{name.casefold()}"


def upgrade() -> None:
    op.add_column(
        "client", sa.Column("language", sa.String(length=16), server_default="", nullable=False)
    )
    op.add_column(
        "coach_profile",
        sa.Column("locale", sa.String(length=32), server_default="", nullable=False),
    )
    op.add_column(
        "coach_profile",
        sa.Column("retention_years", sa.Integer(), server_default="7", nullable=False),
    )
    for column in (
        sa.Column("retention_reason", sa.Text(), server_default="", nullable=False),
        sa.Column("anonymised_on", sa.Date(), nullable=True),
    ):
        op.add_column("client", column)
    bind = op.get_bind()
    rows = bind.execute(sa.text("SELECT id, display_name, given_name, family_name FROM client"))
    keys = [{"id": row[0], "key": _sort_key(row[1], row[2], row[3])} for row in rows]
    if keys:
        bind.execute(sa.text("UPDATE client SET sort_name = :key WHERE id = :id"), keys)


def downgrade() -> None:
    for table, columns in (
        ("coach_profile", ("retention_years", "locale")),
        ("client", ("anonymised_on", "retention_reason", "language")),
    ):
        for column in columns:
            op.drop_column(table, column)
