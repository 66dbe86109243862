"""Invoices and credit notes with their lines, payments, the gapless number series, and the
coach's invoicing details in the profile.

Types are plain SQLAlchemy types (amounts are text, as the model's ``Money`` stores them), so
this migration stays as it is when the model changes. Triggers keep an issued invoice as it was
printed: its parties, numbers, totals and lines can no longer change, only its status to
cancelled (by a credit note) and its PDF, once, if it had none. New lines on an issued invoice
are refused by the service rather than a trigger, so an archive import can insert issued
invoices with their lines.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03
"""

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: Sequence[str] | None = None
depends_on: Sequence[str] | None = None

# What the invoice prints. Links (client, sponsor, credited invoice, a line's session) are left
# out: erasing a client or a session sets or clears them through foreign keys.
PRINTED = (
    "kind",
    "number",
    "series_year",
    "issue_date",
    "due_date",
    "currency",
    "seller",
    "buyer",
    "payment",
    "notes",
    "footer",
    "net_total",
    "tax_total",
    "gross_total",
)
LINE_COLUMNS = "invoice_id, position, description, quantity, unit_price, tax_rate"
ISSUED = "(SELECT status FROM invoice WHERE id = OLD.invoice_id) != 'draft'"
FROZEN_INVOICE = [
    "CREATE TRIGGER invoice_frozen BEFORE UPDATE ON invoice WHEN OLD.status != 'draft' AND ("
    + " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in PRINTED)
    + " OR (OLD.pdf IS NOT NULL AND NEW.pdf IS NOT OLD.pdf)"
    " OR NEW.status = 'draft' OR (OLD.status = 'cancelled' AND NEW.status != 'cancelled')) "
    "BEGIN SELECT RAISE(ABORT, 'an issued invoice is frozen'); END",
    f"CREATE TRIGGER invoice_line_frozen BEFORE UPDATE OF {LINE_COLUMNS} ON invoice_line "
    f"WHEN {ISSUED} BEGIN SELECT RAISE(ABORT, 'an issued invoice is frozen'); END",
]
TRIGGERS = ["invoice_frozen", "invoice_line_frozen"]
PROFILE_COLUMNS: list[tuple[str, sa.types.TypeEngine[Any], str]] = [
    ("tax_id", sa.String(length=40), ""),
    ("iban", sa.String(length=34), ""),
    ("bic", sa.String(length=11), ""),
    ("account_details", sa.Text(), ""),
    ("payment_link", sa.String(length=500), ""),
    ("payment_terms_days", sa.Integer(), "14"),
    ("invoice_prefix", sa.String(length=20), ""),
    ("invoice_footer", sa.Text(), ""),
    ("default_tax_rate", sa.String(length=32), "0"),
]


def upgrade() -> None:
    with op.batch_alter_table("coach_profile") as table:
        for name, kind, default in PROFILE_COLUMNS:
            table.add_column(sa.Column(name, kind, nullable=False, server_default=default))
    op.create_table(
        "invoice",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum("invoice", "credit_note", name="invoicekind", native_enum=False, length=20),
            nullable=False,
        ),
        sa.Column(
            "status",
            sa.Enum(
                "draft", "issued", "cancelled", name="invoicestatus", native_enum=False, length=20
            ),
            nullable=False,
        ),
        sa.Column("number", sa.String(length=60), nullable=True),
        sa.Column("series_year", sa.Integer(), nullable=True),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("engagement_id", sa.Integer(), nullable=True),
        sa.Column("sponsor_id", sa.Integer(), nullable=True),
        sa.Column("issue_date", sa.Date(), nullable=True),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("seller", sa.Text(), nullable=False),
        sa.Column("buyer", sa.Text(), nullable=False),
        sa.Column("payment", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("footer", sa.Text(), nullable=False),
        sa.Column("net_total", sa.String(length=32), nullable=False),
        sa.Column("tax_total", sa.String(length=32), nullable=False),
        sa.Column("gross_total", sa.String(length=32), nullable=False),
        sa.Column("credit_for_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("period", sa.String(length=7), nullable=True),
        sa.Column("instalment", sa.Integer(), nullable=True),
        sa.Column("instalments", sa.Integer(), nullable=True),
        sa.Column("pdf", sa.LargeBinary(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"], ["client.id"], name="fk_invoice_client_id_client", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["engagement_id"],
            ["engagement.id"],
            name="fk_invoice_engagement_id_engagement",
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["sponsor_id"],
            ["sponsor.id"],
            name="fk_invoice_sponsor_id_sponsor",
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["credit_for_id"],
            ["invoice.id"],
            name="fk_invoice_credit_for_id_invoice",
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_invoice"),
        sa.UniqueConstraint("number", name="uq_invoice_number"),
    )
    with op.batch_alter_table("invoice") as table:
        table.create_index("ix_invoice_client", ["client_id", "issue_date"], unique=False)
        table.create_index("ix_invoice_issue_date", ["issue_date"], unique=False)
        table.create_index("ix_invoice_engagement", ["engagement_id", "period"], unique=False)
    op.create_table(
        "invoice_line",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("invoice_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("quantity", sa.String(length=32), nullable=False),
        sa.Column("unit_price", sa.String(length=32), nullable=False),
        sa.Column("tax_rate", sa.String(length=32), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=True),
        sa.Column("session_claim", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["invoice_id"],
            ["invoice.id"],
            name="fk_invoice_line_invoice_id_invoice",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["coaching_session.id"],
            name="fk_invoice_line_session_id_coaching_session",
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_invoice_line"),
        sa.UniqueConstraint("session_claim", name="uq_invoice_line_session_claim"),
    )
    with op.batch_alter_table("invoice_line") as table:
        table.create_index("ix_invoice_line_invoice", ["invoice_id", "position"], unique=False)
    op.create_table(
        "payment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("invoice_id", sa.Integer(), nullable=False),
        sa.Column("paid_on", sa.Date(), nullable=False),
        sa.Column("amount", sa.String(length=32), nullable=False),
        sa.Column(
            "method",
            sa.Enum(
                "bank_transfer",
                "card",
                "cash",
                "paypal",
                "other",
                name="paymentmethod",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("reference", sa.String(length=200), nullable=False),
        sa.Column("removed_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["invoice_id"], ["invoice.id"], name="fk_payment_invoice_id_invoice", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_payment"),
    )
    with op.batch_alter_table("payment") as table:
        table.create_index("ix_payment_invoice", ["invoice_id", "paid_on"], unique=False)
    op.create_table(
        "invoice_number_series",
        sa.Column(
            "kind",
            sa.Enum("invoice", "credit_note", name="invoicekind", native_enum=False, length=20),
            nullable=False,
        ),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("last_number", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("kind", "year", name="pk_invoice_number_series"),
    )
    for statement in FROZEN_INVOICE:
        op.execute(statement)


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table("invoice_number_series")
    op.drop_table("payment")
    op.drop_table("invoice_line")
    op.drop_table("invoice")
    with op.batch_alter_table("coach_profile") as table:
        for name, _kind, _default in reversed(PROFILE_COLUMNS):
            table.drop_column(name)
