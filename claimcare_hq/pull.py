"""Pages of a branch's changes in change-number order, serialized straight to JSON bytes.

One query finds the next `limit` change numbers across all tables; then the tables are read by
a range of their change index. Both run in one snapshot (on PostgreSQL they are one
statement; SQLite's transaction is one snapshot anyway). Committed numbers of a branch always
form a prefix (changes.py), so the page's last number is a safe cursor: nothing below it can
still appear later.

On PostgreSQL the page's rows are turned into JSON text by the database itself (one
`string_agg` of `json_build_object`s): no per-row Python at HQ, which was most of a first
sync's server time. Its text is the same wire form the Python encoder makes (timestamps with
six fraction digits). The statement runs on the driver's own cursor: SQLAlchemy's per-call
work was most of a small pull's CPU.
"""
from __future__ import annotations

import functools
import json
from datetime import date, datetime
from typing import Any

from sqlalchemy import DateTime, Engine, bindparam, literal, select, union_all

from .schema import SYNCED_TABLES


def _json_default(value: Any) -> str:
    if isinstance(value, datetime):
        return value.isoformat(timespec="microseconds")
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"cannot serialize {type(value).__name__}")


_DUMPS = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=_json_default).encode


@functools.cache
def _page_query():
    """(seq, table) of the next changes over all tables; built once, as building this
    13-part statement costs more than running it."""
    parts = []
    for name, table in SYNCED_TABLES.items():
        part = (select(table.c.change_seq.label("seq"), literal(name).label("tbl"))
                .where(table.c.branch_id == bindparam("branch_id"),
                       table.c.change_seq > bindparam("cursor"))
                .order_by(table.c.change_seq).limit(bindparam("limit")).subquery())
        parts.append(select(part))
    changed = union_all(*parts).subquery()
    return select(changed).order_by(changed.c.seq).limit(bindparam("limit"))


@functools.cache
def _rows_query(table_name: str):
    """A table's rows with numbers in (cursor, last]: a range scan of its change index."""
    table = SYNCED_TABLES[table_name]
    data_columns = [c for c in table.columns if c.name not in ("id", "change_seq")]
    query = (select(table.c.change_seq, table.c.id, *data_columns)
             .where(table.c.branch_id == bindparam("branch_id"),
                    table.c.change_seq > bindparam("cursor"),
                    table.c.change_seq <= bindparam("last")))
    return query, [c.name for c in data_columns]


def _page_rows(conn, table_name: str, params: dict) -> list[tuple[int, dict]]:
    query, names = _rows_query(table_name)
    return [(seq, {"table": table_name, "id": row_id, "seq": seq,
                   "fields": dict(zip(names, values, strict=True))})
            for seq, row_id, *values in conn.execute(query, params).all()]


def _json_value(column) -> str:
    if isinstance(column.type, DateTime):
        return f'''to_char("{column.name}", 'YYYY-MM-DD"T"HH24:MI:SS.US')'''
    return f'"{column.name}"'


def _json_rows_part(table_name: str) -> str:
    """One table's rows of the page as (seq, JSON text of the wire row)."""
    table = SYNCED_TABLES[table_name]
    fields = ", ".join(f"'{c.name}', {_json_value(c)}" for c in table.columns
                       if c.name not in ("id", "change_seq"))
    return (f"SELECT change_seq AS seq, json_build_object('table', '{table_name}', 'id', id, "
            f"'seq', change_seq, 'fields', json_build_object({fields}))::text AS body "
            f'FROM "{table_name}" WHERE branch_id = %(branch_id)s AND change_seq > %(cursor)s '
            "AND change_seq <= (SELECT last FROM span)")


def _keys_part(table_name: str) -> str:
    return (f'(SELECT change_seq AS seq FROM "{table_name}" WHERE branch_id = %(branch_id)s '
            "AND change_seq > %(cursor)s ORDER BY change_seq LIMIT %(probe)s)")


@functools.cache
def _postgres_page_sql() -> str:
    """One statement, so one snapshot: the next `probe` (= limit + 1) change numbers over all
    tables, the page's last number, and the page's rows as the text of a JSON array's items.
    Each table is read by a range of its (branch_id, change_seq) index."""
    keys = " UNION ALL ".join(_keys_part(name) for name in SYNCED_TABLES)
    rows = " UNION ALL ".join(_json_rows_part(name) for name in SYNCED_TABLES)
    return (f"WITH probe AS (SELECT seq FROM ({keys}) AS k ORDER BY seq LIMIT %(probe)s), "
            "span AS (SELECT (SELECT count(*) FROM probe) AS found, coalesce((SELECT max(seq) "
            "FROM (SELECT seq FROM probe ORDER BY seq LIMIT %(limit)s) AS p), %(cursor)s) AS last) "
            f"SELECT found, last, (SELECT string_agg(body, ',' ORDER BY seq) FROM ({rows}) AS page) "
            "FROM span")


def _postgres_page(engine: Engine, branch_id: str, cursor: int, limit: int) -> bytes:
    connection = engine.raw_connection()
    try:
        with connection.cursor() as db:
            db.execute(_postgres_page_sql(), {"branch_id": branch_id, "cursor": cursor,
                                              "limit": limit, "probe": limit + 1})
            found, last, rows = db.fetchone()
        connection.commit()
    finally:
        connection.close()
    return ('{"rows":[%s],"next_cursor":%d,"has_more":%s}'
            % (rows or "", last, "true" if found > limit else "false")).encode()


def pull_page(engine: Engine, branch_id: str, cursor: int, limit: int) -> bytes:
    """The JSON body of one pull page (see claimcare_desktop.sync.protocol.PullPage)."""
    if engine.dialect.name == "postgresql":
        return _postgres_page(engine, branch_id, cursor, limit)
    with engine.connect() as conn, conn.begin():  # SQLite's transaction is one snapshot
        keys = conn.execute(_page_query(), {"branch_id": branch_id, "cursor": cursor,
                                            "limit": limit + 1}).all()
        has_more = len(keys) > limit
        keys = keys[:limit]
        last = keys[-1][0] if keys else cursor
        params = {"branch_id": branch_id, "cursor": cursor, "last": last}
        found = [row for name in dict.fromkeys(t for _seq, t in keys)
                 for row in _page_rows(conn, name, params)]
    found.sort(key=lambda item: item[0])
    rows = [row for _seq, row in found]
    return _DUMPS({"rows": rows, "next_cursor": last, "has_more": has_more}).encode()
