"""Checking wire values against HQ's column types before anything is written."""
from __future__ import annotations

import functools
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Boolean, Column, Date, DateTime, Integer, String

from claimcare_desktop.store import codec

from .schema import SYNCED_TABLES

INT64 = 2**63 - 1
WRITABLE_META = frozenset({"branch_id", "change_seq"})


class BadValue(ValueError):
    """A pushed value that does not fit its column; the message says which and why."""


def _check_scalar(column: Column, value: Any) -> None:
    kind = column.type
    if isinstance(kind, Boolean):
        ok = isinstance(value, bool)
    elif isinstance(kind, Integer | BigInteger):
        ok = isinstance(value, int) and not isinstance(value, bool) and -INT64 <= value <= INT64
    elif isinstance(kind, DateTime | Date):
        ok = isinstance(value, str) and _parses_as(kind, value)
    elif isinstance(kind, JSON):
        ok = True
    elif isinstance(kind, String):
        ok = isinstance(value, str) and "\x00" not in value and (
            kind.length is None or len(value) <= kind.length)
    else:
        ok = False
    if not ok:
        raise BadValue(f"{column.table.name}.{column.name}: {value!r} does not fit {kind}")


def _parses_as(kind: Any, text: str) -> bool:
    try:
        parsed = codec.decode(kind, text)
    except ValueError:
        return False
    return isinstance(parsed, datetime | date) and 1 <= parsed.year <= 9999


def decode_fields(table_name: str, fields: dict[str, Any]) -> dict[str, Any]:
    """Validated column values for `fields` of a row of `table_name` (wire → Python)."""
    table = SYNCED_TABLES[table_name]
    decoded: dict[str, Any] = {}
    for name, value in fields.items():
        if name not in table.c or name in ("id", "change_seq"):
            raise BadValue(f"{table_name} has no writable column {name!r}")
        column = table.c[name]
        if value is None:
            if not column.nullable:
                raise BadValue(f"{table_name}.{name} cannot be empty")
        else:
            _check_scalar(column, value)
        decoded[name] = codec.decode(column.type, value)
    return decoded


@functools.cache
def _temporal_columns(table_name: str) -> tuple[tuple[str, Any], ...]:
    return tuple((c.name, c.type) for c in SYNCED_TABLES[table_name].columns
                 if isinstance(c.type, DateTime | Date))


def decode_checked(table_name: str, fields: dict[str, Any]) -> dict[str, Any]:
    """Column values for wire values already known to fit (HQ's own, or checked by
    decode_fields when they arrived): only dates and timestamps need turning back."""
    decoded = dict(fields)
    for name, kind in _temporal_columns(table_name):
        if isinstance(decoded.get(name), str):
            decoded[name] = codec.decode(kind, decoded[name])
    return decoded


def required_columns(table_name: str) -> list[str]:
    """Columns a new row must bring (not nullable and without a default)."""
    table = SYNCED_TABLES[table_name]
    return [c.name for c in table.columns
            if not c.nullable and c.default is None and c.name not in ("branch_id", "id", "change_seq")]


def encode_row(row: dict[str, Any]) -> dict[str, Any]:
    return {k: codec.encode(v) for k, v in row.items()}


def canonical_base(table_name: str, base: dict[str, Any]) -> dict[str, Any]:
    """Base values in the same wire spelling as HQ's (a base is only compared, never stored)."""
    columns = SYNCED_TABLES[table_name].c
    canonical = {}
    for name, value in base.items():
        try:
            canonical[name] = codec.encode(codec.decode(columns[name].type, value)) \
                if name in columns else value
        except (ValueError, TypeError):
            canonical[name] = value
    return canonical
