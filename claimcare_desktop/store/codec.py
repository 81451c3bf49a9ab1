"""Column values to and from JSON-safe values (outbox entries and the sync wire format)."""
from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, DateTime


def encode(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.replace(tzinfo=None).isoformat(timespec="microseconds")
    if isinstance(value, date):
        return value.isoformat()
    return value


def decode(column_type: Any, value: Any) -> Any:
    if value is None:
        return None
    if isinstance(column_type, DateTime) and isinstance(value, str):
        return datetime.fromisoformat(value).replace(tzinfo=None)
    if isinstance(column_type, Date) and isinstance(value, str):
        return date.fromisoformat(value)
    return value


def decode_row(table, values: dict[str, Any]) -> dict[str, Any]:
    """Decode wire values for the columns of `table` that are present; unknown keys are dropped."""
    columns = table.c
    return {k: decode(columns[k].type, v) for k, v in values.items() if k in columns}
