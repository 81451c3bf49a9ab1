"""Every change to a synced row made through an ORM session records its outbox entry.

The entry is added inside the same flush, so the change and its entry commit in one SQLite
transaction or not at all (DESIGN §4.2). Rows pulled from HQ are applied with Core
statements, which do not pass through here and so are never sent back.
"""
from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from . import codec
from .models import OutboxEntry, SyncedRow


class HistoryIsAppendOnly(Exception):
    """Raised when code tries to edit or delete a row of an append-only history."""


class SyncedRowsAreTombstoned(Exception):
    """Raised when code hard-deletes a synced row instead of setting `deleted`."""


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _column_names(obj: SyncedRow) -> list[str]:
    return [c.key for c in inspect(type(obj)).column_attrs if c.key not in obj.LOCAL_FIELDS]


def _apply_column_defaults(obj: SyncedRow) -> None:
    """Python-side defaults are normally filled during the flush, after we read the row."""
    for column in inspect(type(obj)).columns:
        if column.default is None or getattr(obj, column.key) is not None:
            continue
        if column.default.is_scalar:
            setattr(obj, column.key, column.default.arg)
        elif column.default.is_callable:
            setattr(obj, column.key, column.default.arg(None))


def _new_row_entry(obj: SyncedRow, now: datetime, user_id: str | None) -> OutboxEntry:
    _apply_column_defaults(obj)
    fields = {name: codec.encode(getattr(obj, name)) for name in _column_names(obj)}
    fields.pop("id", None)
    return OutboxEntry(table_name=obj.__tablename__, row_id=obj.id, op="upsert", fields=fields,
                       base={}, created_at=now, user_id=user_id)


def _changed_row_entry(obj: SyncedRow, now: datetime, user_id: str | None) -> OutboxEntry | None:
    state = inspect(obj)
    fields: dict[str, Any] = {}
    base: dict[str, Any] = {}
    for name in _column_names(obj):
        history = state.attrs[name].history
        if not history.has_changes():
            continue
        new_value = history.added[0] if history.added else None
        old_value = history.deleted[0] if history.deleted else None
        if new_value == old_value:
            continue
        fields[name] = codec.encode(new_value)
        base[name] = codec.encode(old_value)
    if not fields:
        return None
    if obj.APPEND_ONLY:
        raise HistoryIsAppendOnly(f"{obj.__tablename__} rows cannot be changed once written")
    return OutboxEntry(table_name=obj.__tablename__, row_id=obj.id, op="upsert", fields=fields,
                       base=base, created_at=now, user_id=user_id)


def record_outbox_entries(session: Session, _flush_context: Any, _instances: Any) -> None:
    now = utcnow()
    user_id = session.info.get("user_id")
    for obj in list(session.deleted):
        if isinstance(obj, SyncedRow):
            raise SyncedRowsAreTombstoned(f"set deleted=True on {obj.__tablename__} instead")
    entries: list[OutboxEntry] = []
    for obj in list(session.new):
        if isinstance(obj, SyncedRow):
            obj.modified_at = now
            entries.append(_new_row_entry(obj, now, user_id))
    for obj in list(session.dirty):
        if isinstance(obj, SyncedRow) and session.is_modified(obj, include_collections=False):
            entry = _changed_row_entry(obj, now, user_id)
            if entry is not None:
                obj.modified_at = now
                entries.append(entry)
    session.add_all(entries)


def install(session_factory: Any) -> None:
    event.listen(session_factory, "before_flush", record_outbox_entries)
