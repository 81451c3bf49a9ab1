"""A push's reads and writes on PostgreSQL in two pipelined round trips.

Every statement of a phase is sent at once (psycopg's pipeline mode) on the driver's own
connection:
1. lock the device's progress row, read the pushed rows `FOR UPDATE` (in a fixed order: two
   pushes wait for each other, never deadlock) and look up the referenced ids;
2. after the merge in Python: lock the branch's counter, write the rows of each table with one
   statement reading them from a JSON array (`json_to_recordset`), each with `change_seq` =
   the counter + the row's place in the push (computed by PostgreSQL), advance the counter,
   record the device's progress, COMMIT. One statement per table rather than one per row:
   PostgreSQL's per-statement work (executor start and end) was most of a push's cost there.
So the counter lock, which every writer of the branch queues on, is held only while
PostgreSQL runs the second phase, never across a network wait or Python; the statement-at-a-
time store (push_sqlalchemy.py) held it across six round trips, and under 200 devices its
holders waited for the GIL at each. Commit order still equals number order within a branch
(changes.py). A new row that another push created meanwhile (every PC plans the same
cadence visits) makes the insert fail: the push is then run again from the start, and merges.
"""
from __future__ import annotations

import functools
import json
from collections.abc import Callable
from typing import Any

from psycopg import errors
from psycopg.rows import dict_row
from sqlalchemy import JSON, Engine
from sqlalchemy.dialects import postgresql

from claimcare_desktop.store import codec

from . import references
from .auth import ACTOR_SQL
from .changes import stamp
from .permissions import Actor
from .push import Batch, Loaded, Progress, apply_push
from .schema import SYNCED_TABLES
from .sqlcompat import upsert_sql
from .values import encode_row

_LOCK_DEVICE = (
    "INSERT INTO device_progress (device_id, branch_id, last_seq, last_first_seq) "
    "VALUES (%s, %s, 0, 0) ON CONFLICT (device_id) DO UPDATE SET device_id = excluded.device_id "
    "RETURNING branch_id, last_seq, last_first_seq, last_response")
_LOCK_COUNTER = (
    "INSERT INTO branch_counters (branch_id, next_seq) VALUES (%s, 1) "
    "ON CONFLICT (branch_id) DO UPDATE SET branch_id = excluded.branch_id")
_ADVANCE_COUNTER = "UPDATE branch_counters SET next_seq = next_seq + %s WHERE branch_id = %s"
_NEXT_SEQ = "(SELECT next_seq FROM branch_counters WHERE branch_id = %(branch_id)s::varchar)"
_RECORD_PROGRESS = (
    "UPDATE device_progress SET last_seq = %(last_seq)s, last_first_seq = %(last_first_seq)s, "
    "last_response = %(last_response)s, updated_at = %(updated_at)s WHERE device_id = %(device)s")
ATTEMPTS = 3
# The rows of one write as the JSON array its statement reads (dates and times in wire form).
_DUMPS = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=codec.encode).encode
_RETRIED = (errors.UniqueViolation, errors.DeadlockDetected, errors.SerializationFailure)


@functools.cache
def _rows_sql(table: str) -> str:
    columns = ", ".join(f'"{c.name}"' for c in SYNCED_TABLES[table].columns
                        if c.name != "change_seq")
    return (f'SELECT {columns} FROM "{table}" WHERE branch_id = %s AND id = ANY(%s) '
            "ORDER BY id FOR UPDATE")


@functools.cache
def _ids_sql(table: str) -> str:
    return f'SELECT id FROM "{table}" WHERE branch_id = %s AND id = ANY(%s)'


