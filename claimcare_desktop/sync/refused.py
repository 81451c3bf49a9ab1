"""New rows HQ refused leave the PC that made them too, so the PC equals HQ again.

HQ holds nothing of a refused create: it answers the mutation in `rejected` and keeps the
row's fields in the branch's conflict log (pulled by every PC of the branch). The PC then
tombstones the row with a Core statement (no outbox entry: nothing to tell HQ), in the same
transaction that drops the acknowledged outbox entries.

A create is an outbox entry with an empty `base` (`store/outbox.py`, `store/core_outbox.py`);
edits always carry the values they replaced. When the row did exist at HQ after all (the same
cadence visit planned on two PCs: deterministic ids), HQ re-sends it with the refusal, so the
pull of the same round brings it back. Rows made on this PC that refer to a refused row are
refused too (`reference_outside_branch`) and so tombstoned the same way.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, update

from claimcare_desktop.store.models import MODEL_BY_TABLE
from claimcare_desktop.store.outbox import utcnow

from .protocol import Rejection


def refused_new_rows(entries: Iterable[Any], rejected: list[Rejection]) -> dict[str, set[str]]:
    """Table → ids of the rows whose create (an entry with an empty base) HQ refused."""
    refused_seqs = {r["seq"] for r in rejected}
    found: dict[str, set[str]] = defaultdict(set)
    for entry in entries:
        if entry.seq in refused_seqs and not entry.base:
            found[entry.table_name].add(entry.row_id)
    return dict(found)


def tombstone(conn: Connection, rows: dict[str, set[str]]) -> int:
    """Mark the rows deleted without an outbox entry; how many were still live."""
    marked = 0
    for table_name, ids in rows.items():
        table = MODEL_BY_TABLE[table_name].__table__
        result = conn.execute(update(table)
                              .where(table.c.id.in_(sorted(ids)), table.c.deleted.is_(False))
                              .values(deleted=True, modified_at=utcnow()))
        marked += result.rowcount
    return marked
