"""Complaints for the tracker: filtered, keyset-paged lists and one complaint's full story.

Clocks come from the domain's SLA rules over each complaint's events, computed once
when a page loads; `LiveClock.at(now)` then ticks them forward without touching the
database (a running calendar clock only loses time; met, paused and breached stay).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Iterable

from sqlalchemy import Connection, Select, and_, func, or_, select

from ..domain.complaint_flow import ComplaintEvent as FlowEvent, replay_state
from ..domain.errors import DomainError
from ..domain.sla import (
    DUE_SOON_SHARE,
    RESPOND_WITHIN,
    SOLVE_WITHIN,
    STATUTORY_WITHIN,
    Clock,
    complaint_clocks,
)
from ..domain.timeutil import from_naive_utc
from ..domain.vocab import ClockState, ComplaintEventKind as K, ComplaintState as S
from .customer_profile import user_names
from .models import Claim, Complaint, ComplaintEvent, Customer

PAGE_SIZE = 200
ACTIVE_STATES = (S.OPEN, S.ACKNOWLEDGED, S.PAUSED, S.ESCALATED)
_STOPPED_STATES = frozenset({ClockState.MET, ClockState.PAUSED, ClockState.BREACHED})

_complaints = Complaint.__table__
_cc = _complaints.c
_events = ComplaintEvent.__table__
_ec = _events.c


@dataclass(frozen=True)
class LiveClock:
    """A clock read at `read_at`; `at(now)` is its state later, with no new events."""

    deadline_utc: datetime  # aware UTC
    state: str
    remaining: timedelta
    window: timedelta
    read_at: datetime

    def at(self, now: datetime) -> tuple[str, timedelta]:
        if self.state in _STOPPED_STATES:
            return self.state, self.remaining
        remaining = self.remaining - (now - self.read_at)
        if remaining < timedelta(0):
            return ClockState.BREACHED, remaining
        if remaining < self.window * DUE_SOON_SHARE:
            return ClockState.DUE_SOON, remaining
        return ClockState.ON_TRACK, remaining


@dataclass(frozen=True)
class ComplaintClockSet:
    respond: LiveClock
    solve: LiveClock
    statutory: LiveClock


@dataclass(frozen=True)
class ComplaintFilter:
    branch_id: str | None = None
    states: tuple[str, ...] = ACTIVE_STATES  # empty: every state
    owner_id: str | None = None
    category: str | None = None
    opened_before: datetime | None = None  # naive UTC; "older than" filters
    customer_id: str | None = None


@dataclass(frozen=True)
class ComplaintRow:
    id: str
    customer_id: str
    customer_name: str
    category: str
    complexity: str
    state: str
    owner_id: str
    owner_name: str
    summary: str
    opened_at: datetime
    escalation_level: int
    clocks: ComplaintClockSet


@dataclass(frozen=True)
class PageCursor:
    opened_at: datetime
    id: str


@dataclass(frozen=True)
class ComplaintPage:
    rows: tuple[ComplaintRow, ...]
    next_cursor: PageCursor | None


@dataclass(frozen=True)
class EventEntry:
    id: str
    at: datetime
    kind: str
    user_id: str | None
    user_name: str
    reason: str | None
    note: str | None
    new_owner_id: str | None
    new_owner_name: str


@dataclass(frozen=True)
class ComplaintDetail:
    row: ComplaintRow
    branch_id: str
    claim_no: str
    visit_id: str | None
    resolution: str | None
    root_cause: str | None
    acknowledged_at: datetime | None
    resolved_at: datetime | None
    closed_at: datetime | None
    paused_from: str | None
    events: tuple[EventEntry, ...]


def _live(clock: Clock, window: timedelta, now: datetime) -> LiveClock:
    return LiveClock(clock.deadline_utc, clock.state, clock.remaining, window, now)


def clocks_for(events: Iterable[FlowEvent], complexity: str, opened_at: datetime,
               now: datetime) -> ComplaintClockSet:
    """Clocks of one complaint from its history (naive UTC `opened_at`, aware `now`)."""
    clocks = complaint_clocks(list(events), complexity, from_naive_utc(opened_at), now)
    return ComplaintClockSet(
        respond=_live(clocks.respond, RESPOND_WITHIN, now),
        solve=_live(clocks.solve, SOLVE_WITHIN, now),
        statutory=_live(clocks.statutory, STATUTORY_WITHIN[complexity], now),
    )


def _flow_events(conn: Connection, complaint_ids: list[str]) -> dict[str, list[FlowEvent]]:
    found: dict[str, list[FlowEvent]] = {cid: [] for cid in complaint_ids}
    if not complaint_ids:
        return found
    rows = conn.execute(
        select(_ec.complaint_id, _ec.kind, _ec.at, _ec.reason)
        .where(_ec.complaint_id.in_(complaint_ids), _ec.deleted.is_(False))
        .order_by(_ec.at, _ec.id)
    )
    for row in rows:
        found[row.complaint_id].append(FlowEvent(row.kind, from_naive_utc(row.at), row.reason))
    return found


def _list_columns() -> Select:
    customers = Customer.__table__
    return (
        select(_cc.id, _cc.customer_id, customers.c.name.label("customer_name"), _cc.category,
               _cc.complexity, _cc.state, _cc.owner_id, _cc.summary, _cc.opened_at,
               _cc.escalation_level)
        .join(customers, customers.c.id == _cc.customer_id)
        .where(_cc.deleted.is_(False))
    )


def _filtered(statement: Select, flt: ComplaintFilter) -> Select:
    conditions = []
    if flt.branch_id:
        conditions.append(_cc.branch_id == flt.branch_id)
    if flt.states:
        conditions.append(_cc.state.in_(flt.states))
    if flt.owner_id:
        conditions.append(_cc.owner_id == flt.owner_id)
    if flt.category:
        conditions.append(_cc.category == flt.category)
    if flt.opened_before:
        conditions.append(_cc.opened_at < flt.opened_before)
    if flt.customer_id:
        conditions.append(_cc.customer_id == flt.customer_id)
    return statement.where(*conditions)


def _rows(conn: Connection, raw_rows: list[Any], now: datetime) -> tuple[ComplaintRow, ...]:
    names = user_names(conn)
    events = _flow_events(conn, [r.id for r in raw_rows])
    return tuple(
        ComplaintRow(
            id=r.id, customer_id=r.customer_id, customer_name=r.customer_name, category=r.category,
            complexity=r.complexity, state=r.state, owner_id=r.owner_id,
            owner_name=names.get(r.owner_id, ""), summary=r.summary, opened_at=r.opened_at,
            escalation_level=r.escalation_level,
            clocks=clocks_for(events[r.id], r.complexity, r.opened_at, now),
        )
        for r in raw_rows
    )


def list_complaints(conn: Connection, flt: ComplaintFilter, now: datetime,
                    after: PageCursor | None = None, limit: int = PAGE_SIZE) -> ComplaintPage:
    """Newest first; pass the previous page's `next_cursor` as `after` for the next page."""
    statement = _filtered(_list_columns(), flt)
    if after is not None:
        statement = statement.where(
            or_(_cc.opened_at < after.opened_at,
                and_(_cc.opened_at == after.opened_at, _cc.id < after.id)))
    statement = statement.order_by(_cc.opened_at.desc(), _cc.id.desc()).limit(limit)
    raw_rows = list(conn.execute(statement))
    rows = _rows(conn, raw_rows, now)
    cursor = PageCursor(rows[-1].opened_at, rows[-1].id) if len(rows) == limit else None
    return ComplaintPage(rows, cursor)


