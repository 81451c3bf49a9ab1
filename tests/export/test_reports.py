"""Every report read back with openpyxl and with python-calamine (an independent reader)."""
from __future__ import annotations

import zipfile
from datetime import date, datetime

import pytest

from tests.export import dataset as d
from tests.export.conftest import MANAGER, calamine_rows, column, openpyxl_sheet

YUAN = '"¥"#,##0.00'


def test_visit_register_values_and_formats(exported):
    path = exported("visits", language="en")
    rows = calamine_rows(path, "Visits")
    assert column(rows, "Due date") == [date(2026, 1, 12), date(2026, 1, 19), date(2026, 2, 5),
                                        date(2026, 3, 1), date(2026, 3, 20)]
    assert column(rows, "Timeliness") == ["On time", "Late", "", "On time", "Overdue"]
    assert column(rows, "Status")[2] == "Unreachable"
    assert column(rows, "Paid amount")[0] == pytest.approx(5234.56)
    assert column(rows, "Completed at")[0] == datetime(2026, 1, 12, 11, 0)  # 03:00 UTC in Beijing
    assert column(rows, "Phone number")[:2] == ["138****5678", "138****5678"]
    ws = openpyxl_sheet(path, "Visits")
    assert ws["F2"].number_format == YUAN and isinstance(ws["F2"].value, float)
    assert ws["A2"].number_format == "yyyy-mm-dd" and ws["A2"].is_date
    assert ws["M2"].number_format == "yyyy-mm-dd hh:mm" and ws["M2"].is_date
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == "A1:P6"
    assert ws["A1"].font.b and ws["A1"].fill.fgColor.rgb.endswith("1F4E78")


def test_visit_register_attempts_sheet(exported):
    rows = calamine_rows(exported("visits", language="en"), "Attempts")
    assert column(rows, "Attempted at") == [
        datetime(2026, 1, 12, 11), datetime(2026, 1, 20, 10), datetime(2026, 1, 21, 10),
        datetime(2026, 2, 5, 10), datetime(2026, 2, 6, 10), datetime(2026, 2, 9, 10)]
    assert column(rows, "Result")[:2] == ["Reached", "No answer"]


def test_column_widths_fit_the_longest_sampled_value(exported):
    ws = openpyxl_sheet(exported("visits", language="zh_CN"), "回访")
    widths = {letter: dim.width for letter, dim in ws.column_dimensions.items()}
    assert widths["B"] >= 2 * len('=HYPERLINK("http://x","y")') / 2  # the longest name fits
    assert widths["D"] >= len("CLM-cl1")
    assert widths["A"] >= len("2026-01-12")
    assert max(widths.values()) <= 60


def test_headers_follow_the_language(exported):
    zh = calamine_rows(exported("visits", language="zh_CN"), "回访")
    en = calamine_rows(exported("visits", language="en"), "Visits")
    assert zh[0][:3] == ["应访日期", "客户", "手机号"]
    assert en[0][:3] == ["Due date", "Customer", "Phone number"]
    assert column(zh, "状态")[0] == "已完成"


def test_cover_sheet_says_what_who_when_and_masking(exported):
    rows = calamine_rows(exported("visits", language="en"), "Cover")
    facts = {row[0]: row[1] for row in rows if row[0]}
    assert rows[0][0] == "Visit register"
    assert facts["Exported by"] == "孙主管 (bj01.sup)"
    assert facts["Period"] == "2026-01-01 to 2026-03-31"
    assert facts["Scope"] == "Whole branch"
    assert facts["Personal data"] == "Masked"
    assert facts["Exported at"] == datetime(2026, 4, 10, 20, 0)
    assert facts["Rows"] == 11


