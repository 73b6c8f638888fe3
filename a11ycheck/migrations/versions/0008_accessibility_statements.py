"""accessibility statements: the links that may lead to a site's statement, and the statement read per run

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05 10:00:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel  # noqa: F401
from alembic import op

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "statementlink",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("page_url", sa.Text(), nullable=False),
        sa.Column("href", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["run_id"], ["run.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("statementlink", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_statementlink_run_id"), ["run_id"], unique=False)
    op.create_table(
        "statement",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("is_statement", sa.Boolean(), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("standard", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
        sa.Column("prepared_on", sa.Date(), nullable=True),
        sa.Column("reviewed_on", sa.Date(), nullable=True),
        sa.Column("method", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("feedback", sa.Text(), nullable=False),
        sa.Column("enforcement", sa.Boolean(), nullable=False),
        sa.Column("non_accessible_content", sa.Boolean(), nullable=False),
        sa.Column("linked_from_home", sa.Boolean(), nullable=True),
        sa.Column("pages_linking", sa.Integer(), nullable=False),
        sa.Column("pages_audited", sa.Integer(), nullable=False),
        sa.Column("grade", sqlmodel.sql.sqltypes.AutoString(length=1), nullable=True),
        sa.Column("problems", sa.Text(), nullable=False),
        sa.Column("contradictions", sa.Text(), nullable=False),
        sa.Column("details", sa.Text(), nullable=False),
        sa.Column("checked_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["run_id"], ["run.id"]),
        sa.ForeignKeyConstraint(["site_id"], ["site.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("run_id", name="uq_statement_run"),
    )
    with op.batch_alter_table("statement", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_statement_run_id"), ["run_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_statement_site_id"), ["site_id"], unique=False)


def downgrade() -> None:
    op.drop_table("statement")
    op.drop_table("statementlink")
