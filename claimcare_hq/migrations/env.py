"""Alembic environment for HQ's database (PostgreSQL, or SQLite for demos)."""
from __future__ import annotations

from alembic import context

from claimcare_hq.db import make_engine
from claimcare_hq.schema import Base

config = context.config
target_metadata = Base.metadata


def _configure(connection) -> None:
    context.configure(connection=connection, target_metadata=target_metadata,
                      render_as_batch=connection.dialect.name == "sqlite", compare_type=True)


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        engine = make_engine(config.get_main_option("sqlalchemy.url"))
        with engine.begin() as connection:
            _configure(connection)
            context.run_migrations()
        return
    _configure(connection)
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
