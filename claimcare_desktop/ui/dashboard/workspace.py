"""The supervisor's dashboard: every DESIGN §2 target for a period and scope, the monthly
trend, managers side by side, at-risk customers, workload with bulk reassignment, and the
sync conflict log. KPIs reload on request (they are the expensive part); the workload
reloads whenever visits or complaints change."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from claimcare_desktop.domain.kpi import KPI_TARGETS
from claimcare_desktop.domain.periods import PERIOD_KINDS, period_bounds
from claimcare_desktop.domain.timeutil import local_date
from claimcare_desktop.store.complaint_ops import Actor
from claimcare_desktop.store.kpi_queries import KpiScope, managers_of
from claimcare_desktop.store.workload import BulkResult, bulk_reassign

from ..common.clock import utc_now
from ..common.error_messages import error_text
from ..common.layout_memory import LayoutMemory
from ..common.records_model import RecordsModel
from ..common.table_views import records_view
from ..context import AppContext
from .chart import TrendChart, TrendPoint
from .kpi_format import kpi_name, value_text
from .kpi_loader import KpiLoader
from .loading import BranchWork, KpiRequest, KpiSummary, load_work
from .tables import (
    AT_RISK_COLUMNS,
    CONFLICT_COLUMNS,
    CONTEXT,
    KPI_COLUMNS,
    MANAGER_COLUMNS,
    manager_headers,
    result_for,
)
from .workload_panel import WorkloadPanel

DEFAULT_TREND = "visit_satisfaction"  # the snapshot measures make flat lines
WORK_TABLES = frozenset({"visits", "complaints", "complaint_events", "users", "conflict_log"})


class Workspace(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.now = utc_now  # tests replace it
        self.summary_data: KpiSummary | None = None
        self.trend: list | None = None
        self.work: BranchWork | None = None
        self.loader = KpiLoader(ctx, self)
        self._build_controls()
        self._build_tabs()
        layout = QVBoxLayout(self)
        layout.addLayout(self.controls)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        self.layout_memory = LayoutMemory(ctx, "dashboard", {
            "targets": self.kpi_table.horizontalHeader(), "managers": self.manager_table.horizontalHeader(),
            "at_risk": self.risk_table.horizontalHeader(), "due": self.workload.due_table.horizontalHeader()})
        self.layout_memory.restore()
        self._connect()
        self._load_managers()
        self.refresh()

    def nav_title(self) -> str:
        return self.tr("Dashboard")

    def save_layout(self) -> None:
        self.layout_memory.save()

    # ---- building ----
    def _build_controls(self) -> None:
        self.period = QComboBox(self)
        self.period.setObjectName("period_kind")
        for kind, text in zip(PERIOD_KINDS, (self.tr("Month"), self.tr("Quarter"), self.tr("Year"))):
            self.period.addItem(text, kind)
        self.anchor = QDateEdit(self)
        self.anchor.setObjectName("period_anchor")
        self.anchor.setCalendarPopup(True)
        self.anchor.setDisplayFormat("yyyy-MM-dd")
        today = local_date(self.now())
        self.anchor.setDate(QDate(today.year, today.month, today.day))
        self.scope = QComboBox(self)
        self.scope.setObjectName("kpi_scope")
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        for combo in (self.period, self.scope):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.controls = QHBoxLayout()
        for caption, widget in ((self.tr("Period"), self.period), (self.tr("Containing"), self.anchor),
                                (self.tr("Scope"), self.scope)):
            self.controls.addWidget(QLabel(caption, self))
            self.controls.addWidget(widget)
        self.controls.addStretch(1)
        self.controls.addWidget(self.refresh_button)
        self.summary = QLabel(self)
        self.summary.setObjectName("kpi_summary")
        self.summary.setStyleSheet("font-size:14px;padding:4px 0")

    def _build_tabs(self) -> None:
        self.tabs = QTabWidget(self)
        self.kpi_model = RecordsModel(CONTEXT, KPI_COLUMNS, self)
        self.manager_model = RecordsModel(CONTEXT, MANAGER_COLUMNS, self, headers=manager_headers())
        self.risk_model = RecordsModel(CONTEXT, AT_RISK_COLUMNS, self)
        self.conflict_model = RecordsModel(CONTEXT, CONFLICT_COLUMNS, self)
        self.kpi_table = records_view(self.kpi_model, self, "kpi_table")
        self.manager_table = records_view(self.manager_model, self, "manager_kpi_table")
        self.risk_table = records_view(self.risk_model, self, "at_risk_table")
        self.conflict_table = records_view(self.conflict_model, self, "conflict_table")
        self.workload = WorkloadPanel(self)
        self.tabs.addTab(self.kpi_table, self.tr("Targets"))
        self.trend_tab = self._trend_tab()
        self.tabs.addTab(self.trend_tab, self.tr("Monthly trend"))
        self.tabs.addTab(self.manager_table, self.tr("By account manager"))
        self.tabs.addTab(self.risk_table, self.tr("At-risk customers"))
        if self.ctx.user.is_supervisor:
            self.tabs.addTab(self.workload, self.tr("Workload"))
            self.tabs.addTab(self._conflict_tab(), self.tr("Sync conflicts"))

    def _conflict_tab(self) -> QWidget:
        tab = QWidget(self)
        self.conflict_caption = QLabel(tab)
        self.conflict_caption.setObjectName("conflict_caption")
        self.conflict_caption.setWordWrap(True)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.conflict_caption)
        layout.addWidget(self.conflict_table, 1)
        return tab

    def _trend_tab(self) -> QWidget:
        tab = QWidget(self)
        self.trend_kpi = QComboBox(tab)
        self.trend_kpi.setObjectName("trend_kpi")
        for target in KPI_TARGETS:
            self.trend_kpi.addItem(kpi_name(target.key), target.key)
        self.trend_kpi.setCurrentIndex(self.trend_kpi.findData(DEFAULT_TREND))
        self.chart = TrendChart(tab)
        legend = QLabel(self.tr("Blue line: actual; dashed: target; dots green when on target, red when off."), tab)
        legend.setStyleSheet("color:#666")
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Measure"), tab))
        row.addWidget(self.trend_kpi)
        row.addWidget(legend, 1)
        layout = QVBoxLayout(tab)
        layout.addLayout(row)
        layout.addWidget(self.chart, 1)
        return tab

    def _connect(self) -> None:
        self.refresh_button.clicked.connect(self.refresh)
        self.period.currentIndexChanged.connect(lambda _i: self.load_kpis())
        self.anchor.dateChanged.connect(lambda _d: self.load_kpis())
        self.scope.currentIndexChanged.connect(lambda _i: self.load_kpis())
        self.trend_kpi.currentIndexChanged.connect(lambda _i: self._show_trend())
        self.tabs.currentChanged.connect(lambda _i: self._load_visible_tab())
        self.loader.sig_summary.connect(self._show_summary)
        self.loader.sig_trend.connect(self._trend_loaded)
        self.loader.sig_managers.connect(self.manager_model.set_rows)
        self.loader.sig_failed.connect(self._failed)
        self.risk_table.doubleClicked.connect(self._open_customer)
        self.workload.sig_reassign.connect(self.reassign)
        self.ctx.changes.sig_changed.connect(self._on_changed)

    # ---- loading ----
    def refresh(self) -> None:
        self.load_kpis()
        if self.ctx.user.is_supervisor:
            self.load_work()

    def _load_managers(self) -> None:
        engine, branch_id = self.ctx.profile.engine, self.ctx.user.branch_id

        def job(state):
            with engine.connect() as conn:
                return managers_of(conn, branch_id)

        self.ctx.tasks.run_db(job, on_done=self._managers_loaded)

    def _managers_loaded(self, managers: list[tuple[str, str]]) -> None:
        user = self.ctx.user
        self.scope.blockSignals(True)
        self.scope.clear()
        if user.is_supervisor:
            self.scope.addItem(self.tr("Whole branch"), None)
            for manager_id, name in managers:
                self.scope.addItem(name, manager_id)
        else:
            self.scope.addItem(user.display_name, user.id)
        self.scope.blockSignals(False)
        self.workload.set_people(managers)

    def period_bounds(self) -> tuple[date, date]:
        anchor = self.anchor.date()
        return period_bounds(self.period.currentData(), date(anchor.year(), anchor.month(), anchor.day()))

    def _scope(self) -> KpiScope:
        user = self.ctx.user
        manager_id = self.scope.currentData() if user.is_supervisor else user.id
        return KpiScope(user.branch_id, manager_id)

    def load_kpis(self) -> None:
        start, end = self.period_bounds()
        self.summary_data, self.trend = None, None
        self.summary.setText(self.tr("Computing…"))
        self.manager_model.set_rows([])
        self.chart.set_points([], str, self.tr("Computing…"))
        self.loader.start(KpiRequest(self._scope(), start, end, self.now()))

    def _load_visible_tab(self) -> None:
        if self.summary_data is None:
            return  # the summary goes first; the tab is loaded when it arrives
        current = self.tabs.currentWidget()
        if current is self.trend_tab:
            self.loader.want_trend()
        elif current is self.manager_table:
            self.loader.want_managers()

    def _show_summary(self, data: KpiSummary) -> None:
        self.summary_data = data
        self.kpi_model.set_rows(data.report)
        self.risk_model.set_rows(data.at_risk)
        start, end = self.period_bounds()
        judged = [r for r in data.report if r.on_target is not None]
        met = sum(1 for r in judged if r.on_target)
        self.summary.setText(
            self.tr("%1 to %2: %3 of %4 measurable targets met")
            .replace("%1", start.isoformat()).replace("%2", date.fromordinal(end.toordinal() - 1).isoformat())
            .replace("%3", str(met)).replace("%4", str(len(judged))))
        self._load_visible_tab()

    def _trend_loaded(self, trend: list) -> None:
        self.trend = trend
        self._show_trend()

    def _show_trend(self) -> None:
        if self.trend is None:
            return
        key = self.trend_kpi.currentData()
        points = []
        for month in self.trend:
            result = result_for(month.results, key)
            points.append(TrendPoint(month.month_start.strftime("%Y-%m"), result.actual, result.target,
                                     result.on_target))
        self.chart.set_points(points, lambda value: value_text(key, value),
                              self.tr("No data for this measure in the last 12 months."))

    def load_work(self) -> None:
        engine, branch_id, now = self.ctx.profile.engine, self.ctx.user.branch_id, self.now()

        def job(state):
            with engine.connect() as conn:
                return load_work(conn, branch_id, local_date(now), now)

        self.ctx.tasks.run_db(job, on_done=self._show_work, on_error=self._failed)

    def _show_work(self, work: BranchWork) -> None:
        self.work = work
        self.workload.loads.set_rows(work.loads)
        self.workload.show_due(work.due, work.due_total)
        self.conflict_model.set_rows(work.conflicts)
        if work.conflicts:
            self.conflict_caption.setText(self.tr(
                "When two people changed the same field before syncing, HQ kept one value by its "
                "fixed rule; the value set aside is listed here so nothing is lost silently."))
        else:
            self.conflict_caption.setText(self.tr("No sync conflicts: every change of this branch "
                                                  "merged without overwriting another."))

    def _failed(self, error: BaseException) -> None:
        self.summary.setText(error_text(error))

    def _on_changed(self, tables: frozenset[str]) -> None:
        if self.ctx.user.is_supervisor and tables & WORK_TABLES:
            self.load_work()

    # ---- actions ----
    def reassign(self, new_owner_id: str, visit_ids: list[str], complaint_ids: list[str]) -> None:
        user = self.ctx.user
        actor = Actor(user.id, user.role, user.branch_id)
        profile = self.ctx.profile

        def done(result: BulkResult) -> None:
            self.workload.status.setText(
                self.tr("Handed over %1 visit(s) and %2 complaint(s); %3 left as they were.")
                .replace("%1", str(result.visits_moved)).replace("%2", str(result.complaints_moved))
                .replace("%3", str(result.unchanged)))
            self.ctx.changes.notify({"visits", "complaints", "complaint_events"})

        self.ctx.tasks.run_db(
            lambda state: bulk_reassign(profile, actor, new_owner_id, visit_ids, complaint_ids),
            on_done=done, on_error=lambda error: self.workload.status.setText(error_text(error)))

    def _open_customer(self, index) -> None:
        customer = self.risk_model.row_at(index.row())
        if customer is not None:
            self.ctx.navigate("care_profile", customer_id=customer.customer_id)