def count_complaints(conn: Connection, flt: ComplaintFilter) -> int:
    statement = _filtered(select(func.count()).select_from(_complaints).where(_cc.deleted.is_(False)), flt)
    return conn.execute(statement).scalar_one()


def _event_entries(conn: Connection, complaint_id: str, names: dict[str, str]) -> tuple[EventEntry, ...]:
    rows = conn.execute(
        select(_ec.id, _ec.at, _ec.kind, _ec.user_id, _ec.reason, _ec.note, _ec.new_owner_id)
        .where(_ec.complaint_id == complaint_id, _ec.deleted.is_(False))
        .order_by(_ec.at, _ec.id)
    )
    return tuple(
        EventEntry(r.id, r.at, r.kind, r.user_id, names.get(r.user_id, ""), r.reason, r.note,
                   r.new_owner_id, names.get(r.new_owner_id, ""))
        for r in rows
    )


def paused_from(events: list[FlowEvent]) -> str | None:
    """The state a paused complaint returns to on resume: the state before its last pause."""
    for index in range(len(events) - 1, -1, -1):
        if events[index].kind == K.PAUSED:
            return replay_state(events[:index])
    return None


class ComplaintNotFound(DomainError):
    def __init__(self, complaint_id: str) -> None:
        super().__init__("complaint_not_found", complaint_id=complaint_id)


def load_complaint(conn: Connection, complaint_id: str, now: datetime) -> ComplaintDetail:
    claims = Claim.__table__
    statement = (
        _list_columns()
        .add_columns(_cc.branch_id, _cc.visit_id, _cc.resolution, _cc.root_cause,
                     _cc.acknowledged_at, _cc.resolved_at, _cc.closed_at,
                     claims.c.claim_no)
        .outerjoin(claims, claims.c.id == _cc.claim_id)
        .where(_cc.id == complaint_id)
    )
    raw = conn.execute(statement).first()
    if raw is None:
        raise ComplaintNotFound(complaint_id)
    (row,) = _rows(conn, [raw], now)
    flow = _flow_events(conn, [complaint_id])[complaint_id]
    return ComplaintDetail(
        row=row, branch_id=raw.branch_id, claim_no=raw.claim_no or "", visit_id=raw.visit_id,
        resolution=raw.resolution, root_cause=raw.root_cause,
        acknowledged_at=raw.acknowledged_at, resolved_at=raw.resolved_at, closed_at=raw.closed_at,
        paused_from=paused_from(flow) if raw.state == S.PAUSED else None,
        events=_event_entries(conn, complaint_id, user_names(conn)),
    )
