"""The rows behind the Excel reports, streamed in pages so memory stays flat.

Each `*_statement` is one ordered Core query for a period and scope (the same scope rules
as `kpi_queries`: visits and care items by assignee, complaints by owner); `stream` reads
it in pages of PAGE rows, and `count` sizes the progress bar.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from sqlalchemy import func, literal, select

from .kpi_queries import KpiScope, Window, first_response_at
from .models import CareItem, Claim, Complaint, ComplaintEvent, Customer, User, Visit, VisitAttempt

PAGE = 2000

visits_t, attempts_t, customers_t = Visit.__table__, VisitAttempt.__table__, Customer.__table__
claims_t, users_t, complaints_t = Claim.__table__, User.__table__, Complaint.__table__
events_t, care_t = ComplaintEvent.__table__, CareItem.__table__


def stream(conn: Any, statement: Any) -> Iterator[Any]:
    result = conn.execution_options(yield_per=PAGE).execute(statement)
    for page in result.partitions():
        yield from page


def count(conn: Any, statement: Any) -> int:
    """Rows `statement` will give, without sorting them or reading their columns."""
    bare = statement.with_only_columns(literal(1), maintain_column_froms=True).order_by(None)
    return conn.execute(select(func.count()).select_from(bare.subquery())).scalar_one()


def _scoped(table: Any, column: str, scope: KpiScope) -> list[Any]:
    wanted = [table.c.branch_id == scope.branch_id, table.c.deleted.is_(False)]
    if scope.manager_id is not None:
        wanted.append(table.c[column] == scope.manager_id)
    return wanted


def _due_between(column: Any, start: date, end: date) -> list[Any]:
    return [column >= start, column < end]


def visit_statement(scope: KpiScope, start: date, end: date) -> Any:
    """Visits due in [start, end), with their customer, claim and assignee."""
    v, c, cl, u = visits_t.c, customers_t.c, claims_t.c, users_t.c
    return (select(v.id, v.due_date, v.step, v.status, v.attempts, v.channel, v.satisfaction,
                   v.completed_at, v.feedback, v.follow_up_needed, c.name, c.phone,
                   cl.claim_no, cl.claim_type, cl.paid_fen, u.display_name)
            .select_from(visits_t.join(customers_t, c.id == v.customer_id)
                         .outerjoin(claims_t, cl.id == v.claim_id)
                         .outerjoin(users_t, u.id == v.assignee_id))
            .where(*_scoped(visits_t, "assignee_id", scope), *_due_between(v.due_date, start, end))
            .order_by(v.due_date, v.id))


def visit_count(scope: KpiScope, start: date, end: date) -> Any:
    """How many rows `visit_statement` gives, counted on visits alone (every visit has its
    customer), for the progress bar."""
    v = visits_t.c
    return select(func.count()).select_from(visits_t).where(
        *_scoped(visits_t, "assignee_id", scope), *_due_between(v.due_date, start, end))


def attempt_count(scope: KpiScope, window: Window) -> Any:
    """Attempts made in the period (on any live visit when the scope is the branch)."""
    a, v = attempts_t.c, visits_t.c
    statement = select(func.count()).select_from(attempts_t).where(
        a.branch_id == scope.branch_id, a.deleted.is_(False), window.covers(a.attempted_at))
    if scope.manager_id is not None:
        statement = statement.where(a.visit_id.in_(select(v.id).where(v.assignee_id == scope.manager_id)))
    return statement


def attempt_statement(scope: KpiScope, window: Window) -> Any:
    """Attempts made in the period on visits in scope.

    The period's attempts are picked first and then joined: left to itself the planner walks
    every visit of the branch and probes its attempts (seconds at 300,000 visits). A LIMIT
    keeps SQLite from flattening the subquery back into the join."""
    a_all = attempts_t.c
    made = (select(attempts_t).where(a_all.branch_id == scope.branch_id, a_all.deleted.is_(False),
                                     window.covers(a_all.attempted_at))
            .limit(-1).subquery("made"))
    a, v, c, u = made.c, visits_t.c, customers_t.c, users_t.c
    return (select(v.due_date, c.name, c.phone, v.step, a.attempted_at, u.display_name,
                   a.channel, a.result, a.satisfaction, a.notes)
            .select_from(made.join(visits_t, v.id == a.visit_id)
                         .join(customers_t, c.id == v.customer_id)
                         .outerjoin(users_t, u.id == a.user_id))
            .where(*_scoped(visits_t, "assignee_id", scope))
            .order_by(a.attempted_at, a.id))


def complaint_statement(scope: KpiScope, window: Window) -> Any:
    """Complaints opened in the period, with customer, claim and owner."""
    k, c, cl, u = complaints_t.c, customers_t.c, claims_t.c, users_t.c
    return (select(k.id, k.opened_at, c.name, c.phone, cl.claim_no, k.category, k.complexity,
                   u.display_name, k.state, k.escalation_level, k.acknowledged_at,
                   k.resolved_at, k.closed_at, k.resolution, k.root_cause, k.summary,
                   first_response_at(k).label("responded_at"))
            .select_from(complaints_t.join(customers_t, c.id == k.customer_id)
                         .outerjoin(claims_t, cl.id == k.claim_id)
                         .outerjoin(users_t, u.id == k.owner_id))
            .where(*_scoped(complaints_t, "owner_id", scope), window.covers(k.opened_at))
            .order_by(k.opened_at, k.id))


def complaint_events(conn: Any, complaint_ids: Iterable[str]) -> dict[str, list[Any]]:
    """(kind, at, reason) of each complaint's history, oldest first."""
    e = events_t.c
    history: dict[str, list[Any]] = {}
    rows = conn.execute(select(e.complaint_id, e.kind, e.at, e.reason).where(
        e.complaint_id.in_(list(complaint_ids)), e.deleted.is_(False)).order_by(e.complaint_id, e.at))
    for complaint_id, kind, at, reason in rows:
        history.setdefault(complaint_id, []).append((kind, at, reason))
    return history


def care_statement(scope: KpiScope, start: date, end: date) -> Any:
    """Care items due in [start, end)."""
    ci, c, u = care_t.c, customers_t.c, users_t.c
    return (select(ci.due_date, ci.kind, ci.title, c.name, c.phone, u.display_name, ci.status,
                   ci.done_at, ci.note)
            .select_from(care_t.join(customers_t, c.id == ci.customer_id)
                         .outerjoin(users_t, u.id == ci.assignee_id))
            .where(*_scoped(care_t, "assignee_id", scope), c.deleted.is_(False),
                   *_due_between(ci.due_date, start, end))
            .order_by(ci.due_date, ci.id))
