"""Applying a device's pushed mutations: idempotent, merged per field, isolated by branch.

One transaction per push: the device's progress row is locked first (two deliveries of the
same push queue up here and the second finds the work done), then the branch's change
counter (DESIGN §6). Mutations numbered at or below the device's last applied number are
skipped, their refusals repeated from the last answer; a replay of the last push gets the
stored answer. The answer is sent after the commit (DESIGN §4.3).

The rules live here; the reads and writes are a `PushStore`'s: SQLAlchemy statements
(push_sqlalchemy.py, any database) or two pipelined round trips on PostgreSQL
(push_postgres.py), which holds the branch's counter lock for far less time.
"""
from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol

from . import references
from .merge import merge_fields
from .permissions import Actor, refusal
from .schema import APPEND_ONLY, SYNCED_TABLES
from .values import (
    BadValue,
    canonical_base,
    decode_checked,
    decode_fields,
    encode_row,
    required_columns,
)


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


@dataclass
class Progress:
    """The device's progress row, locked for the rest of the push."""

    branch_id: str
    last_seq: int
    last_first_seq: int
    last_response: str | None


@dataclass
class Loaded:
    """What a store read for a push, under its locks."""

    progress: Progress
    rows: dict[tuple[str, str], dict[str, Any]]  # HQ's current rows, wire form, no change_seq
    in_branch: set[tuple[str, str]]  # referenced (table, id) found in the branch


class PushStore(Protocol):
    def load(self, mutations: list[dict[str, Any]]) -> Loaded:
        """Lock the device's progress row, then the branch's counter; read the rows the
        mutations name and look up the ids they refer to (references.referenced_ids)."""

    def write(self, batch: Batch, progress: dict[str, Any]) -> None:
        """Write the batch's rows (Batch.writes) with the branch's next change numbers, store
        the counter and the device's progress (DeviceProgress columns)."""


@dataclass
class Batch:
    """The rows one push touches, in wire form, and what became of each mutation."""

    actor: Actor
    rows: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)
    created: set[tuple[str, str]] = field(default_factory=set)
    changed: set[tuple[str, str]] = field(default_factory=set)
    touched: set[tuple[str, str]] = field(default_factory=set)
    conflicts: list[dict[str, Any]] = field(default_factory=list)
    rejected: list[dict[str, Any]] = field(default_factory=list)
    in_branch: set[tuple[str, str]] = field(default_factory=set)
    refused_creates: list[dict[str, Any]] = field(default_factory=list)
    applied: int = 0

    def __contains__(self, key: object) -> bool:
        """Whether a referenced (table, id) is a row of the branch at this point of the push."""
        return key in self.rows or key in self.in_branch

    def apply(self, m: dict[str, Any]) -> None:
        key = (m["table"], m["row_id"])
        current = self.rows.get(key)
        reason = refusal(self.actor, m["table"], current, m["fields"])
        if reason is None and references.refers_outside(m, self):
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

    def decoded(self, keys: set[tuple[str, str]], table: str) -> list[dict[str, Any]]:
        """Rows of `keys` in `table` as column values, without `branch_id`."""
        rows = []
        for key in sorted(k for k in keys if k[0] == table):  # a fixed order: no deadlocks
            wire = dict(self.rows[key])
            row_id = wire.pop("id")
            wire.pop("branch_id")
            rows.append({"id": row_id, **decode_checked(table, wire)})
        return rows

    def writes(self) -> Iterator[tuple[str, str, list[dict[str, Any]]]]:
        """("insert" | "update", table, rows) in the order they get their numbers."""
        rewritten = (self.changed | self.touched) - self.created
        for table in SYNCED_TABLES:
            yield "insert", table, self.decoded(self.created, table)
            yield "update", table, self.decoded(rewritten, table)
        yield "insert", "conflict_log", self.conflicts + self.refused_creates


def _answer(acked: int, applied: int, skipped: int, conflicts: int = 0,
            rejected: list | None = None) -> dict[str, Any]:
    return {"acked_through": acked, "applied": applied, "skipped": skipped,
            "conflicts": conflicts, "rejected": rejected or []}


def _earlier_refusals(progress: Progress, mutations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The refusals of the mutations this push repeats that HQ applied before, as its last
    answer gave them: that answer may have been lost, and a PC learns of a refused create
    only from an answer (or from the conflict log, which a big pull skips). An answer carries
    its own repeats on, so answers lost in a row still pass them along."""
    if not progress.last_response or not mutations:
        return []
    first, last = mutations[0]["seq"], min(mutations[-1]["seq"], progress.last_seq)
    return [r for r in json.loads(progress.last_response)["rejected"] if first <= r["seq"] <= last]


def apply_push(store: PushStore, actor: Actor, mutations: list[dict[str, Any]]) -> dict[str, Any]:
    """Apply a push through `store` and return the answer to send once it committed."""
    check_mutations(actor, mutations)
    loaded = store.load(mutations)
    progress = loaded.progress
    if progress.branch_id != actor.branch_id:
        raise PushRefused(403, "this device is registered to another branch")
    if mutations and mutations[-1]["seq"] <= progress.last_seq:
        if progress.last_response and mutations[0]["seq"] == progress.last_first_seq \
                and mutations[-1]["seq"] == progress.last_seq:
            return json.loads(progress.last_response)
        return _answer(progress.last_seq, 0, len(mutations),
                       rejected=_earlier_refusals(progress, mutations))
    fresh = [m for m in mutations if m["seq"] > progress.last_seq]
    if not fresh:
        return _answer(progress.last_seq, 0, 0)
    batch = Batch(actor, rows=loaded.rows, in_branch=loaded.in_branch)
    for m in fresh:
        batch.apply(m)
    answer = _answer(fresh[-1]["seq"], batch.applied, len(mutations) - len(fresh),
                     len(batch.conflicts), _earlier_refusals(progress, mutations) + batch.rejected)
    store.write(batch, {"last_seq": answer["acked_through"], "last_first_seq": mutations[0]["seq"],
                        "last_response": json.dumps(answer), "updated_at": utcnow()})
    return answer
