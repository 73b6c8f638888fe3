"""re-audits: page fingerprints, findings carried forward, the run's audit code and reuse base

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02 21:00:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel  # noqa: F401
from alembic import op

revision: str = "0010"
down_revision: str | Sequence[str] | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("page", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("fingerprint", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True)
        )
        batch_op.add_column(sa.Column("reused_from", sa.Integer(), nullable=True))
    with op.batch_alter_table("run", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "audit_code", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False, server_default=""
            )
        )
        batch_op.add_column(sa.Column("reuse_base", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("run", schema=None) as batch_op:
        batch_op.drop_column("reuse_base")
        batch_op.drop_column("audit_code")
    with op.batch_alter_table("page", schema=None) as batch_op:
        batch_op.drop_column("reused_from")
        batch_op.drop_column("fingerprint")
