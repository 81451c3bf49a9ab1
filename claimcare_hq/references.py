"""Ids a pushed row refers to must name rows of the pushing device's own branch.

HQ keeps no foreign keys (they would cross the branch shards), so this check stands in for
them: every reference column of the desktop's schema (customer_id, claim_id, visit_id,
complaint_id, policy_id, and the user ids: manager, advisor, assignee, owner, user …) is
looked up in the pushing branch, among HQ's rows and the rows the same push creates. A
mutation naming a row outside the branch (or no row at all) is refused with
`reference_outside_branch` like any other refused mutation.
"""
from __future__ import annotations

import functools
from collections import defaultdict
from typing import Any

from sqlalchemy import Connection, bindparam, select

from claimcare_desktop.store.models import SYNCED_MODELS

from .schema import SYNCED_TABLES

REFUSED = "reference_outside_branch"
_ID_CHUNK = 500


def _references(model: Any) -> dict[str, str]:
    return {column.name: next(iter(column.foreign_keys)).column.table.name
            for column in model.__table__.columns
            if column.foreign_keys and column.name != "branch_id"}


# table → {reference column → referenced table}
REFERENCES: dict[str, dict[str, str]] = {m.__tablename__: _references(m) for m in SYNCED_MODELS}


def _referenced(mutation: dict[str, Any]) -> list[tuple[str, str]]:
    columns = REFERENCES.get(mutation["table"], {})
    return [(target, value) for name, target in columns.items()
            if isinstance(value := mutation["fields"].get(name), str)]


@functools.cache
def _ids_statement(table_name: str):
    table = SYNCED_TABLES[table_name]
    return select(table.c.id).where(table.c.branch_id == bindparam("branch_id"),
                                    table.c.id.in_(bindparam("ids", expanding=True)))


def _existing(conn: Connection, branch_id: str, table: str, ids: list[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(ids), _ID_CHUNK):
        found.update(conn.execute(_ids_statement(table), {"branch_id": branch_id,
                                                          "ids": ids[start:start + _ID_CHUNK]})
                     .scalars())
    return found


def outside_branch(conn: Connection, branch_id: str, mutations: list[dict[str, Any]],
                   known: set[tuple[str, str]]) -> set[int]:
    """Numbers of the mutations that refer to a row not in `branch_id`; `known` holds
    (table, id) of rows already known to be in the branch."""
    in_push = {(m["table"], m["row_id"]) for m in mutations}
    wanted: dict[str, set[str]] = defaultdict(set)
    for m in mutations:
        for key in _referenced(m):
            if key not in known and key not in in_push:
                wanted[key[0]].add(key[1])
    found = {(table, row_id) for table, ids in wanted.items()
             for row_id in _existing(conn, branch_id, table, sorted(ids))}
    return {m["seq"] for m in mutations
            if any(key not in known and key not in in_push and key not in found
                   for key in _referenced(m))}
