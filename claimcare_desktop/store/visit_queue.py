"""The visit queue: keyset-paged, filtered and sorted in SQL, one page at a time.

Pages are ordered by (due_date, id). Each status the tab covers is read from the
queue indexes `(branch_id | assignee_id, status, due_date, id)` in index order, and
pages of several statuses (the "done" tab) are merged from one ordered range per
status, so no query sorts the whole table. Joined filters use CROSS JOIN, which makes
SQLite keep `visits` as the outer loop and so keep the index order.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from sqlalchemy import Connection, text

from ..domain.masking import mask_phone
from ..domain.vocab import VisitStatus
from .customer_search import search_customers

PAGE_SIZE = 200
SEARCH_CUSTOMERS = 200
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


def _date_condition(tab: str) -> str:
    return {"today": "v.due_date = :today", "overdue": "v.due_date < :today",
            "upcoming": "v.due_date > :today", "done": "1"}[tab]


def _filters(flt: QueueFilter, customer_ids: list[str] | None) -> tuple[str, str, dict[str, Any]]:
    """(joins, conditions, params) for the optional filters."""
    joins, conditions, params = [], [], {}
    if flt.step:
        conditions.append("v.step = :step")
        params["step"] = flt.step
    if flt.claim_type:
        joins.append("CROSS JOIN claims AS fc ON fc.id = v.claim_id")
        conditions.append("fc.claim_type = :claim_type")
        params["claim_type"] = flt.claim_type
    if flt.channel:
        joins.append("CROSS JOIN customers AS fu ON fu.id = v.customer_id")
        conditions.append("fu.preferred_channel = :channel")
        params["channel"] = flt.channel
    if customer_ids is not None:
        names = [f":cust{i}" for i in range(len(customer_ids))]
        conditions.append(f"v.customer_id IN ({', '.join(names) or 'NULL'})")
        params.update({f"cust{i}": cid for i, cid in enumerate(customer_ids)})
    return " ".join(joins), "".join(f" AND {c}" for c in conditions), params


def _range_select(flt: QueueFilter, status_index: int, after: tuple[str, str] | None,
                  joins: str, conditions: str) -> str:
    """Ids and due dates of one status, in index order, from after the keyset."""
    scope = "v.assignee_id = :scope" if flt.assignee_id else "v.branch_id = :scope"
    direction = "DESC" if flt.descending else "ASC"
    keyset = ""
    if after is not None:
        keyset = f" AND (v.due_date, v.id) {'<' if flt.descending else '>'} (:after_due, :after_id)"
    return (f"SELECT * FROM (SELECT v.id AS id, v.due_date AS due_date FROM visits AS v {joins}"
            f" WHERE {scope} AND v.status = :status{status_index}"
            f" AND {_date_condition(flt.tab)} AND v.deleted = 0{keyset}{conditions}"
            f" ORDER BY v.due_date {direction}, v.id {direction} LIMIT :limit)")


_ROW_COLUMNS = """
    v.id, v.customer_id, v.claim_id, c.name, c.phone, cl.claim_no, cl.claim_type, cl.paid_fen,
    v.step, v.due_date, v.attempts, v.status, c.preferred_channel, c.best_time, c.risk_level,
    v.assignee_id"""


def _page_sql(flt: QueueFilter, after: tuple[str, str] | None, joins: str,
              conditions: str) -> str:
    ranges = " UNION ALL ".join(
        _range_select(flt, i, after, joins, conditions) for i in range(len(_statuses(flt.tab))))
    direction = "DESC" if flt.descending else "ASC"
    return (f"SELECT {_ROW_COLUMNS} FROM ({ranges}) AS page"
            " CROSS JOIN visits AS v ON v.id = page.id"
            " JOIN customers AS c ON c.id = v.customer_id"
            " LEFT JOIN claims AS cl ON cl.id = v.claim_id"
            f" ORDER BY page.due_date {direction}, page.id {direction} LIMIT :limit")


def matching_customer_ids(conn: Connection, query: str) -> list[str] | None:
    """Customers the search text finds (name, pinyin, initials, phone, claim no.); None = no search."""
    if not query.strip():
        return None
    return [hit.id for hit in search_customers(conn, query, limit=SEARCH_CUSTOMERS)]


def _params(flt: QueueFilter, after: tuple[str, str] | None, limit: int) -> dict[str, Any]:
    params: dict[str, Any] = {"scope": flt.assignee_id or flt.branch_id,
                              "today": flt.today.isoformat(), "limit": limit}
    params.update({f"status{i}": s for i, s in enumerate(_statuses(flt.tab))})
    if after is not None:
        params["after_due"], params["after_id"] = after
    return params


def fetch_page(conn: Connection, flt: QueueFilter, after: tuple[str, str] | None = None,
               limit: int = PAGE_SIZE, customer_ids: list[str] | None = None) -> list[QueueRow]:
    """The next `limit` visits after the keyset `after` (a row's `.key`), in queue order.

    `customer_ids` is the text search already resolved (see matching_customer_ids), so
    paging further does not search again.
    """
    if customer_ids is None:
        customer_ids = matching_customer_ids(conn, flt.text)
    joins, conditions, params = _filters(flt, customer_ids)
    params.update(_params(flt, after, limit))
    rows = conn.execute(text(_page_sql(flt, after, joins, conditions)), params)
    return [_queue_row(r) for r in rows]


def _queue_row(r: Any) -> QueueRow:
    return QueueRow(r[0], r[1], r[2], r[3], mask_phone(r[4]), r[5], r[6], r[7], r[8],
                    date.fromisoformat(r[9]), r[10], r[11], r[12], r[13], r[14], r[15])


def count(conn: Connection, flt: QueueFilter, customer_ids: list[str] | None = None) -> int:
    """How many visits the filter matches (read from the same indexes)."""
    if customer_ids is None:
        customer_ids = matching_customer_ids(conn, flt.text)
    joins, conditions, params = _filters(flt, customer_ids)
    params.update(_params(flt, None, -1))
    scope = "v.assignee_id = :scope" if flt.assignee_id else "v.branch_id = :scope"
    statuses = ", ".join(f":status{i}" for i in range(len(_statuses(flt.tab))))
    sql = (f"SELECT count(*) FROM visits AS v {joins} WHERE {scope} AND v.status IN ({statuses})"
           f" AND {_date_condition(flt.tab)} AND v.deleted = 0{conditions}")
    return conn.execute(text(sql), params).scalar_one()


def reversed_filter(flt: QueueFilter) -> QueueFilter:
    """The same queue read from its end (for "jump to end")."""
    return replace(flt, descending=not flt.descending)
