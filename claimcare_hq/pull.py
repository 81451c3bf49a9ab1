"""Pages of a branch's changes in change-number order, serialized straight to JSON bytes.

One query finds the next `limit` change numbers across all tables; then the tables are read by
a range of their change index. Both run in one snapshot (on PostgreSQL they are one
statement; SQLite's transaction is one snapshot anyway). Committed numbers of a branch always
form a prefix (changes.py), so the page's last number is a safe cursor: nothing below it can
still appear later.

On PostgreSQL each row already holds its JSON text, built by the database when the row was
written (wire_rows.py), and the page is one `string_agg` of them: no per-row Python at HQ,
which was most of a first sync's server time, and no per-row JSON building in the database,
the largest single part of PostgreSQL's time under 200 devices. Its JSON is the Python encoder's
(timestamps with six fraction digits). The statement runs on the driver's own cursor, with
the bearer token's check inside it: SQLAlchemy's per-call work was most of a small pull's CPU.
"""
from __future__ import annotations

import functools
import json
from datetime import date, datetime
from typing import Any

from sqlalchemy import Engine, bindparam, literal, select, union_all

from .auth import ACTOR_SQL
from .schema import SYNCED_TABLES
from .wire_rows import WIRE_COLUMN


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


# The page's branch on PostgreSQL: the token's, looked up in the same statement (ACTOR_SQL).
_BRANCH = "(SELECT branch_id FROM actor)"


def _stored_rows_part(table_name: str) -> str:
    """One table's rows of the page as (seq, their stored pull form)."""
    return (f'SELECT change_seq AS seq, {WIRE_COLUMN} AS body FROM "{table_name}" '
            f"WHERE branch_id = {_BRANCH} AND change_seq > %(cursor)s "
            "AND change_seq <= (SELECT last FROM span)")


def _keys_part(table_name: str) -> str:
    return (f'(SELECT change_seq AS seq FROM "{table_name}" WHERE branch_id = {_BRANCH} '
            "AND change_seq > %(cursor)s ORDER BY change_seq LIMIT %(probe)s)")


@functools.cache
def _postgres_page_sql() -> str:
    """One statement, so one snapshot and one round trip: the token's holder (no row: no live
    token, and an empty page), the next `probe` (= limit + 1) change numbers over all tables
    of its branch, the page's last number, and the page's rows as the text of a JSON array's
    items. Each table is read by a range of its (branch_id, change_seq) index."""
    keys = " UNION ALL ".join(_keys_part(name) for name in SYNCED_TABLES)
    rows = " UNION ALL ".join(_stored_rows_part(name) for name in SYNCED_TABLES)
    return (f"WITH actor AS ({ACTOR_SQL.format(mark='%(token)s')}), "
            f"probe AS (SELECT seq FROM ({keys}) AS k ORDER BY seq LIMIT %(probe)s), "
            "span AS (SELECT (SELECT count(*) FROM probe) AS found, coalesce((SELECT max(seq) "
            "FROM (SELECT seq FROM probe ORDER BY seq LIMIT %(limit)s) AS p), %(cursor)s) AS last) "
            "SELECT actor.user_id, actor.branch_id, actor.device_id, actor.role, actor.last_used, "
            f"found, last, (SELECT string_agg(body, ',' ORDER BY seq) FROM ({rows}) AS page) "
            "FROM span LEFT JOIN actor ON true")


def _body(rows: str | None, last: int, has_more: bool) -> bytes:
    return ('{"rows":[%s],"next_cursor":%d,"has_more":%s}'
            % (rows or "", last, "true" if has_more else "false")).encode()


def pull_page_for_token(engine: Engine, hashed_token: str, cursor: int, limit: int
                        ) -> tuple[tuple, bytes]:
    """On PostgreSQL: the token's row of auth.ACTOR_SQL (all None: no live token) and the JSON
    body of its branch's page, in one round trip (statement and COMMIT pipelined)."""
    pooled = engine.raw_connection()
    try:
        connection = pooled.driver_connection
        with connection.cursor() as db:
            with connection.pipeline():
                db.execute(_postgres_page_sql(), {"token": hashed_token, "cursor": cursor,
                                                  "limit": limit, "probe": limit + 1})
                connection.commit()
            *actor, found, last, rows = db.fetchone()
    finally:
        pooled.close()
    return tuple(actor), _body(rows, last, found > limit)


def pull_page(engine: Engine, branch_id: str, cursor: int, limit: int) -> bytes:
    """The JSON body of one pull page of a branch (see claimcare_desktop.sync.protocol.PullPage),
    read with SQLAlchemy (the demo's SQLite)."""
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
