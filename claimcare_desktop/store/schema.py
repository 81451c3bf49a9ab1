"""Alembic, run from code: the local schema is upgraded to head whenever a profile opens.

Opening an up-to-date profile must not cost Alembic's imports and a parse of every
revision file (a third of a second at start-up), so the head is also written here as
`SCHEMA_HEAD` and compared with the database's `alembic_version` first; a test keeps the
constant equal to Alembic's own head.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, text

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parents[2] / "migrations"
SCHEMA_HEAD = "0017"


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    heads = ScriptDirectory.from_config(alembic_config()).get_heads()
    if len(heads) != 1:
        raise RuntimeError(f"migrations must have exactly one head, found {heads}")
    return heads[0]


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return _revision(conn)


def _revision(conn: Connection) -> str | None:
    has_table = conn.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'").first()
    if has_table is None:  # a new, empty profile
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade_to_head(engine: Engine) -> None:
    if current_revision(engine) == SCHEMA_HEAD:
        return
    from alembic import command

    cfg = alembic_config()
    with engine.connect() as conn:
        # The whole upgrade is one write transaction: SQLite's DDL is transactional, so a
        # crash leaves the old schema whole, and a second process opening the profile
        # (the app and a headless sync) waits here, then finds the schema at head.
        conn.exec_driver_sql("BEGIN IMMEDIATE")
        if _revision(conn) == SCHEMA_HEAD:
            conn.rollback()
            return
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
        conn.commit()
