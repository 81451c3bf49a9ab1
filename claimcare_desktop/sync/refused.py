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

When the answer was lost and the next push also carried newer changes, HQ skips the
mutations it applied before and repeats their refusals from its last answer. The conflict-log
rows HQ wrote for them also arrive with the pull and are followed as a second path: a refused
create logged for this device, pulled in this round, whose row the same pull did not bring.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, select, update

from claimcare_desktop.store.models import MODEL_BY_TABLE, ConflictEntry
from claimcare_desktop.store.outbox import utcnow

from .protocol import REFUSED_CREATE, Rejection

_CHUNK = 500  # ids per IN (...)


def refused_new_rows(entries: Iterable[Any], rejected: list[Rejection]) -> dict[str, set[str]]:
    """Table → ids of the rows whose create (an entry with an empty base) HQ refused."""
    refused_seqs = {r["seq"] for r in rejected}
    found: dict[str, set[str]] = defaultdict(set)
    for entry in entries:
        if entry.seq in refused_seqs and not entry.base:
            found[entry.table_name].add(entry.row_id)
    return dict(found)


def logged_refusals(conn: Connection, device_id: str, pulled: dict[str, set[str]]
                    ) -> dict[str, set[str]]:
    """Table → ids of rows this device made whose refused create HQ logged in the conflict-log
    rows of `pulled` (ids per table a pull wrote), less the rows that pull brought."""
    log = ConflictEntry.__table__
    found: dict[str, set[str]] = defaultdict(set)
    log_ids = sorted(pulled.get("conflict_log", ()))
    for start in range(0, len(log_ids), _CHUNK):
        for table_name, row_id in conn.execute(
                select(log.c.table_name, log.c.row_id)
                .where(log.c.id.in_(log_ids[start:start + _CHUNK]),
                       log.c.lost_device_id == device_id,
                       log.c.field.startswith(REFUSED_CREATE, autoescape=True))):
            if table_name in MODEL_BY_TABLE and row_id not in pulled.get(table_name, ()):
                found[table_name].add(row_id)
    return dict(found)


def tombstone(conn: Connection, rows: dict[str, set[str]]) -> int:
    """Mark the rows deleted without an outbox entry; how many were still live."""
    marked = 0
    for table_name, ids in rows.items():
        table = MODEL_BY_TABLE[table_name].__table__
        ordered = sorted(ids)
        for start in range(0, len(ordered), _CHUNK):
            result = conn.execute(update(table)
                                  .where(table.c.id.in_(ordered[start:start + _CHUNK]),
                                         table.c.deleted.is_(False))
                                  .values(deleted=True, modified_at=utcnow()))
            marked += result.rowcount
    return marked
