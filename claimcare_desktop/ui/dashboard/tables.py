"""Columns of the dashboard's tables."""
from __future__ import annotations

import json

from PySide6.QtCore import QT_TRANSLATE_NOOP as N
from PySide6.QtCore import QCoreApplication

from claimcare_desktop.domain.kpi import KPI_TARGETS, KpiResult
from claimcare_desktop.domain.masking import mask_phone
from claimcare_desktop.store.kpi_queries import ManagerKpis

from ..care_profile.formatting import day, local_time
from ..care_profile.messages import risk_reason_text
from ..care_profile.records import Column
from ..labels import label
from .kpi_format import kpi_name, status_colour, status_text, value_text

CONTEXT = "DashboardTables"


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


KPI_COLUMNS = (
    Column(N(CONTEXT, "Measure"), lambda r: kpi_name(r.key), 230),
    Column(N(CONTEXT, "Actual"), lambda r: value_text(r.key, r.actual), 90, numeric=True),
    Column(N(CONTEXT, "Target"), lambda r: value_text(r.key, r.target), 90, numeric=True),
    Column(N(CONTEXT, "Same period last year"), lambda r: value_text(r.key, r.baseline_last_year), 150,
           numeric=True),
    Column(N(CONTEXT, "Status"), status_text, 100, colour=status_colour),
)


def _manager_column(index: int) -> Column:
    """One KPI of the per-manager table; each manager's results are in KPI_TARGETS order."""
    key = KPI_TARGETS[index].key

    def text(row: ManagerKpis) -> str:
        return value_text(key, row.results[index].actual)

    def colour(row: ManagerKpis):
        return status_colour(row.results[index])

    return Column(key, text, 120, numeric=True, colour=colour)


MANAGER_COLUMNS = (Column(N(CONTEXT, "Account manager"), lambda r: r.display_name, 100),) + tuple(
    _manager_column(i) for i in range(len(KPI_TARGETS)))


def manager_headers() -> list[str]:
    """The first column's header, then the KPI names (translated in their own context)."""
    return [_tr("Account manager")] + [kpi_name(t.key) for t in KPI_TARGETS]


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
    Column(N(CONTEXT, "Customer"), lambda r: r.name, 80),
    Column(N(CONTEXT, "Phone"), lambda r: mask_phone(r.phone), 100),
    Column(N(CONTEXT, "Account manager"), lambda r: r.manager_name or "", 90),
    Column(N(CONTEXT, "Score"), lambda r: str(r.score), 50, numeric=True),
    Column(N(CONTEXT, "Level"), lambda r: label("risk_level", r.level), 60),
    Column(N(CONTEXT, "Why"), lambda r: _reasons(r.reasons), 400),
)

LOAD_COLUMNS = (
    Column(N(CONTEXT, "Colleague"), lambda r: r.name, 100),
    Column(N(CONTEXT, "Role"), lambda r: label("role", r.role), 90),
    Column(N(CONTEXT, "Open visits"), lambda r: str(r.open_visits), 80, numeric=True),
    Column(N(CONTEXT, "Overdue visits"), lambda r: str(r.overdue_visits), 90, numeric=True),
    Column(N(CONTEXT, "Open complaints"), lambda r: str(r.open_complaints), 100, numeric=True),
    Column(N(CONTEXT, "Due in 14 days"), lambda r: str(r.due_soon), 100, numeric=True),
)


def _work_detail(item) -> str:
    if item.kind == "visit":
        return label("visit_step", item.detail)
    return label("complaint_category", item.detail)


DUE_COLUMNS = (
    Column(N(CONTEXT, "Due"), lambda r: day(r.due), 90),
    Column(N(CONTEXT, "Work"), lambda r: _tr("Visit") if r.kind == "visit" else _tr("Complaint"), 70),
    Column(N(CONTEXT, "Customer"), lambda r: r.customer_name, 80),
    Column(N(CONTEXT, "Step / category"), _work_detail, 110),
    Column(N(CONTEXT, "With"), lambda r: r.owner_name or _tr("Nobody"), 90),
)


def _json(value) -> str:
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


CONFLICT_COLUMNS = (
    Column(N(CONTEXT, "Decided"), lambda r: local_time(r.decided_at), 125),
    Column(N(CONTEXT, "Table"), lambda r: r.table_name, 90),
    Column(N(CONTEXT, "Field"), lambda r: r.field, 110),
    Column(N(CONTEXT, "Kept value"), lambda r: _json(r.kept_value), 150),
    Column(N(CONTEXT, "Value set aside"), lambda r: _json(r.lost_value), 150),
    Column(N(CONTEXT, "Set aside from"), lambda r: r.lost_user_name or r.lost_device_id or "", 110),
    Column(N(CONTEXT, "Record"), lambda r: r.row_id, 260),
)


def result_for(results: list[KpiResult], key: str) -> KpiResult | None:
    return next((r for r in results if r.key == key), None)
