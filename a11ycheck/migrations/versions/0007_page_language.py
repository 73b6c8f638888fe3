"""plain language: how readable each audited page's main text is

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04 10:00:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel  # noqa: F401
from alembic import op

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "pagelanguage",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("region", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True),
        sa.Column("lang", sqlmodel.sql.sqltypes.AutoString(length=8), nullable=True),
        sa.Column("lang_declared", sqlmodel.sql.sqltypes.AutoString(length=8), nullable=True),
        sa.Column("lang_detected", sqlmodel.sql.sqltypes.AutoString(length=8), nullable=True),
        sa.Column("words", sa.Integer(), nullable=True),
        sa.Column("sentences", sa.Integer(), nullable=True),
        sa.Column("syllables", sa.Integer(), nullable=True),
        sa.Column("fragment_words", sa.Integer(), nullable=False),
        sa.Column("avg_sentence_length", sa.Float(), nullable=True),
        sa.Column("long_sentences", sa.Float(), nullable=True),
        sa.Column("long_words", sa.Float(), nullable=True),
        sa.Column("rare_words", sa.Float(), nullable=True),
        sa.Column("flesch_douma", sa.Float(), nullable=True),
        sa.Column("level", sqlmodel.sql.sqltypes.AutoString(length=2), nullable=True),
        sa.Column("no_level_reason", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
        sa.Column("truncated", sa.Boolean(), nullable=False),
        sa.Column("longest_sentences", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["run_id"], ["run.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("run_id", "url", name="uq_pagelanguage_run_url"),
    )
    with op.batch_alter_table("pagelanguage", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_pagelanguage_run_id"), ["run_id"], unique=False)


def downgrade() -> None:
    op.drop_table("pagelanguage")
