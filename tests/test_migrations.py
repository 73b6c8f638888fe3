"""The migrations build exactly the schema the models describe, on SQLite and PostgreSQL."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlmodel import SQLModel

import a11ycheck.models  # noqa: F401 - registers every table on SQLModel.metadata
from a11ycheck.store import Store


def test_the_migrated_schema_is_the_models_schema(db_url):
    store = Store(db_url)
    with store.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), SQLModel.metadata)
    store.close()
    assert differences == [], "write a migration for: " + repr(differences)
