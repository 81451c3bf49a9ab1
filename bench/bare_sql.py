"""The baseline of a store function: the very SQL it runs, replayed through plain sqlite3.

`capture(engine, call)` records every statement (text and parameters) SQLAlchemy sends to
SQLite while `call()` runs; `Replay` runs them again on a bare `sqlite3` connection and
fetches every row, which is the least any code could do to get the same answer.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event

Statement = tuple[str, Any]


def capture(engine: Engine, call: Callable[[], object]) -> list[Statement]:
    statements: list[Statement] = []

    def record(_conn, _cursor, statement, parameters, _context, _executemany):
        statements.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", record)
    try:
        call()
    finally:
        event.remove(engine, "before_cursor_execute", record)
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
