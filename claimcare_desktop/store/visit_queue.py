"""The visit queue: keyset-paged, filtered and sorted in SQL, one page at a time.

Pages are ordered by (due_date, id). How a filter's pages are read is decided once by
`plan()`:
- "queue": walk the queue index `(branch_id | assignee_id, status, due_date, id)` in
  order and stop after a page; claim type or channel filters are checked on the way,
  which is cheap while they match often.
- "claims" / "customers": when few claims have the chosen type (or few customers the
  chosen channel, or the text search found a few customers), their ids are collected
  once and the visits read through the claim_id / customer_id index and sorted; walking
  the queue index would read tens of thousands of entries to fill one page.
Several statuses (the "done" tab) are merged from one ordered range per status, so no
query sorts the whole table. CROSS JOIN makes SQLite keep the written join order.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from typing import Any, NamedTuple

from sqlalchemy import Connection

from ..domain.vocab import VisitStatus
from .customer_search import find_customer_ids, masked_phone

PAGE_SIZE = 200
SEARCH_CUSTOMERS = 200
COUNT_CAP = 10_000
COUNT_WINDOW = 20_000  # queue entries a count reads at most when filters need joins
FEW = 6_000  # matching claims or customers up to which they lead the query
TABS = ("today", "overdue", "upcoming", "done")
_DONE_STATUSES = (VisitStatus.DONE, VisitStatus.UNREACHABLE, VisitStatus.CANCELLED)
_STATUS_NAMES = tuple(f"status{i}" for i in range(len(_DONE_STATUSES)))


@dataclass(frozen=True)
class QueueFilter:
    branch_id: str
    today: date
    tab: str = "today"
    assignee_id: str | None = None  # None: the whole branch
    step: str | None = None
    claim_type: str | None = None
    channel: str | None = None  # the customer's preferred channel
    text: str = ""
    descending: bool = False


@dataclass(frozen=True)
class QueuePlan:
    """How to read a filter's pages: decided once, reused for every page and the count."""

    driver: str  # queue | claims | customers
    ids: tuple[str, ...] = ()  # the claims or customers that lead the query
    implies: str | None = None  # the filter the lead ids already satisfy


@dataclass(frozen=True)
class QueueCount:
    visits: int
    more: bool  # there are more than `visits` (the count stopped early)


class QueueRow(NamedTuple):
    """One visit of the queue (a named tuple: a page builds 200 of them)."""

    visit_id: str
    customer_id: str
    claim_id: str | None
    customer_name: str
    masked_phone: str
    claim_no: str | None
    claim_type: str | None
    paid_fen: int | None
    step: str
    due_date: date
    attempts: int
    status: str
    preferred_channel: str | None
    best_time: str | None
    risk_level: str | None
    assignee_id: str | None

    @property
    def key(self) -> tuple[str, str]:
        return (self.due_date.isoformat(), self.visit_id)


def _statuses(tab: str) -> tuple[str, ...]:
    if tab not in TABS:
        raise ValueError(f"unknown queue tab {tab!r}")
    return _DONE_STATUSES if tab == "done" else (VisitStatus.OPEN,)


_DATE_CONDITIONS = {"today": "v.due_date = :today", "overdue": "v.due_date < :today",
                    "upcoming": "v.due_date > :today", "done": "1"}
_FROM = {
    "queue": "visits AS v",
    "claims": "visits AS v INDEXED BY ix_visits_claim_id",
    "customers": "visits AS v INDEXED BY ix_visits_customer_id",
}
_LEAD_CONDITION = {
    "claims": "v.claim_id IN (SELECT value FROM json_each(:lead_ids))",
    "customers": "v.customer_id IN (SELECT value FROM json_each(:lead_ids))",
}


def _rows(conn: Connection, sql: str, params: dict[str, Any]) -> list[tuple]:
    """Rows of `sql` (named `:params`) from the driver's cursor.

    SQLite reads this module's statements from indexes in a few milliseconds; SQLAlchemy's
    result layer cost as much again for a page, and 30 ms for the 6,001 ids a common claim
    type returns (bench/, issue 6). sqlite3 binds the same `:name` parameters itself.
    """
    return conn.connection.driver_connection.execute(sql, params).fetchall()


def _few_ids(conn: Connection, sql: str, params: dict[str, Any]) -> tuple[str, ...] | None:
    """The ids `sql` selects when there are at most FEW of them, else None."""
    ids = _rows(conn, f"{sql} LIMIT {FEW + 1}", params)
    return tuple(row[0] for row in ids) if len(ids) <= FEW else None


