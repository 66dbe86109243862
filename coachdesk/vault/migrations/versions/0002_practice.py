"""The practice: clients, sponsors, engagements, agreements, sessions, goals, actions, search.

Column types are written out as plain SQLAlchemy types (not the model's) so that this migration
stays as it is when the model changes later. The search index is an FTS5 table kept in sync by
triggers, with FTS5's secure-delete on, so an erased client leaves no words behind in the index.
A trigger also refuses any change to a signed agreement's text or PDF.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: Sequence[str] | None = None
depends_on: Sequence[str] | None = None


# rowid = source id * 8 + kind code, so a source row's entry is found without a scan. The ``aka``
# column holds a client's name, email and organisation folded to ASCII ("lukasz" for Łukasz):
# matched, but never shown in a snippet.
SEARCH_KINDS = {"client": 1, "session": 2, "action": 3, "goal": 4}
SEARCH_SOURCES = {
    "client": (
        "client",
        "id",
        "NEW.display_name",
        "NEW.preferred_name || ' ' || NEW.organisation || ' ' || NEW.role || ' ' || NEW.email"
        " || ' ' || NEW.consultation_notes",
        "display_name, preferred_name, organisation, role, email, search_key, consultation_notes",
        "NEW.search_key",
    ),
    "session": (
        "coaching_session",
        "client_id",
        "''",
        "NEW.agenda || ' ' || NEW.shared_notes || ' ' || NEW.private_notes",
        "agenda, shared_notes, private_notes",
        "''",
    ),
    "action": ("action_item", "client_id", "''", "NEW.text", "text", "''"),
    "goal": (
        "goal",
        "client_id",
        "NEW.title",
        "NEW.why || ' ' || NEW.success_measure",
        "title, why, success_measure",
        "''",
    ),
}


def _search_triggers() -> list[str]:
    statements = []
    for kind, (table, client_col, title, body, columns, aka) in SEARCH_SOURCES.items():
        code = SEARCH_KINDS[kind]
        client = "NEW.id" if client_col == "id" else f"NEW.{client_col}"
        insert = (
            "INSERT INTO search_index (rowid, kind, client_id, title, body, aka) "
            f"VALUES (NEW.id * 8 + {code}, '{kind}', {client}, {title}, {body}, {aka});"
        )
        delete = f"DELETE FROM search_index WHERE rowid = OLD.id * 8 + {code};"
        statements += [
            f"CREATE TRIGGER search_{kind}_insert AFTER INSERT ON {table} BEGIN {insert} END",
            f"CREATE TRIGGER search_{kind}_update AFTER UPDATE OF {columns} ON {table} "
            f"BEGIN {delete} {insert} END",
            f"CREATE TRIGGER search_{kind}_delete AFTER DELETE ON {table} BEGIN {delete} END",
        ]
    return statements


SEARCH_TRIGGERS = [
    f"search_{kind}_{event}" for kind in SEARCH_SOURCES for event in ("insert", "update", "delete")
]
SEARCH_SCHEMA = [
    "CREATE VIRTUAL TABLE search_index USING fts5("
    "kind UNINDEXED, client_id UNINDEXED, title, body, aka, "
    "tokenize = 'unicode61 remove_diacritics 2')",
    "INSERT INTO search_index (search_index, rank) VALUES ('secure-delete', 1)",
    *_search_triggers(),
]
# client.last_held_at and client.open_actions summarise a client's sessions and actions for the
# client list; these triggers keep them exact on every insert, change and delete.
LAST_HELD = (
    "UPDATE client SET last_held_at = (SELECT max(starts_at) FROM coaching_session "
    "WHERE client_id = client.id AND status = 'completed') WHERE id = {who}.client_id;"
)
OPEN_ACTIONS = (
    "UPDATE client SET open_actions = (SELECT count(*) FROM action_item "
    "WHERE client_id = client.id AND status = 'open') WHERE id = {who}.client_id;"
)
CLIENT_SUMMARY = [
    f"CREATE TRIGGER {name}_{event} AFTER {what} ON {table} BEGIN {body} END"
    for name, table, columns, template in (
        ("summary_session", "coaching_session", "client_id, status, starts_at", LAST_HELD),
        ("summary_action", "action_item", "client_id, status", OPEN_ACTIONS),
    )
    for event, what, body in (
        ("insert", "INSERT", template.format(who="NEW")),
        ("update", f"UPDATE OF {columns}", template.format(who="OLD") + template.format(who="NEW")),
        ("delete", "DELETE", template.format(who="OLD")),
    )
]
SUMMARY_TRIGGERS = [
    f"{name}_{event}"
    for name in ("summary_session", "summary_action")
    for event in ("insert", "update", "delete")
]
FROZEN_AGREEMENT = [
    "CREATE TRIGGER agreement_frozen BEFORE UPDATE OF title, body, pdf, status ON agreement "
    "WHEN OLD.status IN ('signed', 'superseded') AND (NEW.title IS NOT OLD.title "
    "OR NEW.body IS NOT OLD.body OR NEW.pdf IS NOT OLD.pdf "
    "OR NEW.status NOT IN ('signed', 'superseded') "
    "OR (OLD.status = 'superseded' AND NEW.status != 'superseded')) "
    "BEGIN SELECT RAISE(ABORT, 'a signed agreement is frozen'); END"
]


def upgrade() -> None:
    op.create_table(
        "agreement_template",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column(
            "kind",
            sa.Enum("coaching", "mentoring", name="engagementkind", native_enum=False, length=20),
            nullable=False,
        ),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("builtin", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement_template")),
    )
    op.create_table(
        "sponsor",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("contact_name", sa.String(length=200), nullable=False),
        sa.Column("contact_email", sa.String(length=254), nullable=False),
        sa.Column("billing_email", sa.String(length=254), nullable=False),
        sa.Column("phone", sa.String(length=50), nullable=False),
        sa.Column("postal_address", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("archived", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sponsor")),
    )
    op.create_table(
        "client",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("given_name", sa.String(length=100), nullable=False),
        sa.Column("family_name", sa.String(length=100), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=False),
        sa.Column("sort_name", sa.String(length=200), nullable=False),
        sa.Column("name_key", sa.String(length=200), nullable=False),
        sa.Column("search_key", sa.Text(), nullable=False),
        sa.Column("preferred_name", sa.String(length=100), nullable=False),
        sa.Column("pronouns", sa.String(length=40), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("email_key", sa.String(length=254), nullable=False),
        sa.Column("phone", sa.String(length=50), nullable=False),
        sa.Column("organisation", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=200), nullable=False),
        sa.Column("postal_address", sa.Text(), nullable=False),
        sa.Column("time_zone", sa.String(length=64), nullable=False),
        sa.Column("referral_source", sa.String(length=200), nullable=False),
        sa.Column("consultation_notes", sa.Text(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "lead",
                "consultation",
                "active",
                "paused",
                "completed",
                "alumni",
                "archived",
                name="clientstatus",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("retain_until", sa.Date(), nullable=True),
        sa.Column("sponsor_id", sa.Integer(), nullable=True),
        sa.Column("last_held_at", sa.DateTime(), nullable=True),
        sa.Column("open_actions", sa.Integer(), server_default="0", nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["sponsor_id"],
            ["sponsor.id"],
            name=op.f("fk_client_sponsor_id_sponsor"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_client")),
    )
    with op.batch_alter_table("client", schema=None) as batch_op:
        batch_op.create_index("ix_client_email_key", ["email_key"], unique=False)
        batch_op.create_index("ix_client_name_key", ["name_key"], unique=False)
        batch_op.create_index(
            "ix_client_list",
            [
                "sort_name",
                "id",
                "display_name",
                "status",
                "email",
                "organisation",
                "last_held_at",
                "open_actions",
                "search_key",
            ],
            unique=False,
        )
        batch_op.create_index("ix_client_status", ["status"], unique=False)

    op.create_table(
        "coach_profile",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("business_name", sa.String(length=200), nullable=False),
        sa.Column("credentials", sa.String(length=200), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("phone", sa.String(length=50), nullable=False),
        sa.Column("website", sa.String(length=200), nullable=False),
        sa.Column("postal_address", sa.Text(), nullable=False),
        sa.Column("logo", sa.LargeBinary(), nullable=True),
        sa.Column("logo_mime", sa.String(length=50), nullable=False),
        sa.Column("default_currency", sa.String(length=3), nullable=False),
        sa.Column("default_session_minutes", sa.Integer(), nullable=False),
        sa.Column("default_fee", sa.String(length=32), nullable=True),
        sa.Column("time_zone", sa.String(length=64), nullable=False),
        sa.Column("default_template_id", sa.Integer(), nullable=True),
        sa.Column(
            "note_template",
            sa.Enum("grow", "oscar", "free", name="notetemplate", native_enum=False, length=20),
            nullable=False,
        ),
        sa.Column(
            "paper_size",
            sa.Enum("A4", "Letter", name="papersize", native_enum=False, length=20),
            nullable=False,
        ),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["default_template_id"],
            ["agreement_template.id"],
            name=op.f("fk_coach_profile_default_template_id_agreement_template"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_coach_profile")),
    )
    op.create_table(
        "client_tag",
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("tag", sa.String(length=60), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["client.id"],
            name=op.f("fk_client_tag_client_id_client"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("client_id", "tag", name=op.f("pk_client_tag")),
    )
    with op.batch_alter_table("client_tag", schema=None) as batch_op:
        batch_op.create_index("ix_client_tag_tag", ["tag"], unique=False)

    op.create_table(
        "engagement",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum("coaching", "mentoring", name="engagementkind", native_enum=False, length=20),
            nullable=False,
        ),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("planned_sessions", sa.Integer(), nullable=True),
        sa.Column(
            "cadence",
            sa.Enum(
                "weekly",
                "fortnightly",
                "monthly",
                "custom",
                name="cadence",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("cadence_days", sa.Integer(), nullable=True),
        sa.Column("session_minutes", sa.Integer(), nullable=False),
        sa.Column(
            "mode",
            sa.Enum(
                "video", "phone", "in_person", name="sessionmode", native_enum=False, length=20
            ),
            nullable=False,
        ),
        sa.Column("location", sa.String(length=500), nullable=False),
        sa.Column(
            "fee_model",
            sa.Enum(
                "per_session",
                "package",
                "monthly_retainer",
                "pro_bono",
                name="feemodel",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("fee_amount", sa.String(length=32), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("payment_terms", sa.Text(), nullable=False),
        sa.Column("cancellation_notice_hours", sa.Integer(), nullable=False),
        sa.Column("late_cancel_rule", sa.Text(), nullable=False),
        sa.Column("communication", sa.Text(), nullable=False),
        sa.Column("confidentiality_notes", sa.Text(), nullable=False),
        sa.Column("sponsor_id", sa.Integer(), nullable=True),
        sa.Column(
            "sponsor_sharing",
            sa.Enum(
                "nothing",
                "attendance",
                "progress",
                name="sponsorsharing",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column(
            "status",
            sa.Enum(
                "draft",
                "proposed",
                "active",
                "completed",
                "ended_early",
                name="engagementstatus",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["client.id"],
            name=op.f("fk_engagement_client_id_client"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["sponsor_id"],
            ["sponsor.id"],
            name=op.f("fk_engagement_sponsor_id_sponsor"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_engagement")),
    )
    with op.batch_alter_table("engagement", schema=None) as batch_op:
        batch_op.create_index("ix_engagement_client", ["client_id", "start_date"], unique=False)

    op.create_table(
        "agreement",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("engagement_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("template_id", sa.Integer(), nullable=True),
        sa.Column("template_version", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "draft",
                "sent",
                "signed",
                "superseded",
                name="agreementstatus",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("sent_on", sa.Date(), nullable=True),
        sa.Column("client_signed_on", sa.Date(), nullable=True),
        sa.Column("coach_signed_on", sa.Date(), nullable=True),
        sa.Column("sponsor_signed_on", sa.Date(), nullable=True),
        sa.Column(
            "signing_method",
            sa.Enum("paper", "scan", "typed", name="signingmethod", native_enum=False, length=20),
            nullable=True,
        ),
        sa.Column("pdf", sa.LargeBinary(), nullable=True),
        sa.Column("scan", sa.LargeBinary(), nullable=True),
        sa.Column("scan_name", sa.String(length=200), nullable=False),
        sa.Column("scan_mime", sa.String(length=100), nullable=False),
        sa.Column("supersedes_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["engagement_id"],
            ["engagement.id"],
            name=op.f("fk_agreement_engagement_id_engagement"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["supersedes_id"],
            ["agreement.id"],
            name=op.f("fk_agreement_supersedes_id_agreement"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["template_id"],
            ["agreement_template.id"],
            name=op.f("fk_agreement_template_id_agreement_template"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement")),
    )
    with op.batch_alter_table("agreement", schema=None) as batch_op:
        batch_op.create_index("ix_agreement_engagement", ["engagement_id", "version"], unique=False)
        batch_op.create_index("ix_agreement_status", ["status", "sent_on"], unique=False)

    op.create_table(
        "coaching_session",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("engagement_id", sa.Integer(), nullable=True),
        sa.Column("starts_at", sa.DateTime(), nullable=False),
        sa.Column("duration_minutes", sa.Integer(), nullable=False),
        sa.Column(
            "mode",
            sa.Enum(
                "video", "phone", "in_person", name="sessionmode", native_enum=False, length=20
            ),
            nullable=False,
        ),
        sa.Column("location", sa.String(length=500), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "scheduled",
                "completed",
                "cancelled",
                "late_cancel",
                "no_show",
                name="sessionstatus",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("agenda", sa.Text(), nullable=False),
        sa.Column("shared_notes", sa.Text(), nullable=False),
        sa.Column("private_notes", sa.Text(), nullable=False),
        sa.Column(
            "note_template",
            sa.Enum("grow", "oscar", "free", name="notetemplate", native_enum=False, length=20),
            nullable=False,
        ),
        sa.Column("feedback_score", sa.Integer(), nullable=True),
        sa.Column("feedback_comment", sa.Text(), nullable=False),
        sa.Column("fee_charged", sa.String(length=32), nullable=True),
        sa.Column("sequence", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["client.id"],
            name=op.f("fk_coaching_session_client_id_client"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["engagement_id"],
            ["engagement.id"],
            name=op.f("fk_coaching_session_engagement_id_engagement"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_coaching_session")),
    )
    with op.batch_alter_table("coaching_session", schema=None) as batch_op:
        batch_op.create_index(
            "ix_coaching_session_client_start", ["client_id", "starts_at"], unique=False
        )
        batch_op.create_index(
            "ix_coaching_session_engagement", ["engagement_id", "starts_at"], unique=False
        )
        batch_op.create_index("ix_coaching_session_start", ["starts_at"], unique=False)
        batch_op.create_index(
            "ix_coaching_session_client_status",
            ["client_id", "status", "starts_at"],
            unique=False,
        )
        batch_op.create_index(
            "ix_coaching_session_status_start", ["status", "starts_at", "client_id"], unique=False
        )
        batch_op.create_index(
            "ix_coaching_session_engagement_status", ["engagement_id", "status"], unique=False
        )

    op.create_table(
        "follow_up",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("engagement_id", sa.Integer(), nullable=True),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["client.id"],
            name=op.f("fk_follow_up_client_id_client"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["engagement_id"],
            ["engagement.id"],
            name=op.f("fk_follow_up_engagement_id_engagement"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_follow_up")),
    )
    with op.batch_alter_table("follow_up", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_follow_up_client_id"), ["client_id"], unique=False)
        batch_op.create_index("ix_follow_up_due", ["done_on", "due_on"], unique=False)

    op.create_table(
        "goal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("engagement_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("why", sa.Text(), nullable=False),
        sa.Column("success_measure", sa.Text(), nullable=False),
        sa.Column("baseline", sa.Integer(), nullable=True),
        sa.Column("target", sa.Integer(), nullable=True),
        sa.Column("target_date", sa.Date(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "active", "achieved", "dropped", name="goalstatus", native_enum=False, length=20
            ),
            nullable=False,
        ),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"], ["client.id"], name=op.f("fk_goal_client_id_client"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["engagement_id"],
            ["engagement.id"],
            name=op.f("fk_goal_engagement_id_engagement"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_goal")),
    )
    with op.batch_alter_table("goal", schema=None) as batch_op:
        batch_op.create_index("ix_goal_client", ["client_id", "status"], unique=False)

    op.create_table(
        "action_item",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=True),
        sa.Column("goal_id", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column(
            "status",
            sa.Enum("open", "done", "dropped", name="actionstatus", native_enum=False, length=20),
            nullable=False,
        ),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["client.id"],
            name=op.f("fk_action_item_client_id_client"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["goal_id"], ["goal.id"], name=op.f("fk_action_item_goal_id_goal"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["coaching_session.id"],
            name=op.f("fk_action_item_session_id_coaching_session"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_action_item")),
    )
    with op.batch_alter_table("action_item", schema=None) as batch_op:
        batch_op.create_index("ix_action_item_client", ["client_id", "status"], unique=False)
        batch_op.create_index("ix_action_item_due", ["status", "due_on"], unique=False)
        batch_op.create_index("ix_action_item_session", ["session_id"], unique=False)

    op.create_table(
        "milestone",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("goal_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["goal_id"], ["goal.id"], name=op.f("fk_milestone_goal_id_goal"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_milestone")),
    )
    with op.batch_alter_table("milestone", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_milestone_goal_id"), ["goal_id"], unique=False)

    op.create_table(
        "note_draft",
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("saved_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["coaching_session.id"],
            name=op.f("fk_note_draft_session_id_coaching_session"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("session_id", name=op.f("pk_note_draft")),
    )
    op.create_table(
        "progress_rating",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("goal_id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=True),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["goal_id"],
            ["goal.id"],
            name=op.f("fk_progress_rating_goal_id_goal"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["coaching_session.id"],
            name=op.f("fk_progress_rating_session_id_coaching_session"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_progress_rating")),
        sa.UniqueConstraint("goal_id", "session_id", name=op.f("uq_progress_rating_goal_id")),
    )
    with op.batch_alter_table("progress_rating", schema=None) as batch_op:
        batch_op.create_index("ix_progress_rating_goal", ["goal_id", "recorded_at"], unique=False)

    for statement in SEARCH_SCHEMA + CLIENT_SUMMARY + FROZEN_AGREEMENT:
        op.execute(statement)


def downgrade() -> None:
    for name in [*SEARCH_TRIGGERS, *SUMMARY_TRIGGERS, "agreement_frozen"]:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS search_index")
    with op.batch_alter_table("progress_rating", schema=None) as batch_op:
        batch_op.drop_index("ix_progress_rating_goal")

    op.drop_table("progress_rating")
    op.drop_table("note_draft")
    with op.batch_alter_table("milestone", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_milestone_goal_id"))

    op.drop_table("milestone")
    with op.batch_alter_table("action_item", schema=None) as batch_op:
        batch_op.drop_index("ix_action_item_session")
        batch_op.drop_index("ix_action_item_due")
        batch_op.drop_index("ix_action_item_client")

    op.drop_table("action_item")
    with op.batch_alter_table("goal", schema=None) as batch_op:
        batch_op.drop_index("ix_goal_client")

    op.drop_table("goal")
    with op.batch_alter_table("follow_up", schema=None) as batch_op:
        batch_op.drop_index("ix_follow_up_due")
        batch_op.drop_index(batch_op.f("ix_follow_up_client_id"))

    op.drop_table("follow_up")
    with op.batch_alter_table("coaching_session", schema=None) as batch_op:
        batch_op.drop_index("ix_coaching_session_start")
        batch_op.drop_index("ix_coaching_session_engagement")
        batch_op.drop_index("ix_coaching_session_client_start")

    op.drop_table("coaching_session")
    with op.batch_alter_table("agreement", schema=None) as batch_op:
        batch_op.drop_index("ix_agreement_engagement")

    op.drop_table("agreement")
    with op.batch_alter_table("engagement", schema=None) as batch_op:
        batch_op.drop_index("ix_engagement_client")

    op.drop_table("engagement")
    with op.batch_alter_table("client_tag", schema=None) as batch_op:
        batch_op.drop_index("ix_client_tag_tag")

    op.drop_table("client_tag")
    op.drop_table("coach_profile")
    with op.batch_alter_table("client", schema=None) as batch_op:
        batch_op.drop_index("ix_client_status")
        batch_op.drop_index("ix_client_sort_name")
        batch_op.drop_index("ix_client_email_key")

    op.drop_table("client")
    op.drop_table("sponsor")
    op.drop_table("agreement_template")
