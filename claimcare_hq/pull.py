"""Pages of a branch's changes in change-number order, serialized straight to JSON bytes.

All tables are read in one snapshot (REPEATABLE READ on PostgreSQL; SQLite's transaction is
one snapshot anyway). Committed numbers of a branch always form a prefix (changes.py), so
the page's last number is a safe cursor: nothing below it can still appear later.
"""
from __future__ import annotations

import heapq
import json
from datetime import date, datetime
from typing import Any

from sqlalchemy import Engine, select

from .schema import SYNCED_TABLES


def _json_default(value: Any) -> str:
    if isinstance(value, datetime):
        return value.isoformat(timespec="microseconds")
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"cannot serialize {type(value).__name__}")


_DUMPS = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=_json_default).encode


def _table_rows(conn, table_name: str, branch_id: str, cursor: int, limit: int):
    table = SYNCED_TABLES[table_name]
    data_columns = [c for c in table.columns if c.name not in ("id", "change_seq")]
    query = (select(table.c.change_seq, table.c.id, *data_columns)
             .where(table.c.branch_id == branch_id, table.c.change_seq > cursor)
             .order_by(table.c.change_seq).limit(limit))
    names = [c.name for c in data_columns]
    for seq, row_id, *values in conn.execute(query):
        yield seq, table_name, row_id, dict(zip(names, values, strict=True))


def _snapshot(engine: Engine):
    conn = engine.connect()
    if engine.dialect.name == "postgresql":
        conn = conn.execution_options(isolation_level="REPEATABLE READ")
    return conn


def pull_page(engine: Engine, branch_id: str, cursor: int, limit: int) -> bytes:
    """The JSON body of one pull page (see claimcare_desktop.sync.protocol.PullPage)."""
    with _snapshot(engine) as conn, conn.begin():
        streams = [list(_table_rows(conn, name, branch_id, cursor, limit + 1))
                   for name in SYNCED_TABLES]
    merged = list(heapq.merge(*streams, key=lambda item: item[0]))
    has_more = len(merged) > limit
    page = merged[:limit]
    next_cursor = page[-1][0] if page else cursor
    rows = [{"table": table, "id": row_id, "seq": seq, "fields": fields}
            for seq, table, row_id, fields in page]
    return _DUMPS({"rows": rows, "next_cursor": next_cursor, "has_more": has_more}).encode()
