"""Restricting set-based queries to some customers through a temporary id table."""
from __future__ import annotations

from collections.abc import Callable, Iterable

from sqlalchemy import Connection

Clause = Callable[[str], str]


def load_ids(conn: Connection, table: str, ids: Iterable[str]) -> None:
    """(Re)fill `temp.<table>(id)` with `ids`, for `... IN (SELECT id FROM temp.<table>)`."""
    conn.exec_driver_sql(f"CREATE TEMP TABLE IF NOT EXISTS {table} (id TEXT PRIMARY KEY)")
    conn.exec_driver_sql(f"DELETE FROM temp.{table}")
    conn.exec_driver_sql(f"INSERT OR IGNORE INTO temp.{table} (id) VALUES (?)",
                         [(i,) for i in ids])


def restrict_to(conn: Connection, customer_ids: Iterable[str] | None) -> Clause:
    """A function column -> `AND column IN (...)` limiting rows to `customer_ids`;
    it gives an empty clause when `customer_ids` is None (every customer)."""
    if customer_ids is None:
        return lambda column: ""
    load_ids(conn, "derived_customer_ids", customer_ids)
    return lambda column: f" AND {column} IN (SELECT id FROM temp.derived_customer_ids)"
