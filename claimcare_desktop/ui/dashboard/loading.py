"""What the dashboard reads, in pieces small enough not to hold the database lane for long.

At 100k customers one KPI report takes seconds and the 12-month trend ten times that, so
the summary (the targets and the at-risk list) comes first, and the trend and the per-manager
table only when their tab is opened, one manager per job.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Connection

from claimcare_desktop.domain.kpi import KpiResult
from claimcare_desktop.store import kpi_queries as kq
from claimcare_desktop.store.at_risk import AtRiskCustomer, at_risk_customers
from claimcare_desktop.store.workload import (
    ConflictRow,
    DueItem,
    ManagerLoad,
    conflict_log,
    due_work,
    manager_workload,
)

TREND_MONTHS = 12


@dataclass(frozen=True)
class KpiRequest:
    scope: kq.KpiScope
    start: date
    end: date  # exclusive
    now: datetime


@dataclass(frozen=True)
class KpiSummary:
    report: list[KpiResult]
    at_risk: list[AtRiskCustomer]


@dataclass(frozen=True)
class BranchWork:
    loads: list[ManagerLoad]
    due: list[DueItem]  # the first workload.DUE_LIMIT, by date
    due_total: int
    conflicts: list[ConflictRow]


def load_summary(conn: Connection, request: KpiRequest) -> KpiSummary:
    return KpiSummary(kq.kpi_report(conn, request.scope, request.start, request.end, request.now),
                      at_risk_customers(conn, request.scope))


def load_trend(conn: Connection, request: KpiRequest) -> list[kq.MonthKpis]:
    last_day = date.fromordinal(request.end.toordinal() - 1)
    return kq.kpi_monthly_trend(conn, request.scope, last_day, TREND_MONTHS, request.now)


def load_manager(conn: Connection, request: KpiRequest, manager_id: str, name: str) -> kq.ManagerKpis:
    scope = kq.KpiScope(request.scope.branch_id, manager_id)
    return kq.ManagerKpis(manager_id, name, kq.kpi_report(conn, scope, request.start, request.end,
                                                          request.now))


def load_work(conn: Connection, branch_id: str, today: date, now: datetime) -> BranchWork:
    due = due_work(conn, branch_id, today, now)
    return BranchWork(manager_workload(conn, branch_id, today, now), due.items, due.total,
                      conflict_log(conn, branch_id))
