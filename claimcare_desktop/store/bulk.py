"""Fast bulk inserts of plain rows (demo data, rows applied from HQ): no ORM, no outbox.

Values are converted once per column to what SQLAlchemy itself would store, so rows
written here read back through the ORM exactly like rows it wrote.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Connection, Date, DateTime, Table

Converter = Callable[[Any], Any]


def _datetime_text(value: datetime | None) -> str | None:
    return None if value is None else value.strftime("%Y-%m-%d %H:%M:%S.%f")


def _date_text(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def _json_text(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


def _bool_int(value: bool | None) -> int | None:
    return None if value is None else int(bool(value))


def _converter(column_type: Any) -> Converter | None:
    if isinstance(column_type, DateTime):
        return _datetime_text
    if isinstance(column_type, Date):
        return _date_text
    if isinstance(column_type, JSON):
        return _json_text
    if isinstance(column_type, Boolean):
        return _bool_int
    return None  # stored as given


def _default(column: Any) -> Any:
    default = column.default
    if default is not None and default.is_scalar:
        return default.arg
    if default is not None and default.is_callable:
        return default.arg(None)
    return None


class BulkInserter:
    """`INSERT` of dict rows into one table by `executemany` over the DB-API cursor.

    Columns missing from a row take the model's Python default; `or_ignore` skips rows
    whose key already exists."""

    def __init__(self, table: Table, or_ignore: bool = False) -> None:
        columns = list(table.columns)
        self.names = [c.name for c in columns]
        self.plan = [(c.name, _converter(c.type), _default(c)) for c in columns]
        verb = "INSERT OR IGNORE" if or_ignore else "INSERT"
        marks = ", ".join("?" for _ in columns)
        self.sql = f'{verb} INTO {table.name} ({", ".join(self.names)}) VALUES ({marks})'

    def values(self, row: dict[str, Any]) -> tuple[Any, ...]:
        get = row.get
        return tuple(get(name, default) if convert is None else convert(get(name, default))
                     for name, convert, default in self.plan)

    def insert(self, conn: Connection, rows: Iterable[dict[str, Any]]) -> int:
        params = [self.values(row) for row in rows]
        if params:
            conn.exec_driver_sql(self.sql, params)
        return len(params)
