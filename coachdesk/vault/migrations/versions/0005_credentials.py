"""The coach's own career: group engagements with their participants and attendance, what an
ICF coaching log counts per session (actual minutes, pro bono, kind), the client's consent to be
listed and confidentiality alias, the training start and target credential, and the mentor
coaching, CCE and supervision logs.

Existing sessions lasted as booked and were pro bono when their engagement was. Columns are added
with plain ``ALTER TABLE`` (never a batch table copy): ``coaching_session`` and ``client`` carry
the search and summary triggers, which a copy would drop.

Revision ID: 0005
Revises: 0003
Create Date: 2026-12-03
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: Sequence[str] | None = None
depends_on: Sequence[str] | None = None


def _enum(*values: str, name: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, length=20)


def _timestamps() -> list[sa.Column]:
    return [
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    ]


def upgrade() -> None:
    op.add_column(
        "engagement", sa.Column("is_group", sa.Boolean(), server_default="0", nullable=False)
    )
    for column in (
        sa.Column("actual_minutes", sa.Integer(), server_default="0", nullable=False),
        sa.Column("pro_bono", sa.Boolean(), server_default="0", nullable=False),
        sa.Column(
            "kind",
            _enum(
                "coaching", "mentoring_received", "supervision", "assessment", name="sessionkind"
            ),
            server_default="coaching",
            nullable=False,
        ),
    ):
        op.add_column("coaching_session", column)
    for client_column in (
        sa.Column("log_consent", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("log_consent_on", sa.Date(), nullable=True),
        sa.Column("log_consent_how", sa.String(length=200), server_default="", nullable=False),
        sa.Column("confidential", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("confidential_alias", sa.String(length=100), server_default="", nullable=False),
        sa.Column("org_contact_email", sa.String(length=254), server_default="", nullable=False),
    ):
        op.add_column("client", client_column)
    op.add_column("coach_profile", sa.Column("training_start", sa.Date(), nullable=True))
    op.add_column(
        "coach_profile",
        sa.Column(
            "target_credential", _enum("acc", "pcc", "mcc", name="credential"), nullable=True
        ),
    )
    op.add_column("coach_profile", sa.Column("renewal_due_on", sa.Date(), nullable=True))
    op.create_index(
        "ix_coaching_session_icf",
        "coaching_session",
        ["status", "kind", "client_id", "engagement_id", "pro_bono", "starts_at", "actual_minutes"],
        unique=False,
    )
    op.execute("UPDATE coaching_session SET actual_minutes = duration_minutes")
    op.execute(
        "UPDATE coaching_session SET pro_bono = 1 WHERE engagement_id IN "
        "(SELECT id FROM engagement WHERE fee_model = 'pro_bono')"
    )

    op.create_table(
        "engagement_participant",
        sa.Column("engagement_id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["client.id"],
            name=op.f("fk_engagement_participant_client_id_client"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["engagement_id"],
            ["engagement.id"],
            name=op.f("fk_engagement_participant_engagement_id_engagement"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "engagement_id", "client_id", name=op.f("pk_engagement_participant")
        ),
    )
    op.create_index(
        "ix_engagement_participant_client", "engagement_participant", ["client_id"], unique=False
    )
    op.create_table(
        "session_attendance",
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("attended", sa.Boolean(), nullable=True),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["client.id"],
            name=op.f("fk_session_attendance_client_id_client"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["coaching_session.id"],
            name=op.f("fk_session_attendance_session_id_coaching_session"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("session_id", "client_id", name=op.f("pk_session_attendance")),
    )
    op.create_index(
        "ix_session_attendance_client",
        "session_attendance",
        ["client_id", "session_id"],
        unique=False,
    )
    op.create_table(
        "mentor_coaching",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("mentor_name", sa.String(length=200), nullable=False),
        sa.Column("mentor_email", sa.String(length=254), nullable=False),
        sa.Column("mentor_credential", sa.String(length=100), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("group_size", sa.Integer(), nullable=True),
        *_timestamps(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mentor_coaching")),
    )
    op.create_index("ix_mentor_coaching_held", "mentor_coaching", ["held_on"], unique=False)
    op.create_table(
        "cce_activity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("provider", sa.String(length=200), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column(
            "category",
            _enum("core_competencies", "resource_development", name="ccecategory"),
            nullable=False,
        ),
        sa.Column("units", sa.String(length=32), nullable=False),
        sa.Column("ethics_units", sa.String(length=32), nullable=False),
        sa.Column("evidence", sa.LargeBinary(), nullable=True),
        sa.Column("evidence_name", sa.String(length=200), nullable=False),
        sa.Column("evidence_mime", sa.String(length=100), nullable=False),
        *_timestamps(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cce_activity")),
    )
    op.create_index("ix_cce_activity_held", "cce_activity", ["held_on"], unique=False)
    op.create_table(
        "supervision_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("supervisor", sa.String(length=200), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("reflection", sa.Text(), nullable=False),
        *_timestamps(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_supervision_entry")),
    )
    op.create_index("ix_supervision_entry_held", "supervision_entry", ["held_on"], unique=False)


def downgrade() -> None:
    for table in (
        "supervision_entry",
        "cce_activity",
        "mentor_coaching",
        "session_attendance",
        "engagement_participant",
    ):
        op.drop_table(table)
    op.drop_index("ix_coaching_session_icf", table_name="coaching_session")
    for table, columns in (
        ("coach_profile", ("renewal_due_on", "target_credential", "training_start")),
        (
            "client",
            (
                "org_contact_email",
                "confidential_alias",
                "confidential",
                "log_consent_how",
                "log_consent_on",
                "log_consent",
            ),
        ),
        ("coaching_session", ("kind", "pro_bono", "actual_minutes")),
        ("engagement", ("is_group",)),
    ):
        for column in columns:
            op.drop_column(table, column)
