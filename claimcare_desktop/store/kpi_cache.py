"""KPI measures kept between reads (and sessions) until the rows behind them change.

A quarter's measures at 100,000 customers cost ~0.6 s of SQL; a year of monthly trend
~2 s. They change only when a row they read changes, and the triggers of migrations 0009
and 0011 stamp every such change in `kpi_changes` by fact and local month, whoever writes
(the user, a sync pull, a demo load). So a measure of a scope and period is computed once,
kept in `kpi_kept` with the newest stamp seen before it was computed, and served again
while no stamp of a fact it reads, in a month its period covers, is newer. Periods still
open keep their payout figure out (it depends on the time of reading), and care coverage
keeps only its numerator (the count of customers changes with every new customer).

With nothing kept, a report reads the rows (store/kpi_queries.py), except care coverage's
count of customers reached, which reads `kpi_care_months` (a per-customer, per-month tally
kept by migration 0016/0017's triggers; not a cache: bulk loads keep those triggers).

Every change to these triggers or to what a measure reads must keep
tests/store/test_kpi_kept.py green: kept measures equal a fresh computation after any
sequence of changes.

The kept rows are written on a connection of their own, never waiting for the database:
reading a report stays a read for the caller, and a busy writer only costs a recompute.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select

from .models import KpiChange, KpiKept

changes_t, kept_t = KpiChange.__table__, KpiKept.__table__

EVERY_MONTH = "*"
CUSTOMER_SCOPE = "customer_scope"  # any customer's branch, manager or tombstone changed
SNAPSHOT_FACTS = (CUSTOMER_SCOPE, "customer_count", "customer_profile")
FACTS: dict[str, tuple[str, ...]] = {  # measure (or part) key: the facts its SQL reads
    "profile_completeness": SNAPSHOT_FACTS,
    "field_validity": SNAPSHOT_FACTS,
    "payout_within_48h": ("claims_confirmed",),
    "visit_coverage": ("claims_closed",),
    "care_reached": ("care_done", CUSTOMER_SCOPE),  # care_coverage's numerator
    "complaint_rate": ("complaints_opened", "claims_closed"),
    "resolution_rate": ("complaints_opened",),
    "response_time": ("complaints_opened",),
    "renewal_rate": ("policies_ending",),
    "visit_satisfaction": ("visits_completed",),
    "satisfaction_score": ("visits_completed",),
}


def months_of(start: date | None, end: date | None) -> list[str]:
    """'YYYY-MM' of every month [start, end) touches; none for a snapshot."""
    if start is None or end is None or end <= start:
        return []
    last = end - timedelta(days=1)
    return [f"{i // 12:04d}-{i % 12 + 1:02d}"
            for i in range(start.year * 12 + start.month - 1, last.year * 12 + last.month)]


class Marks:
    """`kpi_changes` as read once per report (a few hundred rows: facts x months); `once`
    holds other reads that cannot change within the report's periods."""

    def __init__(self, conn: Any) -> None:
        self.once: dict[Any, Any] = {}
        c = changes_t.c
        self.by_fact: dict[str, dict[str, int]] = {}
        for fact, month, changed in conn.execute(select(c.fact, c.month, c.changed)):
            self.by_fact.setdefault(fact, {})[month] = changed
        self.newest = max((n for months in self.by_fact.values() for n in months.values()), default=0)

    def newest_for(self, facts: Iterable[str], months: list[str]) -> int:
        found = 0
        for fact in facts:
            stamps = self.by_fact.get(fact, {})
            for month in (*months, EVERY_MONTH):
                found = max(found, stamps.get(month, 0))
        return found


