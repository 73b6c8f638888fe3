"""review: page facts, samples, imported reviews, organisations' contact details

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 20:37:09

"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel  # noqa: F401
from alembic import op

revision: str = "0009"
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "organisationcontact",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organisation", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("feedback_email", sqlmodel.sql.sqltypes.AutoString(length=320), nullable=True),
        sa.Column("feedback_form_url", sa.Text(), nullable=True),
        sa.Column("complaints_url", sa.Text(), nullable=True),
        sa.Column("evaluation_method", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True),
        sa.Column("evaluator", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("organisationcontact", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_organisationcontact_organisation"), ["organisation"], unique=True
        )

    op.create_table(
        "reviewpagefacts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("facts", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["run.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("run_id", "url", name="uq_reviewpagefacts_run_url"),
    )
    with op.batch_alter_table("reviewpagefacts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_reviewpagefacts_run_id"), ["run_id"], unique=False)

    op.create_table(
        "reviewsample",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=True),
        sa.Column("seed", sa.Integer(), nullable=False),
        sa.Column("per_template", sa.Integer(), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["run.id"],
        ),
        sa.ForeignKeyConstraint(
            ["site_id"],
            ["site.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("run_id", "seed", "per_template", name="uq_reviewsample_run_seed_per_template"),
    )
    with op.batch_alter_table("reviewsample", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_reviewsample_run_id"), ["run_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_reviewsample_site_id"), ["site_id"], unique=False)

    op.create_table(
        "reviewimport",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sample_id", sa.Integer(), nullable=False),
        sa.Column("author", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
        sa.Column("imported_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("rows", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["sample_id"],
            ["reviewsample.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("reviewimport", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_reviewimport_imported_at"), ["imported_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_reviewimport_sample_id"), ["sample_id"], unique=False)

    op.create_table(
        "reviewverdict",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("import_id", sa.Integer(), nullable=False),
        sa.Column("page_url", sa.Text(), nullable=False),
        sa.Column("criterion", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("verdict", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("line", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["import_id"],
            ["reviewimport.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("reviewverdict", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_reviewverdict_import_id"), ["import_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("reviewverdict", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reviewverdict_import_id"))

    op.drop_table("reviewverdict")
    with op.batch_alter_table("reviewimport", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reviewimport_sample_id"))
        batch_op.drop_index(batch_op.f("ix_reviewimport_imported_at"))

    op.drop_table("reviewimport")
    with op.batch_alter_table("reviewsample", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reviewsample_site_id"))
        batch_op.drop_index(batch_op.f("ix_reviewsample_run_id"))

    op.drop_table("reviewsample")
    with op.batch_alter_table("reviewpagefacts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reviewpagefacts_run_id"))

    op.drop_table("reviewpagefacts")
    with op.batch_alter_table("organisationcontact", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_organisationcontact_organisation"))

    op.drop_table("organisationcontact")
