"""The register of subject access requests (received, due one month later, answered, whether the
coach's private notes went in and why), and two client fields the intake questionnaire asks for:
date of birth and an emergency contact.

A request keeps its row when its client is erased or anonymised (``client_id`` becomes NULL): the
coach may have to show the request was answered. Columns are added with plain ``ALTER TABLE``
(never a batch table copy): ``client`` carries the search triggers, which a copy would drop.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: Sequence[str] | None = None
depends_on: Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "access_request",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "client_id",
            sa.Integer(),
            sa.ForeignKey("client.id", ondelete="SET NULL"),
            nullable=True,
        ),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("answered_on", sa.Date(), nullable=True),
        sa.Column("private_notes_included", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("private_notes_reason", sa.Text(), server_default="", nullable=False),
        sa.Column("how_received", sa.String(length=200), server_default="", nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_access_request_client_id", "access_request", ["client_id"])
    op.add_column("client", sa.Column("date_of_birth", sa.Date(), nullable=True))
    op.add_column(
        "client", sa.Column("emergency_contact", sa.Text(), server_default="", nullable=False)
    )


def downgrade() -> None:
    op.drop_column("client", "emergency_contact")
    op.drop_column("client", "date_of_birth")
    op.drop_index("ix_access_request_client_id", table_name="access_request")
    op.drop_table("access_request")
