"""One sync round: push the outbox in bounded batches, then pull pages until caught up.

Push first, so HQ decides our edits before we read its state. Each acknowledged batch is
removed from the outbox only after HQ answered (HQ commits before answering; a lost answer
means the batch is sent again and HQ recognises it by its mutation numbers); new rows HQ
refused are tombstoned in that same transaction (`refused.py`). Each pulled page
is applied in one local transaction together with the new cursor, so a crash anywhere loses
nothing and repeats nothing but idempotent work.
"""
from __future__ import annotations

import importlib
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import delete, select

from claimcare_desktop.domain.timeutil import local_date
from claimcare_desktop.store.models import MODEL_BY_TABLE, OutboxEntry

from . import protocol, state
from .apply import apply_page
from .client import HqClient
from .errors import HqRefused, SyncCancelled
from .pages import prefetched_pages
from .progress import DERIVING, FINISHED, RECEIVING, SENDING, Quiet, SyncProgress
from .refused import logged_refusals, refused_new_rows, tombstone
from .state import device_id, last_sync_at, pending_changes

__all__ = ["SyncEngine", "SyncProgress", "SyncReport", "device_id", "last_sync_at",
           "pending_changes"]

# Above this many changed rows the derived refreshes simply redo the whole branch (and the
# ids stop being collected, so a first sync of a big branch keeps its memory bounded).
REFRESH_ALL_FROM = 5000


@dataclass(frozen=True)
class SyncReport:
    sent: int
    received: int
    conflicts: int
    finished_at: datetime
    rejected: int = 0


def outbox_mutation(entry: Any) -> protocol.Mutation:
    """The wire form of one outbox row."""
    return {"seq": entry.seq, "table": entry.table_name, "row_id": entry.row_id,
            "fields": entry.fields, "base": entry.base}


class _Changed(dict):
    """Ids of the rows a round received, per table, until there are too many to matter."""

    everything = False

    def add(self, table: str, ids: set[str]) -> None:
        if self.everything:
            return
        self.setdefault(table, set()).update(ids)
        if sum(len(found) for found in self.values()) > REFRESH_ALL_FROM:
            self.everything = True
            self.clear()

    def __bool__(self) -> bool:
        return self.everything or len(self) > 0


def _affected_customers(conn, changed: _Changed) -> list[str] | None:
    """Customers whose derived data may have changed; None means all of them."""
    if changed.everything:
        return None
    found = set(changed.get("customers", ()))
    for table, ids in changed.items():
        model = MODEL_BY_TABLE[table]
        if table != "customers" and "customer_id" in model.__table__.c:
            t = model.__table__
            found.update(conn.execute(select(t.c.customer_id).where(t.c.id.in_(sorted(ids)))).scalars())
    return sorted(found)


class SyncEngine:
    def __init__(self, profile, client: HqClient, device_id: str,
                 push_batch: int = protocol.MAX_PUSH_BATCH,
                 pull_limit: int = protocol.MAX_PULL_LIMIT, today: date | None = None):
        self.profile = profile
        self.client = client
        self.device_id = device_id
        self.push_batch = push_batch
        self.pull_limit = pull_limit
        self.today = today

    def run_once(self, progress: SyncProgress | None = None) -> SyncReport:
        progress = progress or Quiet()
        sent, conflicts, rejected = self._push_all(progress)
        received, changed = self._pull_all(progress)
        if changed:
            progress.report(0, 0, DERIVING)
        if changed and self._refresh_derived(changed):
            # Rows planned from what just arrived go out now, and their echo comes back, so
            # the round ends caught up.
            more = self._push_all(progress)
            sent, conflicts, rejected = sent + more[0], conflicts + more[1], rejected + more[2]
            received += self._pull_all(progress)[0]
        finished = datetime.now(UTC)
        with self.profile.engine.begin() as conn:
            state.write(conn, state.LAST_SYNC_AT, finished.replace(tzinfo=None).isoformat())
        progress.report(1, 1, FINISHED)
        return SyncReport(sent, received, conflicts, finished, rejected)

    # ---- push ----

    def _outbox_batch(self) -> list[Any]:
        outbox = OutboxEntry.__table__
        with self.profile.engine.connect() as conn:
            return list(conn.execute(select(outbox).order_by(outbox.c.seq).limit(self.push_batch)))

    def _record_answer(self, entries: list[Any], answer: protocol.PushResult) -> None:
        """Drop the acknowledged entries and tombstone the new rows HQ refused, together."""
        outbox = OutboxEntry.__table__
        refused = refused_new_rows(entries, answer["rejected"])
        with self.profile.engine.begin() as conn:
            tombstone(conn, refused)
            conn.execute(delete(outbox).where(outbox.c.seq <= answer["acked_through"]))

    def _push_all(self, progress: SyncProgress) -> tuple[int, int, int]:
        sent = conflicts = rejected = 0
        total = pending_changes(self.profile)
        while entries := self._outbox_batch():
            if progress.cancelled():
                raise SyncCancelled("cancelled while sending")
            answer = self.client.push([outbox_mutation(e) for e in entries])
            acked = answer["acked_through"]
            if acked < entries[-1].seq:
                raise HqRefused(409, f"HQ acknowledged {acked}, below the sent {entries[-1].seq}")
            self._record_answer(entries, answer)
            sent += len(entries)
            conflicts += answer["conflicts"]
            rejected += len(answer["rejected"])
            progress.report(sent, max(total, sent), SENDING)
        return sent, conflicts, rejected

    # ---- pull ----

    def _pull_all(self, progress: SyncProgress) -> tuple[int, _Changed]:
        with self.profile.engine.connect() as conn:
            cursor = int(state.read(conn, state.PULL_CURSOR) or 0)
        received = 0
        changed = _Changed()
        if progress.cancelled():
            raise SyncCancelled("cancelled while receiving")
        pages = prefetched_pages(lambda after: self.client.pull(after, self.pull_limit), cursor)
        with closing(pages):
            for page in pages:
                applied = apply_page(self.profile, page["rows"], page["next_cursor"])
                for table, ids in applied.items():
                    changed.add(table, ids)
                received += len(page["rows"])
                progress.report(received, received + (self.pull_limit if page["has_more"] else 0),
                                RECEIVING)
                if page["has_more"] and progress.cancelled():
                    raise SyncCancelled("cancelled while receiving")
        # Past REFRESH_ALL_FROM rows the ids are not kept: a round that big (a first sync or
        # a long absence) leaves a lost answer's refusals to the push answer alone.
        if changed and not changed.everything:
            with self.profile.engine.begin() as conn:
                tombstone(conn, logged_refusals(conn, self.device_id, changed))
        return received, changed

    # ---- derived data ----

    def _refresh_derived(self, changed: _Changed) -> bool:
        """Recompute PC-local derived data; True when that planned new rows to push."""
        try:
            derived = importlib.import_module("claimcare_desktop.store.derived")
        except ModuleNotFoundError:
            return False
        today = self.today or local_date(datetime.now(UTC))
        with self.profile.engine.begin() as conn:
            customers = _affected_customers(conn, changed)
            derived.refresh_search_keys(conn, customer_ids=customers)
            derived.refresh_risk(conn, today, customer_ids=customers)
        before = pending_changes(self.profile)
        with self.profile.engine.connect() as conn:
            user_id = state.read(conn, state.USER_ID)
        with self.profile.session(user_id) as session, session.begin():
            derived.plan_visits_for_closed_claims(session, user_id)
            derived.plan_care_items(session, today, customer_ids=customers)
        return pending_changes(self.profile) > before