def plan(conn: Connection, flt: QueueFilter) -> QueuePlan:
    """Choose how to read `flt` (see the module notes); runs the text search once."""
    if flt.text.strip():
        return QueuePlan("customers", tuple(find_customer_ids(
            conn.connection.driver_connection, flt.text, limit=SEARCH_CUSTOMERS)))
    candidates = []
    if flt.claim_type:
        ids = _few_ids(conn, "SELECT id FROM claims WHERE branch_id = :b AND claim_type = :v",
                       {"b": flt.branch_id, "v": flt.claim_type})
        candidates.append(QueuePlan("claims", ids, "claim_type") if ids is not None else None)
    if flt.channel:
        ids = _few_ids(conn, "SELECT id FROM customers WHERE branch_id = :b"
                             " AND preferred_channel = :v", {"b": flt.branch_id, "v": flt.channel})
        candidates.append(QueuePlan("customers", ids, "channel") if ids is not None else None)
    few = [c for c in candidates if c is not None]
    return min(few, key=lambda c: len(c.ids)) if few else QueuePlan("queue")


class _Shape(NamedTuple):
    """What a query's text depends on; the filter's values are bound parameters, so each
    shape's SQL is built once (building it was a tenth of a small page's time)."""

    tab: str
    driver: str  # the plan's
    mine: bool  # scoped to an assignee
    step: bool
    claim_type: bool  # filtered on, and not already implied by the plan's lead ids
    channel: bool
    descending: bool
    keyset: bool  # reads on after a row


def _shape(flt: QueueFilter, qplan: QueuePlan, after: tuple[str, str] | None) -> _Shape:
    return _Shape(flt.tab, qplan.driver, bool(flt.assignee_id), bool(flt.step),
                  bool(flt.claim_type) and qplan.implies != "claim_type",
                  bool(flt.channel) and qplan.implies != "channel",
                  flt.descending, after is not None)


def _params(flt: QueueFilter, qplan: QueuePlan, after: tuple[str, str] | None,
            limit: int) -> dict[str, Any]:
    """Every value any shape of `flt` binds (sqlite3 ignores the names a statement lacks)."""
    params: dict[str, Any] = {
        "scope": flt.assignee_id or flt.branch_id, "today": flt.today.isoformat(),
        "limit": limit, "step": flt.step, "claim_type": flt.claim_type, "channel": flt.channel,
        "window": COUNT_WINDOW, "cap": COUNT_CAP + 1,
    }
    params.update(zip(_STATUS_NAMES, _statuses(flt.tab)))
    if qplan.driver != "queue":
        params["lead_ids"] = json.dumps(qplan.ids)
    if after is not None:
        params["after_due"], params["after_id"] = after
    return params


def _filter_sql(shape: _Shape) -> tuple[list[str], list[str]]:
    """(joins, conditions) of the optional filters."""
    joins, conditions = [], []
    if shape.claim_type:
        joins.append("CROSS JOIN claims AS fc ON fc.id = v.claim_id")
        conditions.append("fc.claim_type = :claim_type")
    if shape.channel:
        joins.append("CROSS JOIN customers AS fu ON fu.id = v.customer_id")
        conditions.append("fu.preferred_channel = :channel")
    if shape.step:
        conditions.append("v.step = :step")
    return joins, conditions


def _where(shape: _Shape, status_names: str) -> str:
    """FROM ... WHERE ... for the visits of `shape` with a status in `status_names`."""
    joins, conditions = _filter_sql(shape)
    if shape.driver != "queue":
        conditions.append(_LEAD_CONDITION[shape.driver])
    if shape.keyset:
        beyond = "<" if shape.descending else ">"
        conditions.append(f"(v.due_date, v.id) {beyond} (:after_due, :after_id)")
    scope = "v.assignee_id = :scope" if shape.mine else "v.branch_id = :scope"
    where = " AND ".join([scope, f"v.status {status_names}", _DATE_CONDITIONS[shape.tab],
                          "v.deleted = 0", *conditions])
    return f"FROM {_FROM[shape.driver]} {' '.join(joins)} WHERE {where}"


def _range_select(shape: _Shape, status_names: str) -> str:
    """Ids and due dates of the statuses, in queue order, from after the keyset."""
    direction = "DESC" if shape.descending else "ASC"
    return (f"SELECT * FROM (SELECT v.rowid AS visit_rowid, v.id AS id, v.due_date AS due_date"
            f" {_where(shape, status_names)}"
            f" ORDER BY v.due_date {direction}, v.id {direction} LIMIT :limit)")


