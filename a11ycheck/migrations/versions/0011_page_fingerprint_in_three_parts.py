"""page fingerprints in three parts (document, style sheets, computed styles): room for 64 characters

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03 17:00:00

"""

from collections.abc import Sequence

import sqlmodel
from alembic import op

revision: str = "0011"
down_revision: str | Sequence[str] | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("page", schema=None) as batch_op:
        batch_op.alter_column(
            "fingerprint",
            existing_type=sqlmodel.sql.sqltypes.AutoString(length=40),
            type_=sqlmodel.sql.sqltypes.AutoString(length=64),
            existing_nullable=True,
        )


def downgrade() -> None:
    # Fingerprints of the earlier format fit; newer ones cannot be compared by older code anyway.
    op.execute("UPDATE page SET fingerprint = NULL WHERE length(fingerprint) > 40")
    with op.batch_alter_table("page", schema=None) as batch_op:
        batch_op.alter_column(
            "fingerprint",
            existing_type=sqlmodel.sql.sqltypes.AutoString(length=64),
            type_=sqlmodel.sql.sqltypes.AutoString(length=40),
            existing_nullable=True,
        )