class KeptMeasures:
    """The kept measures of one scope and period; `value` serves them or computes them."""

    def __init__(self, conn: Any, marks: Marks, branch_id: str, manager_id: str | None,
                 start: date | None = None, end: date | None = None) -> None:
        self.conn, self.marks = conn, marks
        self.key = {"branch_id": branch_id, "manager_id": manager_id or "",
                    "period_start": _text(start), "period_end": _text(end)}
        self.months = months_of(start, end)
        k = kept_t.c
        rows = conn.execute(select(k.key, k.value, k.computed).where(
            *(k[name] == value for name, value in self.key.items())))
        self.kept = {key: (value, computed) for key, value, computed in rows}
        self.computed: dict[str, float | None] = {}

    def value(self, key: str, compute: Callable[[], float | None], keep: bool = True) -> float | None:
        """Measures not in FACTS are always computed (their costly parts may be kept)."""
        keep = keep and key in FACTS
        if not keep:
            return compute()
        facts = FACTS[key] if not self.key["manager_id"] else (*FACTS[key], CUSTOMER_SCOPE)
        kept = self.kept.get(key)
        if kept is not None and kept[1] >= self.marks.newest_for(facts, self.months):
            return kept[0]
        value = self.computed[key] = compute()
        return value

    def save(self) -> None:
        """Keep what was computed, stamped with the marks read before computing it."""
        if self.computed:
            write(_engine_of(self.conn), [
                {**self.key, "key": key, "value": value, "computed": self.marks.newest}
                for key, value in self.computed.items()])
            self.computed = {}


def _text(day: date | None) -> str:
    return "" if day is None else day.isoformat()


def _engine_of(conn: Any) -> Any:
    return conn.engine if hasattr(conn, "engine") else conn.get_bind()


COLUMNS = ("branch_id", "manager_id", "period_start", "period_end", "key", "value", "computed")
REPLACE = (f"INSERT OR REPLACE INTO kpi_kept ({', '.join(COLUMNS)}) "
           f"VALUES ({', '.join('?' * len(COLUMNS))})")


def write(engine: Any, rows: list[dict[str, Any]]) -> None:
    """Replace these kept rows; skipped (recomputed next time) if another writer holds the file."""
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        waited = cursor.execute("PRAGMA busy_timeout").fetchone()[0]
        cursor.execute("PRAGMA busy_timeout = 0")
        try:
            cursor.executemany(REPLACE, [tuple(row[c] for c in COLUMNS) for row in rows])
            raw.commit()
        except sqlite3.OperationalError:
            raw.rollback()
        finally:
            cursor.execute(f"PRAGMA busy_timeout = {int(waited)}")
            cursor.close()
    finally:
        raw.close()


ALL_FACTS = sorted({fact for facts in FACTS.values() for fact in facts} | {CUSTOMER_SCOPE})
MARK_EVERYTHING = (
    "INSERT INTO kpi_changes (fact, month, changed) "
    "SELECT ?, '*', (SELECT coalesce(max(changed), 0) + 1 FROM kpi_changes) WHERE true "
    "ON CONFLICT (fact, month) DO UPDATE SET changed = excluded.changed")


MARK_TRIGGERS = "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'kpi_mark_%'"


def _mark_everything(conn: Any) -> None:
    for fact in ALL_FACTS:
        conn.exec_driver_sql(MARK_EVERYTHING, (fact,))


SET_ASIDE = "kpi_marks_set_aside"  # key of Connection.info (one per driver connection)


def begin_bulk_load(conn: Any) -> None:
    """Set the per-row KPI marks aside for the rest of this transaction (about half the cost
    of a bulk insert): their triggers are dropped here and created again by `end_bulk_load`,
    which must run before the commit. DDL is transactional in SQLite: other connections
    never see them missing, and a rollback (or a crash) brings them back. The marks written
    first open the transaction: sqlite3 would run a DDL statement outside of one, on its own."""
    _mark_everything(conn)
    if not conn.connection.driver_connection.in_transaction:
        raise RuntimeError("a bulk load must run inside a transaction")
    dropped = [tuple(row) for row in conn.exec_driver_sql(MARK_TRIGGERS).fetchall()]
    if not dropped and conn.info.get(SET_ASIDE):
        return  # already set aside in this transaction
    for name, _sql in dropped:
        conn.exec_driver_sql(f"DROP TRIGGER {name}")
    conn.info[SET_ASIDE] = dropped  # replaces what a rolled-back load may have left


def end_bulk_load(conn: Any) -> None:
    """Before the commit: the triggers back, and every fact changed in every month."""
    for _name, sql in conn.info.pop(SET_ASIDE, []):
        conn.exec_driver_sql(sql.replace("CREATE TRIGGER ", "CREATE TRIGGER IF NOT EXISTS ", 1))
    _mark_everything(conn)
