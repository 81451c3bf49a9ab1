"""Applying a device's pushed mutations: idempotent, merged per field, isolated by branch.

One transaction per push: the device's progress row is locked first (two deliveries of the
same push queue up here and the second finds the work done), then the branch's change
counter (DESIGN §6). Mutations numbered at or below the device's last applied number are
skipped; a replay of the last push gets the stored answer. The caller commits before
answering (DESIGN §4.3).
"""
from __future__ import annotations

import functools
import json
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, bindparam, update

from . import references
from .changes import BranchChanges, fetch_rows
from .merge import merge_fields
from .permissions import Actor, refusal
from .schema import APPEND_ONLY, SYNCED_TABLES, DeviceProgress
from .sqlcompat import locked_row
from .values import BadValue, canonical_base, decode_fields, encode_row, required_columns


# `field` of the conflict-log row that records a refused create: this prefix and the reason;
# kept_value is null (HQ keeps nothing), lost_value is the refused row's fields.
REFUSED_CREATE = "refused create: "


class PushRefused(Exception):
    """The whole push is refused; nothing of it was applied."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def check_mutations(actor: Actor, mutations: list[dict[str, Any]]) -> None:
    """Shape, order, value types and branch of every mutation, before any lock is taken."""
    previous = 0
    for m in mutations:
        if m["seq"] <= previous:
            raise PushRefused(400, "mutation numbers must increase within a push")
        previous = m["seq"]
        if m["table"] not in SYNCED_TABLES:
            raise PushRefused(400, f"unknown table {m['table']!r}")
        if m["fields"].get("branch_id", actor.branch_id) != actor.branch_id:
            raise PushRefused(403, "rows of another branch cannot be written")
        try:
            m["fields"] = encode_row(decode_fields(m["table"], m["fields"]))
        except BadValue as exc:
            raise PushRefused(400, f"mutation {m['seq']}: {exc}") from exc
        m["base"] = canonical_base(m["table"], m["base"])


def _lock_device(conn: Connection, actor: Actor) -> Any:
    row = locked_row(conn, DeviceProgress.__table__,
                     {"device_id": actor.device_id, "branch_id": actor.branch_id, "last_seq": 0,
                      "last_first_seq": 0}, "device_id")
    if row.branch_id != actor.branch_id:
        raise PushRefused(403, "this device is registered to another branch")
    return row


@dataclass
class _Batch:
    """The rows one push touches, in wire form, and what became of each mutation."""

    actor: Actor
    rows: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)
    created: set[tuple[str, str]] = field(default_factory=set)
    changed: set[tuple[str, str]] = field(default_factory=set)
    touched: set[tuple[str, str]] = field(default_factory=set)
    conflicts: list[dict[str, Any]] = field(default_factory=list)
    rejected: list[dict[str, Any]] = field(default_factory=list)
    outside_branch: set[int] = field(default_factory=set)
    refused_creates: list[dict[str, Any]] = field(default_factory=list)
    applied: int = 0

    def apply(self, m: dict[str, Any]) -> None:
        key = (m["table"], m["row_id"])
        current = self.rows.get(key)
        reason = refusal(self.actor, m["table"], current, m["fields"])
        if reason is None and m["seq"] in self.outside_branch:
            reason = references.REFUSED
        if reason is None and current is None:
            reason = self._create(key, m)
        elif reason is None:
            self._merge(key, current, m)
        if reason is not None:
            self.rejected.append({"seq": m["seq"], "reason": reason})
            if current is not None:
                self.touched.add(key)  # re-sent, so the refused edit disappears on the PC
            else:  # the new row exists only on that PC: say so where the branch sees it
                self.refused_creates.append(self._conflict_row(
                    key, f"{REFUSED_CREATE}{reason}", None, m["fields"]))
            return
        self.applied += 1

    def _create(self, key: tuple[str, str], m: dict[str, Any]) -> str | None:
        table, row_id = key
        if any(name not in m["fields"] for name in required_columns(table)):
            return "incomplete_new_row"
        columns = SYNCED_TABLES[table].columns
        row = {c.name: m["fields"].get(c.name, c.default.arg if c.default is not None else None)
               for c in columns if c.name != "change_seq"}
        row.update(id=row_id, branch_id=self.actor.branch_id)
        self.rows[key] = row
        self.created.add(key)
        return None

    def _merge(self, key: tuple[str, str], current: dict[str, Any], m: dict[str, Any]) -> None:
        if key[0] in APPEND_ONLY:
            return
        result = merge_fields(current, m["fields"], m["base"])
        if result.changes:
            current.update(result.changes)
            self.changed.add(key)
        for loss in result.losses:
            self.touched.add(key)
            self.conflicts.append(self._conflict_row(key, loss.field, loss.kept, loss.lost))

    def _conflict_row(self, key: tuple[str, str], name: str, kept: Any, lost: Any) -> dict[str, Any]:
        return {"id": str(uuid.uuid4()), "deleted": False, "decided_at": utcnow(),
                "table_name": key[0], "row_id": key[1], "field": name, "kept_value": kept,
                "lost_value": lost, "lost_device_id": self.actor.device_id,
                "lost_user_id": self.actor.user_id}


def _load_rows(conn: Connection, batch: _Batch, mutations: list[dict[str, Any]]) -> None:
    ids_by_table: dict[str, list[str]] = {}
    for m in mutations:
        ids_by_table.setdefault(m["table"], []).append(m["row_id"])
    for table, ids in ids_by_table.items():
        for row_id, row in fetch_rows(conn, table, batch.actor.branch_id, ids).items():
            row.pop("change_seq")
            batch.rows[(table, row_id)] = encode_row(row)


def _decoded(batch: _Batch, keys: set[tuple[str, str]], table: str) -> list[dict[str, Any]]:
    rows = []
    for key in sorted(k for k in keys if k[0] == table):
        wire = dict(batch.rows[key])
        row_id = wire.pop("id")
        wire.pop("branch_id")
        rows.append({"id": row_id, **decode_fields(table, wire)})
    return rows


def _write(conn: Connection, changes: BranchChanges, batch: _Batch) -> None:
    rewritten = (batch.changed | batch.touched) - batch.created
    for table in SYNCED_TABLES:
        changes.insert(table, _decoded(batch, batch.created, table))
        changes.update(table, _decoded(batch, rewritten, table))
    changes.insert("conflict_log", batch.conflicts + batch.refused_creates)
    changes.close()


def push_mutations(conn: Connection, actor: Actor, mutations: list[dict[str, Any]]) -> dict[str, Any]:
    """Apply a push inside the caller's transaction and return the answer to send after commit."""
    check_mutations(actor, mutations)
    progress = _lock_device(conn, actor)
    if mutations and mutations[-1]["seq"] <= progress.last_seq:
        if progress.last_response and mutations[0]["seq"] == progress.last_first_seq \
                and mutations[-1]["seq"] == progress.last_seq:
            return json.loads(progress.last_response)
        return {"acked_through": progress.last_seq, "applied": 0, "skipped": len(mutations),
                "conflicts": 0, "rejected": []}
    fresh = [m for m in mutations if m["seq"] > progress.last_seq]
    if not fresh:
        return {"acked_through": progress.last_seq, "applied": 0, "skipped": 0, "conflicts": 0,
                "rejected": []}
    batch = _Batch(actor)
    changes = BranchChanges(conn, actor.branch_id)
    _load_rows(conn, batch, fresh)
    batch.outside_branch = references.outside_branch(conn, actor.branch_id, fresh,
                                                     set(batch.rows))
    for m in fresh:
        batch.apply(m)
    _write(conn, changes, batch)
    answer = {"acked_through": fresh[-1]["seq"], "applied": batch.applied,
              "skipped": len(mutations) - len(fresh), "conflicts": len(batch.conflicts),
              "rejected": batch.rejected}
    _record_progress(conn, actor, mutations[0]["seq"], answer)
    return answer


@functools.cache
def _record_progress_statement():
    progress = DeviceProgress.__table__
    return update(progress).where(progress.c.device_id == bindparam("device")).values(
        {name: bindparam(name) for name in ("last_seq", "last_first_seq", "last_response",
                                            "updated_at")})


def _record_progress(conn: Connection, actor: Actor, first_seq: int, answer: dict[str, Any]) -> None:
    conn.execute(_record_progress_statement(), {
        "device": actor.device_id, "last_seq": answer["acked_through"],
        "last_first_seq": first_seq, "last_response": json.dumps(answer), "updated_at": utcnow()})
