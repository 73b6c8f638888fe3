"""The migrations build exactly the schema the models describe, on SQLite and PostgreSQL; a database at an
older revision is brought up to date, one at the newest is opened without alembic."""

import subprocess
import sys

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text
from sqlmodel import SQLModel

import a11ycheck.models  # noqa: F401 - registers every table on SQLModel.metadata
from a11ycheck.store import MIGRATIONS, SCHEMA_HEAD, Store, engine_for


def test_the_migrated_schema_is_the_models_schema(new_db_url):
    store = Store(new_db_url)
    with store.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), SQLModel.metadata)
    store.close()
    assert differences == [], "write a migration for: " + repr(differences)


def _alembic_config():
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def test_schema_head_names_the_newest_migration():
    # Store skips alembic for a database at SCHEMA_HEAD: a new migration must move SCHEMA_HEAD with it.
    assert ScriptDirectory.from_config(_alembic_config()).get_heads() == [SCHEMA_HEAD]


def test_a_database_at_an_older_revision_is_still_migrated(new_db_url):
    engine = engine_for(new_db_url)
    config = _alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0009")
    with engine.connect() as connection:
        assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0009"
        assert "fingerprint" not in {column["name"] for column in inspect(connection).get_columns("page")}
    engine.dispose()
    store = Store(new_db_url)
    with store.engine.connect() as connection:
        assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar() == SCHEMA_HEAD
        differences = compare_metadata(MigrationContext.configure(connection), SQLModel.metadata)
    store.close()
    assert differences == [], repr(differences)


def test_only_a_database_not_at_head_loads_alembic(tmp_path):
    url = f"sqlite:///{tmp_path / 'a11ycheck.db'}"
    probe = (
        "import sys; from a11ycheck.store import Store; Store(sys.argv[1]).close(); "
        "print('alembic' in sys.modules)"
    )
    opened = [
        subprocess.run([sys.executable, "-c", probe, url], capture_output=True, text=True, timeout=120)
        for _ in range(2)
    ]
    assert [(done.returncode, done.stdout.strip(), done.stderr) for done in opened] == [
        (0, "True", ""),  # a new file: migrated by alembic
        (0, "False", ""),  # at head: opened as it is
    ]