def test_complaint_register_times_and_clocks(exported):
    path = exported("complaints", language="en")
    rows = calamine_rows(path, "Complaints")
    assert column(rows, "Hours to first response") == [5.0, ""]
    assert column(rows, "Hours to solution") == [30.0, ""]
    assert column(rows, "Response SLA") == ["Met", "Breached"]
    assert column(rows, "Solution SLA") == ["Met", "Breached"]
    assert column(rows, "Statutory deadline") == [datetime(2026, 2, 21, 8), datetime(2026, 3, 31, 8)]
    assert column(rows, "Statutory state") == ["Met", "Breached"]
    assert column(rows, "Owner") == ["钱经理", "李经理"]
    assert column(rows, "Root cause")[0] == "Process"
    ws = openpyxl_sheet(path, "Complaints")
    assert ws["K2"].number_format == "0.0" and ws["K2"].value == 5.0


def test_care_list_and_at_risk(exported):
    care = calamine_rows(exported("care", language="en"), "Care items")
    assert column(care, "Due date") == [date(2026, 2, 14), date(2026, 3, 15)]
    assert column(care, "Status") == ["Done", "Planned"]
    risk = calamine_rows(exported("at-risk", language="en"), "Customers")
    assert column(risk, "Risk score") == [60, 30]
    assert column(risk, "Reasons")[0] == "Low satisfaction (25); Open complaint (15)"
    assert column(risk, "ID number")[0] == "110***********002X"


def test_kpi_report_targets_managers_months_and_chart(exported):
    path = exported("kpi", language="en")
    targets = calamine_rows(path, "KPIs")
    actual = dict(zip(column(targets, "Target"), column(targets, "Actual")))
    assert actual["Complete customer profiles"] == pytest.approx(2 / 3)
    assert actual["Hours to first response"] == pytest.approx(5.0)
    assert column(targets, "Verdict")[0] == "Off target"
    ws = openpyxl_sheet(path, "KPIs")
    assert ws["D2"].number_format == "0.0%"
    managers = calamine_rows(path, "By manager")
    assert column(managers, "Account manager") == ["李经理", "钱经理"]
    months = calamine_rows(path, "Monthly trend")
    assert column(months, "Month")[0] == date(2025, 4, 1) and len(months) == 13
    with zipfile.ZipFile(path) as z:
        chart = z.read("xl/charts/chart1.xml").decode()
    assert "<lineChart>" in chart and "'Monthly trend'!$A$2:$A$13" in chart


def test_formula_injection_never_becomes_a_formula(exported):
    path = exported("visits", language="en")
    hostile = {'=HYPERLINK("http://x","y")', "+1", "-2 分太低", "@x", "\t制表符开头"}
    found = set()
    for sheet in ("Visits", "Attempts"):
        for row in openpyxl_sheet(path, sheet).iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, str) and cell.value.lstrip("\r\n") != cell.value:
                    assert cell.value.lstrip("\r\n") == "回车开头" and cell.quotePrefix
                if cell.value in hostile:
                    assert cell.data_type == "s" and cell.quotePrefix, cell.coordinate
                    found.add(cell.value)
    assert found == hostile
    plain = set(sum(calamine_rows(path, "Visits"), []))
    assert hostile - {"\t制表符开头"} <= plain
    with zipfile.ZipFile(path) as z:
        assert not any(b"<f>" in z.read(name) for name in z.namelist() if "worksheets" in name)


def test_manager_exports_only_their_own_work(exported):
    rows = calamine_rows(exported("visits", user=MANAGER, language="en"), "Visits")
    assert column(rows, "Account manager") == ["钱经理"] * 3
    cover = {r[0]: r[1] for r in calamine_rows(exported("visits", user=MANAGER, language="en"), "Cover")}
    assert cover["Scope"] == "My work (钱经理)"


@pytest.mark.parametrize("report", ["visits", "complaints", "kpi", "care", "at-risk"])
def test_every_report_opens_in_both_readers(exported, report):
    path = exported(report, language="zh_CN")
    from openpyxl import load_workbook
    from python_calamine import CalamineWorkbook

    names = load_workbook(path, read_only=True).sheetnames
    assert names[0] == "封面" and len(names) >= 2
    assert CalamineWorkbook.from_path(str(path)).sheet_names == names
    assert d.BRANCH  # the dataset is the hand-built branch
