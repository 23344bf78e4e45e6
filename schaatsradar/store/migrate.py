"""Alembic driven from code, so `schaatsradar db upgrade` needs no alembic.ini on disk."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from schaatsradar.store import locks


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", "schaatsradar.store:migrations")
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    config = _config()
    with engine.connect() as connection:
        config.attributes["connection"] = connection
        locks.hold(connection, locks.MIGRATIONS)  # a second process waits, then finds it done
        command.upgrade(config, revision)
        connection.commit()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str | None:
    return ScriptDirectory.from_config(_config()).get_current_head()


def downgrade(engine: Engine, revision: str) -> None:
    """Back to `revision` (tests of a migration's way back; operators restore backups)."""
    config = _config()
    with engine.connect() as connection:
        config.attributes["connection"] = connection
        locks.hold(connection, locks.MIGRATIONS)
        command.downgrade(config, revision)
        connection.commit()
