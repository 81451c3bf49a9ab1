"""The supervisor dashboard on a small generated branch, driven through its widgets."""
from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import QItemSelectionModel
from sqlalchemy import insert, select

from claimcare_desktop.domain.kpi import KPI_TARGETS
from claimcare_desktop.store import models as m
from claimcare_desktop.ui.dashboard.workspace import Workspace



@pytest.fixture
def branch(seeded):
    """The suite's generated branch: users sorted by name, mgr1 before mgr2."""
    return {"supervisor": seeded.supervisor, "mgr1": seeded.manager, "mgr2": seeded.other_manager}


def workspace(qtbot, ctx) -> Workspace:
    ws = Workspace(ctx)
    qtbot.addWidget(ws)
    ws.resize(1300, 750)
    qtbot.waitUntil(lambda: ws.summary_data is not None, timeout=10000)
    return ws


def test_targets_with_on_off_signal_for_a_chosen_period(qtbot, branch, make_ctx):
    ws = workspace(qtbot, make_ctx(branch["supervisor"]))
    assert ws.kpi_model.rowCount() == len(KPI_TARGETS)
    statuses = {ws.kpi_model.text(r, 5) for r in range(ws.kpi_model.rowCount())}
    assert ws.kpi_model.text(0, 1) == "≥ 80.0%" and ws.kpi_model.text(6, 1) == "-15% vs last year"
    assert statuses <= {"On target", "Off target", "No data"} and statuses & {"On target", "Off target"}
    assert ws.risk_model.rowCount() > 0
    assert "targets met" in ws.summary.text()
    assert ws.trend is None and ws.manager_model.rowCount() == 0  # loaded when first shown
    ws.tabs.setCurrentWidget(ws.trend_tab)
    qtbot.waitUntil(lambda: len(ws.chart.points) == 12)
    assert any(p.on_target is not None for p in ws.chart.points)
    ws.tabs.setCurrentWidget(ws.manager_table)
    qtbot.waitUntil(lambda: ws.manager_model.rowCount() == 2)
    year = ws.anchor.date().year()
    ws.period.setCurrentIndex(ws.period.findData("year"))
    qtbot.waitUntil(lambda: ws.period_bounds() == (date(year, 1, 1), date(year + 1, 1, 1))
                    and "targets met" in ws.summary.text())
    assert ws.summary.text().startswith(f"{year}-01-01 to {year}-12-31")
    ws.scope.setCurrentIndex(1)  # one manager: nothing to compare them with
    qtbot.waitUntil(lambda: "targets met" in ws.summary.text() and ws.loader.request.scope.manager_id is not None)
    assert ws.manager_model.rowCount() == 0


def test_supervisor_bulk_reassigns_from_the_workload_view(qtbot, branch, make_ctx, profile):
    ws = workspace(qtbot, make_ctx(branch["supervisor"]))
    qtbot.waitUntil(lambda: ws.work is not None and ws.workload.target.count() == 2)
    mgr1, mgr2 = branch["mgr1"].id, branch["mgr2"].id
    rows = [i for i, item in enumerate(ws.work.due) if item.owner_id == mgr1][:3]
    assert rows, "the demo branch should have work due for mgr1"
    moved_ids = [ws.work.due[i].id for i in rows]
    selection = ws.workload.due_table.selectionModel()
    for row in rows:
        selection.select(ws.workload.due.index(row, 0),
                         QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    ws.workload.target.setCurrentIndex(ws.workload.target.findData(mgr2))
    before = {load.user_id: load.due_soon + load.overdue_visits for load in ws.work.loads}
    ws.workload.reassign_button.click()
    qtbot.waitUntil(lambda: "Handed over" in ws.workload.status.text())
    qtbot.waitUntil(lambda: all(i.owner_id == mgr2 for i in ws.work.due if i.id in moved_ids))
    with profile.engine.connect() as conn:
        owners = set(conn.execute(select(m.Visit.assignee_id).where(m.Visit.id.in_(moved_ids))).scalars())
        owners |= set(conn.execute(select(m.Complaint.owner_id).where(m.Complaint.id.in_(moved_ids))).scalars())
    assert owners == {mgr2}
    assert {load.user_id: load.due_soon + load.overdue_visits for load in ws.work.loads} != before


def test_work_due_says_when_the_list_is_cut(qtbot, branch, make_ctx):
    ws = workspace(qtbot, make_ctx(branch["supervisor"]))
    qtbot.waitUntil(lambda: ws.work is not None)
    assert ws.work.due_total == len(ws.work.due) and ws.workload.due_count.isHidden()
    ws.workload.show_due(ws.work.due[:2], 12_345)  # as the big branch's 10,000+ visits due would
    assert ws.workload.due.rowCount() == 2 and not ws.workload.due_count.isHidden()
    assert "2" in ws.workload.due_count.text() and "12345" in ws.workload.due_count.text()


def test_nothing_selected_and_manager_has_no_workload_tab(qtbot, branch, make_ctx):
    ws = workspace(qtbot, make_ctx(branch["supervisor"]))
    ws.workload.reassign_button.click()
    assert "Select" in ws.workload.status.text()
    mine = workspace(qtbot, make_ctx(branch["mgr1"]))
    titles = [mine.tabs.tabText(i) for i in range(mine.tabs.count())]
    assert "Workload" not in titles and "Sync conflicts" not in titles
    assert mine.scope.count() == 1 and mine.kpi_model.rowCount() == len(KPI_TARGETS)


def test_conflict_log_is_readable(qtbot, branch, make_ctx, profile):
    supervisor = branch["supervisor"]
    with profile.engine.begin() as conn:
        customer_id = conn.execute(select(m.Customer.id).limit(1)).scalar_one()
        conn.execute(insert(m.ConflictEntry.__table__), [dict(
            id="conflict-1", branch_id=supervisor.branch_id, decided_at=datetime(2026, 11, 19, 3, 0), table_name="customers",
            row_id=customer_id, field="preferred_channel", kept_value="wechat", lost_value="sms",
            lost_device_id="pc-7", lost_user_id=branch["mgr2"].id)])
    ws = workspace(qtbot, make_ctx(supervisor))
    qtbot.waitUntil(lambda: ws.conflict_model.rowCount() == 1)
    assert [ws.conflict_model.text(0, c) for c in range(6)] == [
        "2026-11-19 11:00", "customers", "preferred_channel", "wechat", "sms", branch["mgr2"].display_name]


def test_dashboard_models_pass_qtmodeltester(qtbot, qtmodeltester, branch, make_ctx):
    ws = workspace(qtbot, make_ctx(branch["supervisor"]))
    ws.tabs.setCurrentWidget(ws.manager_table)
    qtbot.waitUntil(lambda: ws.work is not None and ws.manager_model.rowCount() == 2)
    for model in (ws.kpi_model, ws.manager_model, ws.risk_model, ws.conflict_model,
                  ws.workload.loads, ws.workload.due):
        qtmodeltester.check(model)
