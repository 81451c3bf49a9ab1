"""Columns of the dashboard's tables."""
from __future__ import annotations

import json

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtCore import QCoreApplication

from claimcare_desktop.domain.kpi import KPI_TARGETS, KpiResult
from claimcare_desktop.domain.masking import mask_phone
from claimcare_desktop.store.kpi_queries import ManagerKpis

from ..common.formatting import day, local_time
from ..common.records_model import Column
from ..common.risk_reasons import risk_reason_text
from ..labels import label
from .kpi_format import kpi_name, rule_text, status_colour, status_text, value_text

CONTEXT = "DashboardTables"



KPI_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("DashboardTables", "Measure"), lambda r: kpi_name(r.key), 230),
    Column(QT_TRANSLATE_NOOP("DashboardTables", "Goal"), lambda r: rule_text(r.key), 150),
    Column(QT_TRANSLATE_NOOP("DashboardTables", "Actual"), lambda r: value_text(r.key, r.actual), 90, numeric=True),
    Column(QT_TRANSLATE_NOOP("DashboardTables", "Target"), lambda r: value_text(r.key, r.target), 90, numeric=True),
    Column(QT_TRANSLATE_NOOP("DashboardTables", "Same period last year"), lambda r: value_text(r.key, r.baseline_last_year), 150,
           numeric=True),
    Column(QT_TRANSLATE_NOOP("DashboardTables", "Status"), status_text, 100, colour=status_colour),
)


def _manager_column(index: int) -> Column:
    """One KPI of the per-manager table; each manager's results are in KPI_TARGETS order."""
    key = KPI_TARGETS[index].key

    def text(row: ManagerKpis) -> str:
        return value_text(key, row.results[index].actual)

    def colour(row: ManagerKpis):
        return status_colour(row.results[index])

    return Column(key, text, 140, numeric=True, colour=colour)


MANAGER_COLUMNS = (Column(QT_TRANSLATE_NOOP("DashboardTables", "Account manager"), lambda r: r.display_name, 100),) + tuple(
    _manager_column(i) for i in range(len(KPI_TARGETS)))


def manager_headers() -> list[str]:
    """The first column's header, then the KPI names (translated in their own context)."""
    return [QCoreApplication.translate("DashboardTables", "Account manager")] + [kpi_name(t.key) for t in KPI_TARGETS]


def _reasons(reasons: list) -> str:
    texts = []
    for reason in reasons:
        if isinstance(reason, dict):
            params = reason.get("params", reason.get("detail_params")) or {}
            texts.append(risk_reason_text(str(reason.get("code", "")), dict(params)))
        else:
            texts.append(str(reason))
    return "；".join(texts)


AT_RISK_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("DashboardTables", "Customer"), lambda r: r.name, 80),
    Column(QT_TRANSLATE_NOOP("DashboardTables", "Phone"), lambda r: mask_phone(r.phone), 100),
    Column(QT_TRANSLATE_NOOP("DashboardTables", "Account manager"), lambda r: r.manager_name or "", 90),
    Column(QT_TRANSLATE_NOOP("DashboardTables", "Score"), lambda r: str(r.score), 50, numeric=True),
    Column(QT_TRANSLATE_NOOP("DashboardTables", "Level"), lambda r: label("risk_level", r.level), 60),
    Column(QT_TRANSLATE_NOOP("DashboardTables", "Why"), lambda r: _reasons(r.reasons), 400),
)

LOAD_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("DashboardTables", "Colleague"), lambda r: r.name, 100),
    Column(QT_TRANSLATE_NOOP("DashboardTables", "Open visits"), lambda r: str(r.open_visits), 110, numeric=True),
    Column(QT_TRANSLATE_NOOP("DashboardTables", "Overdue visits"), lambda r: str(r.overdue_visits), 110, numeric=True),
    Column(QT_TRANSLATE_NOOP("DashboardTables", "Open complaints"), lambda r: str(r.open_complaints), 120, numeric=True),
    Column(QT_TRANSLATE_NOOP("DashboardTables", "Due in 14 days"), lambda r: str(r.due_soon), 110, numeric=True),
    Column(QT_TRANSLATE_NOOP("DashboardTables", "Role"), lambda r: label("role", r.role), 120),
)


def _work_detail(item) -> str:
    if item.kind == "visit":
        return label("visit_step", item.detail)
    return label("complaint_category", item.detail)


DUE_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("DashboardTables", "Due"), lambda r: day(r.due), 90),
    Column(QT_TRANSLATE_NOOP("DashboardTables", "Work"), lambda r: QCoreApplication.translate("DashboardTables", "Visit") if r.kind == "visit" else QCoreApplication.translate("DashboardTables", "Complaint"), 70),
    Column(QT_TRANSLATE_NOOP("DashboardTables", "Customer"), lambda r: r.customer_name, 80),
    Column(QT_TRANSLATE_NOOP("DashboardTables", "Step / category"), _work_detail, 110),
    Column(QT_TRANSLATE_NOOP("DashboardTables", "With"), lambda r: r.owner_name or QCoreApplication.translate("DashboardTables", "Nobody"), 90),
)


def _json(value) -> str:
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


CONFLICT_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("DashboardTables", "Decided"), lambda r: local_time(r.decided_at), 125),
    Column(QT_TRANSLATE_NOOP("DashboardTables", "Table"), lambda r: r.table_name, 90),
    Column(QT_TRANSLATE_NOOP("DashboardTables", "Field"), lambda r: r.field, 110),
    Column(QT_TRANSLATE_NOOP("DashboardTables", "Kept value"), lambda r: _json(r.kept_value), 150),
    Column(QT_TRANSLATE_NOOP("DashboardTables", "Value set aside"), lambda r: _json(r.lost_value), 150),
    Column(QT_TRANSLATE_NOOP("DashboardTables", "Set aside from"), lambda r: r.lost_user_name or r.lost_device_id or "", 110),
    Column(QT_TRANSLATE_NOOP("DashboardTables", "Record"), lambda r: r.row_id, 260),
)


def result_for(results: list[KpiResult], key: str) -> KpiResult | None:
    return next((r for r in results if r.key == key), None)
