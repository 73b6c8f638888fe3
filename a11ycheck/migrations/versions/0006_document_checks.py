"""document checks: a result per file (sha256) and checker version; documents link to it

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03 10:00:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel  # noqa: F401
from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "documentcheck",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sha256", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("checker_version", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("type", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True),
        sa.Column("pages", sa.Integer(), nullable=True),
        sa.Column("size", sa.Integer(), nullable=True),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("message", sa.Text(), nullable=True),
        sa.Column("modified", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("possibly_exempt", sa.Boolean(), nullable=True),
        sa.Column("accessible", sa.Boolean(), nullable=True),
        sa.Column("tagged", sa.Boolean(), nullable=True),
        sa.Column("failed_checks", sa.Text(), nullable=False),
        sa.Column("checks", sa.Text(), nullable=False),
        sa.Column("checked_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("sha256", "checker_version", name="uq_documentcheck_sha256_version"),
    )
    with op.batch_alter_table("documentcheck", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_documentcheck_sha256"), ["sha256"], unique=False)
    with op.batch_alter_table("document", schema=None) as batch_op:
        batch_op.add_column(sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True))
        batch_op.add_column(sa.Column("message", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("sha256", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True))
        batch_op.add_column(sa.Column("check_id", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("last_modified", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=True)
        )
        batch_op.add_column(sa.Column("possibly_exempt", sa.Boolean(), nullable=True))
        batch_op.create_index(batch_op.f("ix_document_sha256"), ["sha256"], unique=False)
        batch_op.create_index(batch_op.f("ix_document_check_id"), ["check_id"], unique=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_document_check_id_documentcheck"), "documentcheck", ["check_id"], ["id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("document", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_document_check_id_documentcheck"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_document_check_id"))
        batch_op.drop_index(batch_op.f("ix_document_sha256"))
        batch_op.drop_column("possibly_exempt")
        batch_op.drop_column("last_modified")
        batch_op.drop_column("check_id")
        batch_op.drop_column("sha256")
        batch_op.drop_column("message")
        batch_op.drop_column("status")
    with op.batch_alter_table("documentcheck", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_documentcheck_sha256"))
    op.drop_table("documentcheck")
