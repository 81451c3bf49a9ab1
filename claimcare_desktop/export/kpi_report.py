"""KPI report: every DESIGN §2 target against its actual value, per manager and per month,
with a native line chart of the monthly trend of the rate targets."""
from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

from openpyxl.chart import LineChart, Reference
from openpyxl.utils import get_column_letter

from ..domain.kpi import KPI_TARGETS, KpiResult
from ..store import kpi_queries as kq
from .request import ReportInput
from .workbook import Column, Formatted, Sheet

TITLE = "kpi"
TREND_MONTHS = 12
KINDS = {"response_time": "hours", "satisfaction_score": "number"}
RATE_KEYS = [t.key for t in KPI_TARGETS if t.key not in KINDS]
ORDERED_KEYS = RATE_KEYS + [key for key in KINDS]


def _kind(key: str) -> str:
    return KINDS.get(key, "percent")


def _verdict(result: KpiResult) -> str:
    return {True: "yes", False: "no", None: "unknown"}[result.on_target]


def _target_rows(inp: ReportInput, results: list[KpiResult]) -> list[tuple[Any, ...]]:
    label = inp.tr.label
    return [(label("kpi", r.key), label("kpi_goal", r.key), Formatted(r.target, _kind(r.key)),
             Formatted(r.actual, _kind(r.key)), Formatted(r.baseline_last_year, _kind(r.key)),
             label("verdict", _verdict(r))) for r in results]


def _key_columns(inp: ReportInput) -> list[Column]:
    return [Column(inp.tr.label("kpi", key), _kind(key)) for key in ORDERED_KEYS]


def _actuals(results: list[KpiResult]) -> list[float | None]:
    by_key = {r.key: r.actual for r in results}
    return [by_key[key] for key in ORDERED_KEYS]


def _per_manager(inp: ReportInput) -> Iterator[tuple[Any, ...]]:
    w = inp.window
    if inp.scope.manager_id is not None:
        people = [(inp.scope.manager_id, inp.user.display_name)]
    else:
        people = kq.managers_of(inp.conn, inp.scope.branch_id)
    for manager_id, name in people:
        scope = kq.KpiScope(inp.scope.branch_id, manager_id)
        yield (name, *_actuals(kq.kpi_report(inp.conn, scope, w.start, w.end, now=w.now)))


def _per_month(inp: ReportInput) -> Iterator[tuple[Any, ...]]:
    """One month at a time, so the progress bar moves and a cancel is honoured meanwhile."""
    last_month = inp.window.end - timedelta(days=1)
    for back in range(TREND_MONTHS - 1, -1, -1):
        anchor = _month_before(last_month, back)
        (month,) = kq.kpi_monthly_trend(inp.conn, inp.scope, anchor, 1, now=inp.window.now)
        yield (month.month_start, *_actuals(month.results))


def _month_before(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 - months
    return date(index // 12, index % 12 + 1, 1)


def trend_chart(title: str) -> LineChart:
    chart = LineChart()
    chart.title = title
    chart.height, chart.width = 10, 24
    chart.y_axis.number_format = "0%"
    chart.y_axis.scaling.min = 0
    chart.x_axis.number_format = "yyyy-mm"
    chart.x_axis.delete = False  # openpyxl 3.1 hides axes unless told
    chart.y_axis.delete = False
    return chart


def _decorate_trend(title: str) -> Any:
    def decorate(ws: Any, rows: int) -> None:
        if rows == 0:
            return
        chart = trend_chart(title)
        data = Reference(ws, min_col=2, max_col=1 + len(RATE_KEYS), min_row=1, max_row=rows + 1)
        chart.add_data(data, titles_from_data=True)
        chart.set_categories(Reference(ws, min_col=1, min_row=2, max_row=rows + 1))
        ws.add_chart(chart, f"{get_column_letter(len(ORDERED_KEYS) + 3)}2")
    return decorate


def sheets(inp: ReportInput) -> list[Sheet]:
    w = inp.window
    results = kq.kpi_report(inp.conn, inp.scope, w.start, w.end, now=w.now)
    targets = (Column("Target"), Column("Goal"), Column("Goal this period", "number"),
               Column("Actual", "number"), Column("Same period last year", "number"), Column("Verdict"))
    managers = 1 if inp.scope.manager_id else len(kq.managers_of(inp.conn, inp.scope.branch_id))
    chart_title = inp.tr.text("Monthly trend of the rate targets")
    return [
        Sheet("KPIs", targets, _target_rows(inp, results), len(results)),
        Sheet("By manager", [Column("Account manager"), *_key_columns(inp)], _per_manager(inp),
              managers),
        Sheet("Monthly trend", [Column("Month", "month"), *_key_columns(inp)], _per_month(inp),
              TREND_MONTHS, decorate=_decorate_trend(chart_title)),
    ]
