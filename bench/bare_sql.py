"""The baseline of a store function: the very SQL it runs, replayed through plain sqlite3.

`capture(engine, call)` records every statement SQLite runs for `call()` on the engine's
connections, through SQLAlchemy or straight on the driver's cursor (a trace callback set
while the connection is checked out gives each statement with its values expanded);
`Replay` runs them again on a bare `sqlite3` connection and fetches every row, which is
the least any code could do to get the same answer. Transaction control is left out.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event

Statement = tuple[str, Any]


_NOT_REPLAYED = ("BEGIN", "COMMIT", "ROLLBACK", "PRAGMA", "SAVEPOINT", "RELEASE")


def capture(engine: Engine, call: Callable[[], object]) -> list[Statement]:
    statements: list[Statement] = []

    def record(sql: str) -> None:
        if not sql.lstrip().upper().startswith(_NOT_REPLAYED):
            statements.append((sql, ()))

    def checkout(dbapi_connection, _record, _proxy) -> None:
        dbapi_connection.set_trace_callback(record)

    def checkin(dbapi_connection, _record) -> None:
        dbapi_connection.set_trace_callback(None)

    event.listen(engine, "checkout", checkout)
    event.listen(engine, "checkin", checkin)
    try:
        call()
    finally:
        event.remove(engine, "checkout", checkout)
        event.remove(engine, "checkin", checkin)
    return statements


def open_bare(database: Path) -> sqlite3.Connection:
    """A plain connection with the app's pragmas (WAL is a property of the file)."""
    con = sqlite3.connect(database, isolation_level=None)
    con.execute("PRAGMA synchronous=FULL")
    con.execute("PRAGMA foreign_keys=ON")
    return con


class Replay:
    def __init__(self, con: sqlite3.Connection, statements: list[Statement]) -> None:
        self.con = con
        self.statements = statements

    def __call__(self) -> int:
        rows = 0
        for sql, params in self.statements:
            rows += len(self.con.execute(sql, params).fetchall())
        return rows
