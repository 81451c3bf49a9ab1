"""Ids a pushed row refers to must name rows of the pushing device's own branch.

HQ keeps no foreign keys (they would cross the branch shards), so this check stands in for
them: every reference column of the desktop's schema (customer_id, claim_id, visit_id,
complaint_id, policy_id, and the user ids: manager, advisor, assignee, owner, user …) is
looked up in the pushing branch, among HQ's rows and the rows the same push created before
it (a PC sends its changes in the order it made them). A mutation naming a row outside the
branch, or no row at all (also a row whose create HQ just refused), is refused with
`reference_outside_branch` like any other refused mutation.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Container
from typing import Any

from claimcare_desktop.store.models import SYNCED_MODELS


REFUSED = "reference_outside_branch"


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


def referenced_ids(mutations: list[dict[str, Any]]) -> dict[str, list[str]]:
    """Per table, the ids the mutations refer to that the same push does not create or
    change (those are looked up in the branch)."""
    in_push = {(m["table"], m["row_id"]) for m in mutations}
    wanted: dict[str, set[str]] = defaultdict(set)
    for m in mutations:
        for key in _referenced(m):
            if key not in in_push:
                wanted[key[0]].add(key[1])
    return {table: sorted(ids) for table, ids in wanted.items()}


def refers_outside(mutation: dict[str, Any], known: Container[tuple[str, str]]) -> bool:
    """Whether the mutation refers to a row not in `known`: the branch's rows at HQ and the
    rows the push created before it (a refused create is not one of them)."""
    return any(key not in known for key in _referenced(mutation))
