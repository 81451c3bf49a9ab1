"""Writing one pulled page into the profile: one transaction with the cursor.

Rows are upserted with plain executemany (FIELD-NOTES: the cheap path) after SQLAlchemy's own
bind processors turned wire values into the stored form. A field that still has an unpushed
outbox entry on this PC is not overwritten: the local edit goes to HQ and HQ decides.
Foreign keys are checked off while a page is applied, because HQ orders rows by change, not
by dependency; the rest of the pull brings every referenced row.
"""
from __future__ import annotations

import functools
from collections import defaultdict
import re
from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, Date, DateTime, select

from claimcare_desktop.store import codec
from claimcare_desktop.store.models import MODEL_BY_TABLE, OutboxEntry

from . import state
from .protocol import PulledRow


def pending_fields(conn: Connection) -> dict[tuple[str, str], frozenset[str]]:
    """(table, row id) → fields that have local changes not yet acknowledged by HQ."""
    outbox = OutboxEntry.__table__
    found: dict[tuple[str, str], set[str]] = defaultdict(set)
    for table, row_id, fields in conn.execute(
            select(outbox.c.table_name, outbox.c.row_id, outbox.c.fields)):
        found[(table, row_id)].update(fields)
    return {key: frozenset(names) for key, names in found.items()}


def _same(value: Any) -> Any:
    return value


_WIRE_DATETIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}")


def _converter(column: Any, dialect: Any) -> Callable[[Any], Any]:
    """Wire value → the value SQLAlchemy itself would store for this column."""
    process = column.type._cached_bind_processor(dialect)

    def general(value: Any) -> Any:
        decoded = codec.decode(column.type, value)
        return process(decoded) if process else decoded

    if isinstance(column.type, DateTime):
        # SQLAlchemy stores "YYYY-MM-DD HH:MM:SS.ffffff": the wire form with a space.
        def fast_datetime(value: Any) -> Any:
            if isinstance(value, str) and _WIRE_DATETIME.fullmatch(value):
                return value.replace("T", " ")
            return general(value)

        return fast_datetime
    if isinstance(column.type, Date) or process is None:
        return _same  # ISO dates, text and numbers are stored as they travel
    return process


class _TableWriter:
    """Upsert statements of one table, one per set of protected (locally pending) fields."""

    def __init__(self, dialect: Any, table_name: str):
        model = MODEL_BY_TABLE[table_name]
        self.table = model.__table__
        self.columns = [c for c in self.table.columns if c.name not in model.LOCAL_FIELDS]
        self.names = [c.name for c in self.columns]
        self.converters = [_converter(c, dialect) for c in self.columns]

    @functools.cache
    def sql(self, protected: frozenset[str]) -> str:
        quoted = ", ".join(f'"{n}"' for n in self.names)
        marks = ", ".join("?" for _ in self.names)
        updates = [f'"{n}" = excluded."{n}"' for n in self.names
                   if n != "id" and n not in protected]
        action = f"DO UPDATE SET {', '.join(updates)}" if updates else "DO NOTHING"
        return (f'INSERT INTO "{self.table.name}" ({quoted}) VALUES ({marks}) '
                f"ON CONFLICT(id) {action}")

    def params(self, row: PulledRow) -> tuple[Any, ...]:
        fields = {**row["fields"], "id": row["id"]}
        return tuple(None if (value := fields.get(name)) is None else convert(value)
                     for name, convert in zip(self.names, self.converters, strict=True))


@functools.cache
def _writer(dialect: Any, table_name: str) -> _TableWriter:
    return _TableWriter(dialect, table_name)


def _foreign_keys(conn: Connection, setting: str) -> None:
    # A no-op inside a transaction, so it runs (and "commits") on its own.
    conn.exec_driver_sql(f"PRAGMA foreign_keys={setting}")
    conn.commit()


def apply_page(profile, rows: list[PulledRow], next_cursor: int) -> dict[str, set[str]]:
    """Write the page and the new cursor atomically; returns changed ids per table."""
    changed: dict[str, set[str]] = defaultdict(set)
    with profile.engine.connect() as conn:
        _foreign_keys(conn, "OFF")
        try:
            with conn.begin():
                state.write(conn, state.PULL_CURSOR, str(next_cursor))  # takes the write lock
                pending = pending_fields(conn)
                batches: dict[tuple[str, frozenset[str]], list[tuple]] = defaultdict(list)
                for row in rows:
                    table = row["table"]
                    if table not in MODEL_BY_TABLE:
                        continue
                    writer = _writer(conn.dialect, table)
                    protected = pending.get((table, row["id"]), frozenset())
                    batches[(table, protected)].append(writer.params(row))
                    changed[table].add(row["id"])
                cursor = conn.connection.dbapi_connection.cursor()
                for (table, protected), params in batches.items():
                    cursor.executemany(_writer(conn.dialect, table).sql(protected), params)
                cursor.close()
        finally:
            _foreign_keys(conn, "ON")
    return changed
