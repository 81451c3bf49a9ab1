"""Working through customers in batches, each batch held in a temporary id table.

Set-based queries are restricted to a batch with `AND customer_id IN (SELECT id FROM
temp.<table>)`, so memory stays bounded however many customers there are.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from sqlalchemy import Connection

BATCH_CUSTOMERS = 5000
TEMP_TABLE = "derived_customer_ids"
Clause = Callable[[str], str]


def load_ids(conn: Connection, table: str, ids: Iterable[str]) -> None:
    """(Re)fill `temp.<table>(id)` with `ids`."""
    conn.exec_driver_sql(f"CREATE TEMP TABLE IF NOT EXISTS {table} (id TEXT PRIMARY KEY)")
    conn.exec_driver_sql(f"DELETE FROM temp.{table}")
    rows = [(i,) for i in ids]
    if rows:  # an empty parameter list would run the statement once, unbound
        conn.exec_driver_sql(f"INSERT OR IGNORE INTO temp.{table} (id) VALUES (?)", rows)


def _all_customer_ids(conn: Connection, size: int) -> Iterator[list[str]]:
    last = ""
    while True:
        ids = [r[0] for r in conn.exec_driver_sql(
            "SELECT id FROM customers WHERE id > ? ORDER BY id LIMIT ?", (last, size))]
        if not ids:
            return
        yield ids
        last = ids[-1]


def _given_ids(customer_ids: Iterable[str], size: int) -> Iterator[list[str]]:
    ids = sorted(set(customer_ids))
    for start in range(0, len(ids), size):
        yield ids[start:start + size]


def customer_batches(conn: Connection, customer_ids: Iterable[str] | None,
                     size: int | None = None) -> Iterator[Clause]:
    """For each batch of customers (all of them when `customer_ids` is None), load it into
    the temp table and yield a function column -> `AND column IN (batch)`."""
    size = size or BATCH_CUSTOMERS
    batches = _all_customer_ids(conn, size) if customer_ids is None else _given_ids(customer_ids, size)
    for ids in batches:
        load_ids(conn, TEMP_TABLE, ids)
        yield lambda column: f" AND {column} IN (SELECT id FROM temp.{TEMP_TABLE})"
