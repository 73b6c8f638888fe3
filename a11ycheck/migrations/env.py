"""Alembic environment: runs on the connection a11ycheck.store hands over, never its own."""

from alembic import context
from sqlmodel import SQLModel

import a11ycheck.models  # noqa: F401 - registers the tables on SQLModel.metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
