"""needs review, the rules tested on each page, redirected pages

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 21:50:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel  # noqa: F401
from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("page", schema=None) as batch_op:
        batch_op.add_column(sa.Column("passed_rules", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("inapplicable_rules", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("redirect_to", sa.Text(), nullable=True))
    op.create_table(
        "needsreview",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("page_id", sa.Integer(), nullable=False),
        sa.Column("rule", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("impact", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True),
        sa.Column("level", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("wcag_version", sqlmodel.sql.sqltypes.AutoString(length=5), nullable=True),
        sa.Column("wcag", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("tags", sa.Text(), nullable=False),
        sa.Column("help", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("help_url", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["page_id"], ["page.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("needsreview", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_needsreview_page_id"), ["page_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_needsreview_rule"), ["rule"], unique=False)
    op.create_table(
        "needsreviewnode",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("needs_review_id", sa.Integer(), nullable=False),
        sa.Column("target", sa.Text(), nullable=False),
        sa.Column("html", sa.Text(), nullable=False),
        sa.Column("failure_summary", sa.Text(), nullable=False),
        sa.Column("fingerprint", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.ForeignKeyConstraint(["needs_review_id"], ["needsreview.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("needsreviewnode", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_needsreviewnode_needs_review_id"), ["needs_review_id"], unique=False
        )


def downgrade() -> None:
    op.drop_table("needsreviewnode")
    op.drop_table("needsreview")
    with op.batch_alter_table("page", schema=None) as batch_op:
        batch_op.drop_column("redirect_to")
        batch_op.drop_column("inapplicable_rules")
        batch_op.drop_column("passed_rules")
