"""Upserts, spelled once for PostgreSQL and SQLite (both accept INSERT … ON CONFLICT … DO
UPDATE … RETURNING).

They are text statements with typed parameters, built once per shape: SQLAlchemy cannot cache
the compiled form of its dialect-specific upsert constructs ("no key"), and compiling one each
time cost more than running it (every push takes two locks and rewrites rows this way).
"""
from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, Table, bindparam, text


def upsert_sql(table_name: str, names: tuple[str, ...], keys: tuple[str, ...],
               updated: tuple[str, ...] | None = None,
               mark: Callable[[str], str] = ":{}".format, rows_from: str | None = None) -> str:
    """INSERT of `names` (the value of each spelled by `mark`), one row, or a row for each row
    of the FROM item `rows_from`; on a conflict over `keys` the `updated` names (by default
    every name but the keys) are overwritten with the inserted values. Without `keys`, a plain
    INSERT."""
    quoted = ", ".join(f'"{n}"' for n in names)
    values = ", ".join(map(mark, names))
    source = f"VALUES ({values})" if rows_from is None else f"SELECT {values} FROM {rows_from}"
    sql = f'INSERT INTO "{table_name}" ({quoted}) {source}'
    if not keys:
        return sql
    if updated is None:
        updated = tuple(n for n in names if n not in keys)
    sets = ", ".join(f'"{n}" = excluded."{n}"' for n in updated)
    conflict = ", ".join(f'"{k}"' for k in keys)
    return f"{sql} ON CONFLICT ({conflict}) DO UPDATE SET {sets}"


@functools.cache
def upsert_statement(table: Table, names: tuple[str, ...], keys: tuple[str, ...],
                     updated: tuple[str, ...] | None = None, returning: bool = False):
    """upsert_sql as a SQLAlchemy statement with typed parameters."""
    sql = upsert_sql(table.name, names, keys, updated)
    statement = text(sql + (" RETURNING *" if returning else "")).bindparams(
        *(bindparam(n, type_=table.c[n].type) for n in names))
    return statement.columns(*table.c) if returning else statement


def upsert(conn: Connection, table: Table, values: dict[str, Any], keys: list[str]) -> None:
    conn.execute(upsert_statement(table, tuple(values), tuple(keys)), values)


def locked_row(conn: Connection, table: Table, values: dict[str, Any], key: str) -> Any:
    """The row with `values[key]`, created from `values` when missing, locked until the end
    of the transaction: one statement (an upsert that rewrites the key takes the row lock on
    PostgreSQL; SQLite's immediate transaction holds the write lock anyway)."""
    statement = upsert_statement(table, tuple(values), (key,), updated=(key,), returning=True)
    return conn.execute(statement, values).one()
