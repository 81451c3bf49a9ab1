"""The two statements whose spelling differs between PostgreSQL and SQLite."""
from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Table
from sqlalchemy.dialects import postgresql, sqlite


def _insert(conn: Connection, table: Table):
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    return dialect.insert(table)


def upsert(conn: Connection, table: Table, values: dict[str, Any], keys: list[str]) -> None:
    stmt = _insert(conn, table).values(values)
    updates = {k: stmt.excluded[k] for k in values if k not in keys}
    conn.execute(stmt.on_conflict_do_update(index_elements=keys, set_=updates))


def locked_row(conn: Connection, table: Table, values: dict[str, Any], key: str) -> Any:
    """The row with `values[key]`, created from `values` when missing, locked until the end
    of the transaction: one statement (an upsert that rewrites the key takes the row lock on
    PostgreSQL; SQLite's immediate transaction holds the write lock anyway)."""
    stmt = _insert(conn, table).values(values)
    stmt = stmt.on_conflict_do_update(index_elements=[key], set_={key: stmt.excluded[key]})
    return conn.execute(stmt.returning(*table.c)).one()
