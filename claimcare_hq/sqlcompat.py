"""The two statements whose spelling differs between PostgreSQL and SQLite."""
from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Table
from sqlalchemy.dialects import postgresql, sqlite


def _insert(conn: Connection, table: Table):
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    return dialect.insert(table)


def insert_if_absent(conn: Connection, table: Table, values: dict[str, Any]) -> None:
    conn.execute(_insert(conn, table).values(values).on_conflict_do_nothing())


def upsert(conn: Connection, table: Table, values: dict[str, Any], keys: list[str]) -> None:
    stmt = _insert(conn, table).values(values)
    updates = {k: stmt.excluded[k] for k in values if k not in keys}
    conn.execute(stmt.on_conflict_do_update(index_elements=keys, set_=updates))


def for_update(conn: Connection, select_stmt):
    """Row lock on PostgreSQL; SQLite's immediate transaction already holds the write lock."""
    return select_stmt.with_for_update() if conn.dialect.name == "postgresql" else select_stmt