@functools.cache
def _write_sql(table: str, names: tuple[str, ...], upsert: bool) -> str:
    """One statement writing every row of a JSON array (parameter `rows`) whose objects have
    `names`; `change_seq` holds each row's offset from the branch's counter."""
    columns = SYNCED_TABLES[table].c
    json_columns = _json_columns(table)

    def mark(name: str) -> str:
        if name == "change_seq":
            return f"{_NEXT_SEQ} + r.change_seq"
        if name in json_columns:  # a None is stored as JSON null, as SQLAlchemy's JSON type does
            return f"coalesce(r.\"{name}\", 'null'::json)"
        return f'r."{name}"'

    record = ", ".join(f'"{n}" {columns[n].type.compile(dialect=postgresql.dialect())}'
                       for n in names)
    return upsert_sql(table, names, ("branch_id", "id") if upsert else (), mark=mark,
                      rows_from=f"json_to_recordset(%(rows)s::json) AS r({record})")


@functools.cache
def _json_columns(table: str) -> frozenset[str]:
    return frozenset(c.name for c in SYNCED_TABLES[table].columns if isinstance(c.type, JSON))


class PostgresPushStore:
    """The store on one pooled connection's psycopg connection, in its transaction."""

    def __init__(self, connection: Any, actor: Actor):
        self.connection = connection
        self.actor = actor

    def load(self, mutations: list[dict[str, Any]]) -> Loaded:
        branch_id = self.actor.branch_id
        ids_by_table: dict[str, list[str]] = {}
        for m in mutations:
            ids_by_table.setdefault(m["table"], []).append(m["row_id"])
        conn = self.connection
        with conn.pipeline():
            device = conn.execute(_LOCK_DEVICE, (self.actor.device_id, branch_id))
            row_reads = [(table, conn.cursor(row_factory=dict_row).execute(
                _rows_sql(table), (branch_id, ids))) for table, ids in ids_by_table.items()]
            id_reads = [(table, conn.execute(_ids_sql(table), (branch_id, ids)))
                        for table, ids in references.referenced_ids(mutations).items()]
            progress = Progress(*device.fetchone())
            rows = {(table, row["id"]): encode_row(row)
                    for table, cursor in row_reads for row in cursor.fetchall()}
            in_branch = {(table, row_id) for table, cursor in id_reads
                         for (row_id,) in cursor.fetchall()}
        return Loaded(progress, rows, in_branch)

    def write(self, batch: Batch, progress: dict[str, Any]) -> None:
        branch_id = self.actor.branch_id
        conn = self.connection
        offset = 0  # each row's change_seq is its offset from the counter's value
        with conn.pipeline(), conn.cursor() as cursor:
            cursor.execute(_LOCK_COUNTER, (branch_id,))
            for kind, table, rows in batch.writes():
                if rows:
                    offset = stamp(rows, branch_id, offset)
                    cursor.execute(_write_sql(table, tuple(rows[0]), kind == "update"),
                                   {"branch_id": branch_id, "rows": _DUMPS(rows)})
            cursor.execute(_ADVANCE_COUNTER, (offset, branch_id))
            cursor.execute(_RECORD_PROGRESS, {"device": self.actor.device_id, **progress})
            conn.commit()  # in the same round trip: the counter lock ends here


def push_on_postgres(engine: Engine, hashed_token: str, mutations: list[dict[str, Any]],
                     authorize: Callable[[tuple | None], Actor]) -> dict[str, Any]:
    """Apply a push in a transaction of its own, committed before the answer is returned (a
    replay that writes nothing commits here). The token is looked up on the push's own
    connection (auth.ACTOR_SQL) and `authorize` turns its row into the actor or raises."""
    pooled = engine.raw_connection()
    try:
        connection = pooled.driver_connection
        row = connection.execute(ACTOR_SQL.format(mark="%s"), (hashed_token,)).fetchone()
        actor = authorize(row)
        for attempt in range(1, ATTEMPTS + 1):
            try:
                answer = apply_push(PostgresPushStore(connection, actor), actor,
                                    [dict(m) for m in mutations])
                pooled.commit()
                return answer
            except _RETRIED:
                pooled.rollback()
                if attempt == ATTEMPTS:
                    raise
    except BaseException:
        pooled.rollback()
        raise
    finally:
        pooled.close()
    raise AssertionError("unreachable")
