"""A push's reads and writes as SQLAlchemy statements in the caller's transaction: the
store for any database (the demo's SQLite, tests). Same locks in the same order as
push_postgres.py: device, pushed rows, then the branch's counter when writing."""
from __future__ import annotations

import functools
from typing import Any

from sqlalchemy import Connection, bindparam, update

from . import references
from .changes import BranchChanges, existing_ids, fetch_rows
from .permissions import Actor
from .push import Batch, Loaded, Progress, apply_push
from .schema import DeviceProgress
from .sqlcompat import locked_row
from .values import encode_row


class SqlAlchemyPushStore:
    def __init__(self, conn: Connection, actor: Actor):
        self.conn = conn
        self.actor = actor

    def load(self, mutations: list[dict[str, Any]]) -> Loaded:
        branch_id = self.actor.branch_id
        progress = locked_row(self.conn, DeviceProgress.__table__,
                              {"device_id": self.actor.device_id, "branch_id": branch_id,
                               "last_seq": 0, "last_first_seq": 0}, "device_id")
        ids_by_table: dict[str, list[str]] = {}
        for m in mutations:
            ids_by_table.setdefault(m["table"], []).append(m["row_id"])
        rows = {}
        for table, ids in ids_by_table.items():
            for row_id, row in fetch_rows(self.conn, table, branch_id, ids, lock=True).items():
                row.pop("change_seq")
                rows[(table, row_id)] = encode_row(row)
        in_branch = {(table, row_id)
                     for table, ids in references.referenced_ids(mutations).items()
                     for row_id in existing_ids(self.conn, table, branch_id, ids)}
        return Loaded(Progress(progress.branch_id, progress.last_seq, progress.last_first_seq,
                               progress.last_response), rows, in_branch)

    def write(self, batch: Batch, progress: dict[str, Any]) -> None:
        self.changes = BranchChanges(self.conn, self.actor.branch_id)  # after the row locks
        for kind, table, rows in batch.writes():
            if kind == "insert":
                self.changes.insert(table, rows)
            else:
                self.changes.update(table, rows)
        self.changes.close()
        self.conn.execute(_record_progress_statement(), {"device": self.actor.device_id,
                                                         **progress})


@functools.cache
def _record_progress_statement():
    progress = DeviceProgress.__table__
    return update(progress).where(progress.c.device_id == bindparam("device")).values(
        {name: bindparam(name) for name in ("last_seq", "last_first_seq", "last_response",
                                            "updated_at")})


def push_mutations(conn: Connection, actor: Actor, mutations: list[dict[str, Any]]) -> dict[str, Any]:
    """Apply a push inside the caller's transaction; the caller commits, then answers."""
    return apply_push(SqlAlchemyPushStore(conn, actor), actor, mutations)
