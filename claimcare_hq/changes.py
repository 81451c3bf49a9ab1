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
from .sqlcompat import locked_row, upsert_statement

_ID_CHUNK = 500


def _lock_counter(conn: Connection, branch_id: str) -> int:
    counter = locked_row(conn, BranchCounter.__table__, {"branch_id": branch_id, "next_seq": 1},
                         "branch_id")
    return counter.next_seq


def fetch_rows(conn: Connection, table_name: str, branch_id: str, ids: Iterable[str],
               lock: bool = False) -> dict[str, dict[str, Any]]:
    """Current HQ rows of one branch by id (missing ids are simply absent). With `lock`, they
    stay locked until the transaction ends: take row locks before the branch's counter, as
    a push does (push_postgres.py), or the two can deadlock."""
    wanted = sorted(set(ids)) if lock else list(dict.fromkeys(ids))
    found: dict[str, dict[str, Any]] = {}
    for start in range(0, len(wanted), _ID_CHUNK):
        chunk = wanted[start:start + _ID_CHUNK]
        rows = conn.execute(_rows_statement(table_name, lock),
                            {"branch_id": branch_id, "ids": chunk})
        found.update({row.id: dict(row._mapping) for row in rows})
    return found


def existing_ids(conn: Connection, table_name: str, branch_id: str, ids: list[str]) -> set[str]:
    """Which of `ids` name rows of `table_name` in the branch."""
    found: set[str] = set()
    for start in range(0, len(ids), _ID_CHUNK):
        found.update(conn.execute(_ids_statement(table_name),
                                  {"branch_id": branch_id, "ids": ids[start:start + _ID_CHUNK]})
                     .scalars())
    return found


def stamp(rows: list[dict[str, Any]], branch_id: str, next_seq: int) -> int:
    """Give each row the branch and the next change number; returns the number after them."""
    for row in rows:
        row["branch_id"] = branch_id
        row["change_seq"] = next_seq
        next_seq += 1
    return next_seq


# Statements are built once: building one costs more than running it.

@functools.cache
def _store_counter_statement():
    counters = BranchCounter.__table__
    return (update(counters).where(counters.c.branch_id == bindparam("branch"))
            .values(next_seq=bindparam("next_seq")))


@functools.cache
def _insert_statement(table_name: str):
    table = SYNCED_TABLES[table_name]
    return insert(table).returning(table.c.id)


@functools.cache
def _ids_statement(table_name: str):
    table = SYNCED_TABLES[table_name]
    return select(table.c.id).where(table.c.branch_id == bindparam("branch_id"),
                                    table.c.id.in_(bindparam("ids", expanding=True)))


@functools.cache
def _rows_statement(table_name: str, lock: bool):
    table = SYNCED_TABLES[table_name]
    query = select(table).where(table.c.branch_id == bindparam("branch_id"),
                                table.c.id.in_(bindparam("ids", expanding=True)))
    return query.order_by(table.c.id).with_for_update() if lock else query


class BranchChanges:
    """Stamps and writes rows of one branch inside the caller's transaction."""

    def __init__(self, conn: Connection, branch_id: str):
        self.conn = conn
        self.branch_id = branch_id
        self.next_seq = _lock_counter(conn, branch_id)
        self.first_seq = self.next_seq

    def _stamp(self, rows: list[dict[str, Any]]) -> None:
        self.next_seq = stamp(rows, self.branch_id, self.next_seq)

    def insert(self, table_name: str, rows: list[dict[str, Any]]) -> None:
        if rows:
            self._stamp(rows)
            self.conn.execute(_insert_statement(table_name), rows)

    def update(self, table_name: str, rows: list[dict[str, Any]]) -> None:
        """Rewrite whole existing rows (every data column present in each dict) with new
        numbers; also used to re-send an unchanged row to every device."""
        if rows:
            self._stamp(rows)
            table = SYNCED_TABLES[table_name]
            names = tuple(c.name for c in table.columns)
            self.conn.execute(upsert_statement(table, names, ("branch_id", "id")), rows)

    def close(self) -> None:
        """Store the counter; the numbers become visible when the caller's transaction commits."""
        self.conn.execute(_store_counter_statement(), {"branch": self.branch_id,
                                                       "next_seq": self.next_seq})
