"""Outbox entries for writes made with Core statements inside a user's transaction.

A hot write (logging a visit attempt) skips the ORM's unit of work, which costs more than
the statements themselves; it must still leave exactly the entries `store/outbox.py`
records for the same change through a session: a new row's every synced field (id and
LOCAL_FIELDS left out, Python defaults filled), a changed row's changed fields with their
values before the edit. The caller stamps the rows' `modified_at` with the entry's time.
"""
from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, insert

from . import codec
from .models import OutboxEntry
from .outbox import HistoryIsAppendOnly

outbox_t = OutboxEntry.__table__


class CoreOutbox:
    """The entries of one transaction, written together by `flush` in order."""

    def __init__(self, now: Any, user_id: str | None) -> None:
        self.now, self.user_id = now, user_id
        self.entries: list[dict[str, Any]] = []

    def _add(self, model: Any, row_id: str, fields: dict[str, Any], base: dict[str, Any]) -> None:
        self.entries.append({"table_name": model.__tablename__, "row_id": row_id, "op": "upsert",
                             "fields": fields, "base": base, "created_at": self.now,
                             "user_id": self.user_id})

    def created(self, model: Any, values: dict[str, Any]) -> None:
        """`values` are the new row's columns; missing ones take their scalar defaults."""
        fields = {}
        for column in model.__table__.c:
            if column.key == "id" or column.key in model.LOCAL_FIELDS:
                continue
            value = values.get(column.key)
            if value is None and column.default is not None and column.default.is_scalar:
                value = column.default.arg
            fields[column.key] = codec.encode(value)
        self._add(model, values["id"], fields, {})

    def changed(self, model: Any, row_id: str, before: dict[str, Any], after: dict[str, Any]) -> bool:
        """Record the fields of `after` whose value differs from `before`; False if none did."""
        fields, base = {}, {}
        for name, value in after.items():
            if name in model.LOCAL_FIELDS or value == before.get(name):
                continue
            fields[name], base[name] = codec.encode(value), codec.encode(before.get(name))
        if not fields:
            return False
        if model.APPEND_ONLY:
            raise HistoryIsAppendOnly(f"{model.__tablename__} rows cannot be changed once written")
        self._add(model, row_id, fields, base)
        return True

    def flush(self, conn: Connection) -> None:
        if self.entries:
            conn.execute(insert(outbox_t), self.entries)
            self.entries = []
