"""What the dashboard reads, gathered in one job per refresh on the database lane."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Connection

from claimcare_desktop.domain.kpi import KpiResult
from claimcare_desktop.store import kpi_queries as kq
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
class KpiView:
    report: list[KpiResult]
    trend: list[kq.MonthKpis]
    managers: list[kq.ManagerKpis]
    at_risk: list[kq.AtRiskCustomer]


@dataclass(frozen=True)
class BranchWork:
    loads: list[ManagerLoad]
    due: list[DueItem]
    conflicts: list[ConflictRow]


def load_kpis(conn: Connection, scope: kq.KpiScope, start: date, end: date, now: datetime) -> KpiView:
    return KpiView(
        report=kq.kpi_report(conn, scope, start, end, now),
        trend=kq.kpi_monthly_trend(conn, scope, date.fromordinal(end.toordinal() - 1), TREND_MONTHS, now),
        managers=kq.kpi_by_manager(conn, scope.branch_id, start, end, now) if scope.manager_id is None else [],
        at_risk=kq.at_risk_customers(conn, scope),
    )


def load_work(conn: Connection, branch_id: str, today: date, now: datetime) -> BranchWork:
    return BranchWork(manager_workload(conn, branch_id, today, now), due_work(conn, branch_id, today, now),
                      conflict_log(conn, branch_id))
