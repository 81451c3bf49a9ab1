"""Pages of a branch's changes in change-number order, serialized straight to JSON bytes.

One query finds the next `limit` changed rows across all tables (numbers and ids only);
then only the tables that changed are read, by id. Both run in one snapshot (REPEATABLE READ
on PostgreSQL; SQLite's transaction is one snapshot anyway). Committed numbers of a branch
always form a prefix (changes.py), so the page's last number is a safe cursor: nothing
below it can still appear later.
"""
from __future__ import annotations

import functools
import json
from collections import defaultdict
from datetime import date, datetime
from typing import Any

from sqlalchemy import Engine, bindparam, literal, select, union_all

from .schema import SYNCED_TABLES


def _json_default(value: Any) -> str:
    if isinstance(value, datetime):
        return value.isoformat(timespec="microseconds")
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"cannot serialize {type(value).__name__}")


_DUMPS = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=_json_default).encode


@functools.cache
def _changed_keys_query():
    """Built once: constructing this 13-part statement costs more than running it."""
    parts = []
    for name, table in SYNCED_TABLES.items():
        part = (select(table.c.change_seq.label("seq"), literal(name).label("tbl"),
                       table.c.id.label("row_id"))
                .where(table.c.branch_id == bindparam("branch_id"),
                       table.c.change_seq > bindparam("cursor"))
                .order_by(table.c.change_seq).limit(bindparam("limit")).subquery())
        parts.append(select(part))
    changed = union_all(*parts).subquery()
    return select(changed).order_by(changed.c.seq).limit(bindparam("limit"))


@functools.cache
def _rows_query(table_name: str):
    table = SYNCED_TABLES[table_name]
    data_columns = [c for c in table.columns if c.name not in ("id", "change_seq")]
    query = select(table.c.id, *data_columns).where(
        table.c.branch_id == bindparam("branch_id"), table.c.id.in_(bindparam("ids", expanding=True)))
    return query, [c.name for c in data_columns]


def _changed_keys(conn, branch_id: str, cursor: int, limit: int) -> list[tuple[int, str, str]]:
    params = {"branch_id": branch_id, "cursor": cursor, "limit": limit}
    return [tuple(row) for row in conn.execute(_changed_keys_query(), params)]


def _rows_by_id(conn, table_name: str, branch_id: str, ids: list[str]) -> dict[str, dict]:
    query, names = _rows_query(table_name)
    return {row_id: dict(zip(names, values, strict=True))
            for row_id, *values in conn.execute(query, {"branch_id": branch_id, "ids": ids})}


def _snapshot(engine: Engine):
    conn = engine.connect()
    if engine.dialect.name == "postgresql":
        conn = conn.execution_options(isolation_level="REPEATABLE READ")
    return conn


def pull_page(engine: Engine, branch_id: str, cursor: int, limit: int) -> bytes:
    """The JSON body of one pull page (see claimcare_desktop.sync.protocol.PullPage)."""
    with _snapshot(engine) as conn, conn.begin():
        keys = _changed_keys(conn, branch_id, cursor, limit + 1)
        has_more = len(keys) > limit
        keys = keys[:limit]
        ids_by_table: dict[str, list[str]] = defaultdict(list)
        for _seq, table_name, row_id in keys:
            ids_by_table[table_name].append(row_id)
        fields = {name: _rows_by_id(conn, name, branch_id, ids) for name, ids in ids_by_table.items()}
    rows = [{"table": t, "id": row_id, "seq": seq, "fields": fields[t][row_id]}
            for seq, t, row_id in keys]
    next_cursor = keys[-1][0] if keys else cursor
    return _DUMPS({"rows": rows, "next_cursor": next_cursor, "has_more": has_more}).encode()
