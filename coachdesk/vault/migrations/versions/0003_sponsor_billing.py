"""Sponsors carry what an invoice to an organisation needs: its VAT number and the purchase-order
reference its accounts department quotes back.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: Sequence[str] | None = None
depends_on: Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("sponsor") as table:
        table.add_column(
            sa.Column("vat_number", sa.String(length=40), nullable=False, server_default="")
        )
        table.add_column(
            sa.Column("purchase_order", sa.String(length=100), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("sponsor") as table:
        table.drop_column("purchase_order")
        table.drop_column("vat_number")
