"""Writing synced rows at HQ: every written row gets the branch's next change sequence number.

The branch's counter row is locked (SELECT … FOR UPDATE) for the rest of the transaction,
so within a branch transactions commit in the order of their numbers and a pull that has
seen number N has seen every change below N (DESIGN §4.4, §6). Push, seed and import all
write through here.
"""
from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, bindparam, insert, select, update

from .schema import SYNCED_TABLES, BranchCounter
from .sqlcompat import locked_row

_ID_CHUNK = 500


def _lock_counter(conn: Connection, branch_id: str) -> int:
    counter = locked_row(conn, BranchCounter.__table__, {"branch_id": branch_id, "next_seq": 1},
                         "branch_id")
    return counter.next_seq


def fetch_rows(conn: Connection, table_name: str, branch_id: str,
               ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Current HQ rows of one branch by id (missing ids are simply absent)."""
    wanted = list(dict.fromkeys(ids))
    found: dict[str, dict[str, Any]] = {}
    for start in range(0, len(wanted), _ID_CHUNK):
        chunk = wanted[start:start + _ID_CHUNK]
        rows = conn.execute(_rows_statement(table_name), {"branch_id": branch_id, "ids": chunk})
        found.update({row.id: dict(row._mapping) for row in rows})
    return found


# Statements are built once: building one costs more than running it.

@functools.cache
def _update_statement(table_name: str):
    table = SYNCED_TABLES[table_name]
    columns = [c.name for c in table.columns if c.name not in ("branch_id", "id")]
    stmt = (update(table)
            .where(table.c.branch_id == bindparam("key_branch"), table.c.id == bindparam("key_id"))
            .values({name: bindparam(f"v_{name}") for name in columns}))
    return stmt, columns


@functools.cache
def _touch_statement(table_name: str):
    table = SYNCED_TABLES[table_name]
    return (update(table)
            .where(table.c.branch_id == bindparam("key_branch"), table.c.id == bindparam("key_id"))
            .values(change_seq=bindparam("v_seq")))


@functools.cache
def _rows_statement(table_name: str):
    table = SYNCED_TABLES[table_name]
    return select(table).where(table.c.branch_id == bindparam("branch_id"),
                               table.c.id.in_(bindparam("ids", expanding=True)))


class BranchChanges:
    """Stamps and writes rows of one branch inside the caller's transaction."""

    def __init__(self, conn: Connection, branch_id: str):
        self.conn = conn
        self.branch_id = branch_id
        self.next_seq = _lock_counter(conn, branch_id)
        self.first_seq = self.next_seq

    def _stamp(self, rows: list[dict[str, Any]]) -> None:
        for row in rows:
            row["branch_id"] = self.branch_id
            row["change_seq"] = self.next_seq
            self.next_seq += 1

    def insert(self, table_name: str, rows: list[dict[str, Any]]) -> None:
        if rows:
            self._stamp(rows)
            self.conn.execute(insert(SYNCED_TABLES[table_name]), rows)

    def update(self, table_name: str, rows: list[dict[str, Any]]) -> None:
        """Rewrite whole rows (every data column present in each dict) with new numbers."""
        if not rows:
            return
        self._stamp(rows)
        stmt, columns = _update_statement(table_name)
        params = [{"key_branch": r["branch_id"], "key_id": r["id"],
                   **{f"v_{name}": r[name] for name in columns}} for r in rows]
        self.conn.execute(stmt, params)

    def touch(self, table_name: str, row_ids: Iterable[str]) -> None:
        """Give rows a new number without changing them, so every device pulls them again."""
        params = []
        for row_id in dict.fromkeys(row_ids):
            params.append({"key_branch": self.branch_id, "key_id": row_id, "v_seq": self.next_seq})
            self.next_seq += 1
        if params:
            self.conn.execute(_touch_statement(table_name), params)

    def close(self) -> None:
        """Store the counter; the numbers become visible when the caller's transaction commits."""
        counters = BranchCounter.__table__
        self.conn.execute(update(counters).where(counters.c.branch_id == self.branch_id)
                          .values(next_seq=self.next_seq))
