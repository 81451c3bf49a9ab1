"""Fields and rows each PC derives from synced facts.

- `refresh_search_keys` / `refresh_risk` fill the customers' LOCAL_FIELDS with set-based
  SQL, a batch of customers at a time; they run inside the caller's transaction and write
  no outbox entries (the values are never synced; every PC computes the same ones). Search
  keys are computed only where missing (new or renamed customers); risk is scored for every
  customer asked but written only where it changed.
- `plan_visits_for_closed_claims` / `plan_care_items` create missing rows with outbox
  entries, so they reach HQ: with Core statements a chunk at a time (of closed claims, of
  customers), each row with the entry the session's flush hook would write. Their ids are
  deterministic (domain.ids), so two PCs planning the same visit create one row at HQ.
The sync engine calls them after applying pulled rows; the demo loader after loading.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

from sqlalchemy import Connection

from claimcare_desktop.domain.pinyin import name_search_keys

from .cadence_planning import plan_visits_for_closed_claims
from .care_planning import CARE_HORIZON_DAYS, plan_care_items
from . import id_filter
from .id_filter import customer_batches
from .risk_refresh import refresh_risk

__all__ = ["refresh_search_keys", "refresh_risk", "plan_visits_for_closed_claims",
           "plan_care_items", "phone_suffix", "CARE_HORIZON_DAYS"]


# Names repeat (two in five at 100,000 customers): the cache spares pypinyin ~3/4 of the
# repeats at ~220 bytes an entry; a bigger one would make the refresh's memory grow with the
# branch (65,536 entries held 14 MiB more at 100,000 customers than at 20,000).
@lru_cache(maxsize=16384)
def _keys(name: str | None) -> tuple[str, str]:
    return name_search_keys(name)


def phone_suffix(phone: str | None) -> str | None:
    digits = "".join(ch for ch in phone or "" if ch.isdigit())
    return digits[-4:] if len(digits) >= 4 else None


STALE_KEYS = "SELECT rowid, id, name, phone FROM customers WHERE name_pinyin IS NULL"
SET_KEYS = "UPDATE customers SET name_pinyin = ?, name_initials = ?, phone_suffix = ? WHERE id = ?"


def _stale_batches(conn: Connection, customer_ids: Iterable[str] | None) -> Iterator[list]:
    """(rowid, id, name, phone) of the customers whose keys are missing, a batch at a time."""
    if customer_ids is not None:
        for only in customer_batches(conn, customer_ids):
            yield conn.exec_driver_sql(f"{STALE_KEYS} {only('id')}").fetchall()
        return
    last = 0
    while rows := conn.exec_driver_sql(f"{STALE_KEYS} AND rowid > ? ORDER BY rowid LIMIT ?",
                                       (last, id_filter.BATCH_CUSTOMERS)).fetchall():
        yield rows
        last = rows[-1][0]


def refresh_search_keys(conn: Connection, customer_ids: Iterable[str] | None = None) -> int:
    """Pinyin, initials and phone suffix of the customers (all when `customer_ids` is None)
    whose keys are missing: new ones, and those whose name or phone changed since (migration
    0010's trigger clears their keys). Returns how many were keyed."""
    done = 0
    for rows in _stale_batches(conn, customer_ids):
        updates = [(*_keys(name), phone_suffix(phone), cid) for _rowid, cid, name, phone in rows]
        if updates:
            conn.exec_driver_sql(SET_KEYS, updates)
        done += len(updates)
    return done
