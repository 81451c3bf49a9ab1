"""Supervisor's branch views: open work per manager, work falling due, bulk reassignment,
and the sync conflict log (the values HQ's merge rule set aside).

A complaint "falls due" on the branch-local date of its nearest running deadline (the
48 h solution clock, or the statutory one once that is nearer); a visit on its due date.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, case, func, select

from ..domain.errors import DomainError
from ..domain.timeutil import local_date
from ..domain.vocab import ClockState, ComplaintEventKind as K, Role, VisitStatus
from .complaint_ops import Actor, ComplaintAction, apply_in_session
from .complaint_queries import ACTIVE_STATES, ComplaintFilter, ComplaintRow, list_complaints
from .db import Profile
from .models import Complaint, ConflictEntry, Customer, User, Visit
from .outbox import utcnow

FORECAST_DAYS = 14
DUE_LIMIT = 500  # rows of work due that a screen lists (a supervisor reassigns by hand)

_v = Visit.__table__.c
_u = User.__table__.c


@dataclass(frozen=True)
class ManagerLoad:
    user_id: str
    name: str
    role: str
    open_visits: int
    overdue_visits: int
    open_complaints: int
    due_soon: int  # visits and complaints falling due in the forecast window


@dataclass(frozen=True)
class DueItem:
    kind: str  # visit | complaint
    id: str
    customer_name: str
    owner_id: str | None
    owner_name: str
    due: date
    detail: str  # visit step or complaint category


def branch_users(conn: Connection, branch_id: str) -> list[tuple[str, str, str]]:
    """(id, display name, role) of the branch's active users, by name."""
    rows = conn.execute(
        select(_u.id, _u.display_name, _u.role)
        .where(_u.branch_id == branch_id, _u.active.is_(True), _u.deleted.is_(False))
        .order_by(_u.display_name)
    )
    return [(r.id, r.display_name, r.role) for r in rows]


def _complaint_due(row: ComplaintRow) -> date:
    running = [c for c in (row.clocks.solve, row.clocks.statutory)
               if c.state not in (ClockState.MET,)]
    deadline = min((c.deadline_utc for c in running), default=row.clocks.statutory.deadline_utc)
    return local_date(deadline)


def _open_complaints(conn: Connection, branch_id: str, now: datetime) -> list[ComplaintRow]:
    flt = ComplaintFilter(branch_id=branch_id, states=ACTIVE_STATES)
    rows: list[ComplaintRow] = []
    page = list_complaints(conn, flt, now, limit=1000)
    rows.extend(page.rows)
    while page.next_cursor is not None:
        page = list_complaints(conn, flt, now, after=page.next_cursor, limit=1000)
        rows.extend(page.rows)
    return rows


def _due_visits(conn: Connection, branch_id: str, until: date, limit: int) -> list[DueItem]:
    customers = Customer.__table__
    users = User.__table__
    rows = conn.execute(
        select(_v.id, customers.c.name, _v.assignee_id, users.c.display_name, _v.due_date, _v.step)
        .join(customers, customers.c.id == _v.customer_id)
        .outerjoin(users, users.c.id == _v.assignee_id)
        .where(*_open_visits_due(branch_id, until))
        .order_by(_v.due_date, _v.id)
        .limit(limit)
    )
    return [DueItem("visit", r.id, r.name, r.assignee_id, r.display_name or "", r.due_date, r.step)
            for r in rows]


def _open_visits_due(branch_id: str, until: date) -> list[Any]:
    return [_v.branch_id == branch_id, _v.status == VisitStatus.OPEN, _v.due_date < until,
            _v.deleted.is_(False)]


def _due_complaints(conn: Connection, branch_id: str, now: datetime, until: date) -> list[DueItem]:
    return [DueItem("complaint", row.id, row.customer_name, row.owner_id, row.owner_name, due,
                    row.category)
            for row in _open_complaints(conn, branch_id, now)
            if (due := _complaint_due(row)) < until]


@dataclass(frozen=True)
class DueWork:
    """The first `limit` items falling due (by date), and how many there are in all."""

    items: list[DueItem]
    total: int


def due_work(conn: Connection, branch_id: str, today: date, now: datetime,
             days: int = FORECAST_DAYS, limit: int = DUE_LIMIT) -> DueWork:
    """Open visits and complaints due before today + `days` (overdue ones included), by date.

    A big branch has 10,000-35,000 such visits: a screen shows the first `limit` and the
    count; the complaints (a few hundred active ones, due dates from their SLA clocks) are
    merged in Python."""
    until = today + timedelta(days=days)
    complaints = _due_complaints(conn, branch_id, now, until)
    visits_due = conn.execute(select(func.count()).select_from(Visit.__table__).where(
        *_open_visits_due(branch_id, until))).scalar_one()
    items = sorted(_due_visits(conn, branch_id, until, limit) + complaints,
                   key=lambda item: (item.due, item.kind, item.id))
    return DueWork(items[:limit], visits_due + len(complaints))


