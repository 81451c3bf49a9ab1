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
from typing import Any

from sqlalchemy import Connection, text

from ..domain.masking import mask_phone
from ..domain.vocab import VisitStatus
from .customer_search import search_customers

PAGE_SIZE = 200
SEARCH_CUSTOMERS = 200
COUNT_CAP = 10_000
COUNT_WINDOW = 20_000  # queue entries a count reads at most when filters need joins
FEW = 6_000  # matching claims or customers up to which they lead the query
TABS = ("today", "overdue", "upcoming", "done")
_DONE_STATUSES = (VisitStatus.DONE, VisitStatus.UNREACHABLE, VisitStatus.CANCELLED)


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


@dataclass(frozen=True)
class QueueRow:
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
        hits = search_customers(conn, flt.text, limit=SEARCH_CUSTOMERS)
        return QueuePlan("customers", tuple(hit.id for hit in hits))
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


def _filter_conditions(flt: QueueFilter) -> tuple[list[str], list[str], dict[str, Any]]:
    """(joins, conditions, params) of the optional filters."""
    joins, conditions, params = [], [], {}
    if flt.claim_type:
        joins.append("CROSS JOIN claims AS fc ON fc.id = v.claim_id")
        conditions.append("fc.claim_type = :claim_type")
        params["claim_type"] = flt.claim_type
    if flt.channel:
        joins.append("CROSS JOIN customers AS fu ON fu.id = v.customer_id")
        conditions.append("fu.preferred_channel = :channel")
        params["channel"] = flt.channel
    if flt.step:
        conditions.append("v.step = :step")
        params["step"] = flt.step
    return joins, conditions, params


def _where(flt: QueueFilter, qplan: QueuePlan, status_names: str,
           after: tuple[str, str] | None) -> tuple[str, dict[str, Any]]:
    """FROM ... WHERE ... for the visits of `flt` with a status in `status_names`."""
    if qplan.implies:
        flt = replace(flt, **{qplan.implies: None})
    joins, conditions, params = _filter_conditions(flt)
    if qplan.driver != "queue":
        conditions.append(_LEAD_CONDITION[qplan.driver])
        params["lead_ids"] = json.dumps(qplan.ids)
    if after is not None:
        beyond = "<" if flt.descending else ">"
        conditions.append(f"(v.due_date, v.id) {beyond} (:after_due, :after_id)")
        params["after_due"], params["after_id"] = after
    scope = "v.assignee_id = :scope" if flt.assignee_id else "v.branch_id = :scope"
    params.update(scope=flt.assignee_id or flt.branch_id, today=flt.today.isoformat())
    where = " AND ".join([scope, f"v.status {status_names}", _DATE_CONDITIONS[flt.tab],
                          "v.deleted = 0", *conditions])
    return f"FROM {_FROM[qplan.driver]} {' '.join(joins)} WHERE {where}", params


def _range_select(flt: QueueFilter, qplan: QueuePlan, status_names: str,
                  after: tuple[str, str] | None) -> tuple[str, dict[str, Any]]:
    """Ids and due dates of the statuses, in queue order, from after the keyset."""
    body, params = _where(flt, qplan, status_names, after)
    direction = "DESC" if flt.descending else "ASC"
    return (f"SELECT * FROM (SELECT v.id AS id, v.due_date AS due_date {body}"
            f" ORDER BY v.due_date {direction}, v.id {direction} LIMIT :limit)"), params


_ROW_COLUMNS = """
    v.id, v.customer_id, v.claim_id, c.name, c.phone, cl.claim_no, cl.claim_type, cl.paid_fen,
    v.step, v.due_date, v.attempts, v.status, c.preferred_channel, c.best_time, c.risk_level,
    v.assignee_id"""


def fetch_page(conn: Connection, flt: QueueFilter, after: tuple[str, str] | None = None,
               limit: int = PAGE_SIZE, qplan: QueuePlan | None = None) -> list[QueueRow]:
    """The next `limit` visits after the keyset `after` (a row's `.key`), in queue order.

    Pass the filter's `plan()` as `qplan` when paging on, so it is decided only once.
    """
    qplan = qplan or plan(conn, flt)
    statuses = _statuses(flt.tab)
    params: dict[str, Any] = {"limit": limit, **{f"status{i}": s for i, s in enumerate(statuses)}}
    if qplan.driver == "queue":  # one index range per status, merged
        names = [f"= :status{i}" for i in range(len(statuses))]
    else:  # few rows: one query, sorted
        names = [f"IN ({', '.join(f':status{i}' for i in range(len(statuses)))})"]
    ranges = []
    for status_names in names:
        sql, range_params = _range_select(flt, qplan, status_names, after)
        ranges.append(sql)
        params.update(range_params)
    direction = "DESC" if flt.descending else "ASC"
    sql = (f"SELECT {_ROW_COLUMNS} FROM ({' UNION ALL '.join(ranges)}) AS page"
           " CROSS JOIN visits AS v ON v.id = page.id"
           " JOIN customers AS c ON c.id = v.customer_id"
           " LEFT JOIN claims AS cl ON cl.id = v.claim_id"
           f" ORDER BY page.due_date {direction}, page.id {direction} LIMIT :limit")
    return [_queue_row(r) for r in _rows(conn, sql, params)]


def _queue_row(r: Any) -> QueueRow:
    return QueueRow(r[0], r[1], r[2], r[3], mask_phone(r[4]), r[5], r[6], r[7], r[8],
                    date.fromisoformat(r[9]), r[10], r[11], r[12], r[13], r[14], r[15])


def count(conn: Connection, flt: QueueFilter, qplan: QueuePlan | None = None) -> QueueCount:
    """How many visits match. Reading the queue index, the count stops after COUNT_CAP
    matches or COUNT_WINDOW entries (then `more` is set), so it stays cheap."""
    qplan = qplan or plan(conn, flt)
    statuses = _statuses(flt.tab)
    names = ", ".join(f":status{i}" for i in range(len(statuses)))
    status_params = {f"status{i}": s for i, s in enumerate(statuses)}
    if qplan.driver != "queue":
        body, params = _where(flt, qplan, f"IN ({names})", None)
        return QueueCount(conn.execute(text(f"SELECT count(*) {body}"), {**params, **status_params})
                          .scalar_one(), False)
    joins, conditions, filter_params = _filter_conditions(flt)
    window = COUNT_WINDOW if conditions else COUNT_CAP + 1
    unfiltered = replace(flt, claim_type=None, channel=None, step=None)
    body, params = _where(unfiltered, qplan, f"IN ({names})", None)
    matched = " AND ".join(conditions) or "1"
    sql = (f"SELECT count(*), coalesce(sum({matched}), 0) FROM"
           f" (SELECT v.id, v.claim_id, v.customer_id, v.step {body} LIMIT {window}) AS v"
           f" {' '.join(joins).replace('CROSS JOIN', 'LEFT JOIN')}")
    scanned, visits = conn.execute(text(sql), {**params, **filter_params, **status_params}).one()
    return QueueCount(min(visits, COUNT_CAP), scanned >= window or visits > COUNT_CAP)


def reversed_filter(flt: QueueFilter) -> QueueFilter:
    """The same queue read from its end (for "jump to end")."""
    return replace(flt, descending=not flt.descending)
