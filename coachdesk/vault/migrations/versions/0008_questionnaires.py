"""Questionnaires: the coach's form templates, the forms sent to each client (a fillable PDF with
a random token, or filled in the app) and the answers that came back.

Answers are client text: the search index covers them (kind ``answer``, rowid ``id * 8 + 5``, the
scheme of migration 0002), with triggers like the other sources', so an erased client's answers
leave the index with them. The shipped templates are seeded by the service at first use, in the
coach's language, not here.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: Sequence[str] | None = None
depends_on: Sequence[str] | None = None

ANSWER_CODE = 5
_INSERT = (
    "INSERT INTO search_index (rowid, kind, client_id, title, body, aka) "
    f"VALUES (NEW.id * 8 + {ANSWER_CODE}, 'answer', NEW.client_id, NEW.label, NEW.value, '');"
)
_DELETE = f"DELETE FROM search_index WHERE rowid = OLD.id * 8 + {ANSWER_CODE};"
TRIGGERS = {
    "search_answer_insert": f"AFTER INSERT ON questionnaire_answer BEGIN {_INSERT} END",
    "search_answer_update": (
        f"AFTER UPDATE OF label, value ON questionnaire_answer BEGIN {_DELETE} {_INSERT} END"
    ),
    "search_answer_delete": f"AFTER DELETE ON questionnaire_answer BEGIN {_DELETE} END",
}


def upgrade() -> None:
    op.create_table(
        "questionnaire_template",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("key", sa.String(length=40), server_default="", nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("introduction", sa.Text(), server_default="", nullable=False),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("questions", sa.Text(), server_default="[]", nullable=False),
        sa.Column("archived", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "questionnaire_form",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "client_id",
            sa.Integer(),
            sa.ForeignKey("client.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "template_id",
            sa.Integer(),
            sa.ForeignKey("questionnaire_template.id", ondelete="SET NULL"),
            nullable=True,
        ),
        sa.Column("template_key", sa.String(length=40), server_default="", nullable=False),
        sa.Column("template_version", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("token", sa.String(length=64), nullable=False),
        sa.Column("source", sa.String(length=20), server_default="pdf", nullable=False),
        sa.Column("issued_at", sa.DateTime(), nullable=False),
        sa.Column("returned_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("token", name="uq_questionnaire_form_token"),
    )
    op.create_index(
        "ix_questionnaire_form_client", "questionnaire_form", ["client_id", "returned_at"]
    )
    op.create_table(
        "questionnaire_answer",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "form_id",
            sa.Integer(),
            sa.ForeignKey("questionnaire_form.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "client_id",
            sa.Integer(),
            sa.ForeignKey("client.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("value", sa.Text(), server_default="", nullable=False),
        sa.Column("role", sa.String(length=40), server_default="", nullable=False),
        sa.Column("sponsor_shareable", sa.Boolean(), server_default="0", nullable=False),
        sa.Column("in_report", sa.Boolean(), server_default="0", nullable=False),
    )
    op.create_index("ix_questionnaire_answer_form_id", "questionnaire_answer", ["form_id"])
    for name, body in TRIGGERS.items():
        op.execute(f"CREATE TRIGGER {name} {body}")


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_index("ix_questionnaire_answer_form_id", table_name="questionnaire_answer")
    op.drop_table("questionnaire_answer")
    op.drop_index("ix_questionnaire_form_client", table_name="questionnaire_form")
    op.drop_table("questionnaire_form")
    op.drop_table("questionnaire_template")