def _open_visit_counts(conn: Connection, branch_id: str, today: date) -> dict[str, tuple[int, int]]:
    overdue = func.sum(case((_v.due_date < today, 1), else_=0))
    rows = conn.execute(
        select(_v.assignee_id, func.count(), overdue)
        .where(_v.branch_id == branch_id, _v.status == VisitStatus.OPEN, _v.deleted.is_(False))
        .group_by(_v.assignee_id)
    )
    return {r[0]: (r[1], r[2] or 0) for r in rows}


def _open_complaint_counts(conn: Connection, branch_id: str) -> dict[str, int]:
    c = Complaint.__table__.c
    rows = conn.execute(
        select(c.owner_id, func.count())
        .where(c.branch_id == branch_id, c.state.in_(ACTIVE_STATES), c.deleted.is_(False))
        .group_by(c.owner_id)
    )
    return {r[0]: r[1] for r in rows}


def manager_workload(conn: Connection, branch_id: str, today: date, now: datetime,
                     days: int = FORECAST_DAYS) -> list[ManagerLoad]:
    visits = _open_visit_counts(conn, branch_id, today)
    complaints = _open_complaint_counts(conn, branch_id)
    until = today + timedelta(days=days)
    due = dict(conn.execute(select(_v.assignee_id, func.count()).where(
        *_open_visits_due(branch_id, until), _v.due_date >= today).group_by(_v.assignee_id)).all())
    for item in _due_complaints(conn, branch_id, now, until):
        if item.due >= today:
            due[item.owner_id] = due.get(item.owner_id, 0) + 1
    return [
        ManagerLoad(user_id, name, role, visits.get(user_id, (0, 0))[0],
                    visits.get(user_id, (0, 0))[1], complaints.get(user_id, 0), due.get(user_id, 0))
        for user_id, name, role in branch_users(conn, branch_id)
    ]


@dataclass(frozen=True)
class BulkResult:
    visits_moved: int
    complaints_moved: int
    unchanged: int  # already with that manager, or no longer open


def _move_visits(session, branch_id: str, visit_ids: list[str], new_owner_id: str) -> tuple[int, int]:
    moved = unchanged = 0
    for visit in session.scalars(select(Visit).where(Visit.id.in_(visit_ids))):
        if (visit.branch_id != branch_id or visit.deleted or visit.status != VisitStatus.OPEN
                or visit.assignee_id == new_owner_id):
            unchanged += 1
            continue
        visit.assignee_id = new_owner_id
        moved += 1
    return moved, unchanged


def _move_complaints(session, actor: Actor, complaint_ids: list[str], new_owner_id: str,
                     at: datetime) -> tuple[int, int]:
    moved = unchanged = 0
    action = ComplaintAction(K.REASSIGNED, new_owner_id=new_owner_id)
    for complaint in session.scalars(select(Complaint).where(Complaint.id.in_(complaint_ids))):
        if complaint.owner_id == new_owner_id or complaint.state not in ACTIVE_STATES:
            unchanged += 1
            continue
        apply_in_session(session, actor, complaint.id, action, at)
        moved += 1
    return moved, unchanged


def _check_target(session, actor: Actor, new_owner_id: str) -> None:
    owner = session.get(User, new_owner_id)
    if owner is None or owner.deleted or not owner.active or owner.branch_id != actor.branch_id:
        raise DomainError("owner_not_in_branch")


def bulk_reassign(profile: Profile, actor: Actor, new_owner_id: str, visit_ids: list[str],
                  complaint_ids: list[str], now: datetime | None = None) -> BulkResult:
    """Hand the selected open visits and complaints to one manager, all or nothing."""
    if actor.role != Role.SUPERVISOR:
        raise DomainError("supervisor_only")
    at = now or utcnow()
    with profile.session(actor.id) as session, session.begin():
        _check_target(session, actor, new_owner_id)
        visits = _move_visits(session, actor.branch_id, list(visit_ids), new_owner_id)
        complaints = _move_complaints(session, actor, list(complaint_ids), new_owner_id, at)
    return BulkResult(visits[0], complaints[0], visits[1] + complaints[1])


@dataclass(frozen=True)
class ConflictRow:
    decided_at: datetime
    table_name: str
    row_id: str
    field: str
    kept_value: Any
    lost_value: Any
    lost_device_id: str | None
    lost_user_name: str


def conflict_log(conn: Connection, branch_id: str, limit: int = 500) -> list[ConflictRow]:
    """The branch's most recent same-field conflicts, newest first."""
    conflicts = ConflictEntry.__table__
    users = User.__table__
    rows = conn.execute(
        select(conflicts.c.decided_at, conflicts.c.table_name, conflicts.c.row_id, conflicts.c.field,
               conflicts.c.kept_value, conflicts.c.lost_value, conflicts.c.lost_device_id,
               users.c.display_name)
        .outerjoin(users, users.c.id == conflicts.c.lost_user_id)
        .where(conflicts.c.branch_id == branch_id, conflicts.c.deleted.is_(False))
        .order_by(conflicts.c.decided_at.desc(), conflicts.c.id)
        .limit(limit)
    )
    return [ConflictRow(*row[:7], row[7] or "") for row in rows]