_ROW_COLUMNS = """
    v.id, v.customer_id, v.claim_id, c.name, c.phone, cl.claim_no, cl.claim_type, cl.paid_fen,
    v.step, v.due_date, v.attempts, v.status, c.preferred_channel, c.best_time, c.risk_level,
    v.assignee_id"""


def _status_list(tab: str) -> str:
    return f"IN ({', '.join(f':{name}' for name in _STATUS_NAMES[:len(_statuses(tab))])})"


@lru_cache(maxsize=256)
def _page_sql(shape: _Shape) -> str:
    statuses = _STATUS_NAMES[:len(_statuses(shape.tab))]
    if shape.driver == "queue":  # one index range per status, merged
        ranges = [_range_select(shape, f"= :{name}") for name in statuses]
    else:  # few rows: one query, sorted
        ranges = [_range_select(shape, _status_list(shape.tab))]
    direction = "DESC" if shape.descending else "ASC"
    return (f"SELECT {_ROW_COLUMNS} FROM ({' UNION ALL '.join(ranges)}) AS page"
            # by rowid (every index holds it): no descent of the id index, whose random
            # UUIDs spread a page's 200 lookups over as many leaf pages at 1M visits
            " CROSS JOIN visits AS v ON v.rowid = page.visit_rowid"
            " JOIN customers AS c ON c.id = v.customer_id"
            " LEFT JOIN claims AS cl ON cl.id = v.claim_id"
            f" ORDER BY page.due_date {direction}, page.id {direction} LIMIT :limit")


def fetch_page(conn: Connection, flt: QueueFilter, after: tuple[str, str] | None = None,
               limit: int = PAGE_SIZE, qplan: QueuePlan | None = None) -> list[QueueRow]:
    """The next `limit` visits after the keyset `after` (a row's `.key`), in queue order.

    Pass the filter's `plan()` as `qplan` when paging on, so it is decided only once.
    """
    qplan = qplan or plan(conn, flt)
    sql = _page_sql(_shape(flt, qplan, after))
    return [_queue_row(r) for r in _rows(conn, sql, _params(flt, qplan, after, limit))]


_new_row = tuple.__new__  # _new_row(QueueRow, values): skips NamedTuple's keyword handling


def _queue_row(r: tuple) -> QueueRow:
    """A row of `_ROW_COLUMNS` with the phone masked and the due date parsed."""
    values = list(r)
    values[4] = masked_phone(values[4])
    values[9] = date.fromisoformat(values[9])
    return _new_row(QueueRow, values)


@lru_cache(maxsize=64)
def _count_sql(shape: _Shape) -> str:
    statuses = _status_list(shape.tab)
    if shape.driver != "queue":
        return f"SELECT count(*), 0 {_where(shape, statuses)}"
    joins, conditions = _filter_sql(shape)
    unfiltered = shape._replace(step=False, claim_type=False, channel=False)
    window = ":window" if conditions else ":cap"
    matched = " AND ".join(conditions) or "1"
    # Only the columns the filters need, so that a queue index holding `deleted` too could
    # answer an unfiltered count alone: 20 -> 3 ms at 1M visits (measured on a copy).
    columns = ", ".join(["v.id", *(column for column, used in (
        ("v.claim_id", shape.claim_type), ("v.customer_id", shape.channel), ("v.step", shape.step))
        if used)])
    return (f"SELECT count(*), coalesce(sum({matched}), 0) FROM"
            f" (SELECT {columns} {_where(unfiltered, statuses)}"
            f" LIMIT {window}) AS v {' '.join(joins).replace('CROSS JOIN', 'LEFT JOIN')}")


def count(conn: Connection, flt: QueueFilter, qplan: QueuePlan | None = None) -> QueueCount:
    """How many visits match. Reading the queue index, the count stops after COUNT_CAP
    matches or COUNT_WINDOW entries (then `more` is set), so it stays cheap."""
    qplan = qplan or plan(conn, flt)
    shape = _shape(flt, qplan, None)
    params = _params(flt, qplan, None, 0)
    [(scanned, visits)] = _rows(conn, _count_sql(shape), params)
    if qplan.driver != "queue":
        return QueueCount(scanned, False)
    window = COUNT_WINDOW if _filter_sql(shape)[1] else COUNT_CAP + 1
    return QueueCount(min(visits, COUNT_CAP), scanned >= window or visits > COUNT_CAP)


def reversed_filter(flt: QueueFilter) -> QueueFilter:
    """The same queue read from its end (for "jump to end")."""
    return replace(flt, descending=not flt.descending)
