"""The Export workspace drives real exports on the worker lane (offscreen)."""
from __future__ import annotations

import threading
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from python_calamine import CalamineWorkbook
from sqlalchemy import select

from claimcare_desktop.store.models import AuditEntry
from claimcare_desktop.ui.context import CurrentUser
from claimcare_desktop.ui.export import workspace as ws_module
from claimcare_desktop.ui.export.presets import preset_days
from tests.export import dataset as d

SUPERVISOR = CurrentUser(d.SUP, "bj01.sup", "孙主管", "supervisor", d.BRANCH, "北京朝阳支公司")
MANAGER = CurrentUser(d.M1, "bj01.mgr1", "钱经理", "manager", d.BRANCH, "北京朝阳支公司")


@pytest.fixture
def workspace(profile, make_ctx, qtbot):
    d.build().write(profile)

    def make(user=SUPERVISOR):
        widget = ws_module.Workspace(make_ctx(user))
        qtbot.addWidget(widget)
        return widget

    return make


def _fill(widget, tmp_path, report="visits", name="out.xlsx"):
    widget.report.setCurrentIndex(widget.report.findData(report))
    widget.first_day.setDate(QDate(2026, 1, 1))
    widget.last_day.setDate(QDate(2026, 3, 31))
    widget.out.setText(str(tmp_path / name))
    widget.language.setCurrentIndex(widget.language.findData("en"))


def _run(widget, qtbot, button=None):
    with qtbot.waitSignal(widget.sig_export_finished, timeout=20000) as finished:
        qtbot.mouseClick(button or widget.export_button, Qt.MouseButton.LeftButton)
    return finished.args[0]


def test_supervisor_exports_the_branch_and_may_open_the_folder(workspace, tmp_path, qtbot, monkeypatch):
    widget = workspace()
    _fill(widget, tmp_path)
    assert widget.preset.currentData() == "custom"
    assert _run(widget, qtbot) == "done"
    rows = CalamineWorkbook.from_path(str(tmp_path / "out.xlsx")).get_sheet_by_name("Visits").to_python()
    assert len(rows) == 6 and rows[1][2] == "138****5678"
    assert "11 row(s)" in widget.status.text()
    opened = []
    monkeypatch.setattr(ws_module.QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    assert not widget.open_folder.isHidden()
    qtbot.mouseClick(widget.open_folder, Qt.MouseButton.LeftButton)
    assert opened == [str(tmp_path)]
    assert widget.export_button.isEnabled() and not widget.cancel_button.isEnabled()


def test_unmasked_export_is_audited(workspace, tmp_path, qtbot, profile):
    widget = workspace()
    _fill(widget, tmp_path, report="at-risk")
    widget.unmasked.setChecked(True)
    assert _run(widget, qtbot) == "done"
    rows = CalamineWorkbook.from_path(str(tmp_path / "out.xlsx")).get_sheet_by_name("Customers").to_python()
    assert rows[1][1] == "13812345678"
    with profile.engine.connect() as conn:
        assert conn.execute(select(AuditEntry.action)).scalars().all() == ["export_unmasked"]


def test_manager_sees_only_own_scope_and_no_unmask(workspace):
    widget = workspace(MANAGER)
    assert [widget.scope.itemData(i) for i in range(widget.scope.count())] == ["me"]
    assert widget.unmasked.isHidden()


def test_error_is_shown_and_nothing_written(workspace, tmp_path, qtbot):
    widget = workspace()
    _fill(widget, tmp_path)
    widget.out.setText(str(tmp_path / "missing" / "out.xlsx"))
    assert _run(widget, qtbot) == "failed"
    assert "Cannot write to" in widget.status.text()
    assert widget.open_folder.isHidden()


def test_cancel_leaves_no_file(workspace, tmp_path, qtbot, monkeypatch):
    gate = threading.Event()
    real = ws_module.run_export

    def gated(*args, **kwargs):
        gate.wait(10)  # hold the worker until the test has pressed Cancel
        return real(*args, **kwargs)

    monkeypatch.setattr(ws_module, "run_export", gated)
    widget = workspace()
    _fill(widget, tmp_path)
    with qtbot.waitSignal(widget.sig_export_finished, timeout=20000) as finished:
        qtbot.mouseClick(widget.export_button, Qt.MouseButton.LeftButton)
        assert widget.cancel_button.isEnabled() and not widget.export_button.isEnabled()
        qtbot.mouseClick(widget.cancel_button, Qt.MouseButton.LeftButton)
        gate.set()
    assert finished.args == ["cancelled"]
    assert list(tmp_path.glob("*.xlsx")) == [] and list(tmp_path.glob(".*")) == []
    assert "cancelled" in widget.status.text()


def test_presets_fill_the_dates():
    assert preset_days("last_quarter", date(2026, 5, 10)) == (date(2026, 1, 1), date(2026, 3, 31))
    assert preset_days("this_month", date(2026, 2, 10)) == (date(2026, 2, 1), date(2026, 2, 28))
    assert preset_days("last_month", date(2026, 1, 10)) == (date(2025, 12, 1), date(2025, 12, 31))
    assert preset_days("last_year", date(2026, 1, 10)) == (date(2025, 1, 1), date(2025, 12, 31))
