"""The writer sets most cell types directly (not through openpyxl's checking setter): each
kind of value must still come back as the same value and type, in openpyxl and calamine."""
from __future__ import annotations

from datetime import date, datetime

import openpyxl

from claimcare_desktop.export.i18n import Translator
from claimcare_desktop.export.workbook import Column, Formatted, Sheet, WorkbookWriter
from tests.export.conftest import calamine_rows

COLUMNS = (Column("Customer"), Column("Attempts made", "int"), Column("Paid amount", "amount"),
           Column("Due date", "date"), Column("Completed at", "datetime"), Column("Feedback"))
LONG = "长" * 40_000
ROWS = [
    ("王芳", 3, 1234.5, date(2026, 3, 1), datetime(2026, 3, 1, 9, 30), "=HYPERLINK(\"x\")"),
    ("bad\x01text", 0, 0.0, date(2026, 3, 2), datetime(2026, 3, 2, 23, 59), LONG),
    ("#N/A", 7, Formatted(12.25, "hours"), None, None, 42),
    (None, None, None, None, None, 1.5),
]


def _write(tmp_path):
    out = tmp_path / "types.xlsx"
    WorkbookWriter(out, Translator("en")).write("Types", [], [Sheet("Visits", COLUMNS, ROWS, len(ROWS))])
    return out


def test_every_kind_of_value_keeps_its_type_and_value(tmp_path):
    ws = openpyxl.load_workbook(_write(tmp_path))["Visits"]
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=2)]
    assert rows[0][:5] == ["王芳", 3, 1234.5, datetime(2026, 3, 1), datetime(2026, 3, 1, 9, 30)]
    assert rows[0][5] == '=HYPERLINK("x")' and ws["F2"].data_type == "s" and ws["F2"].quotePrefix
    assert rows[1][0] == "badtext"  # a control character Excel refuses is dropped
    assert rows[1][5] == "长" * 32_767  # Excel's cell limit
    assert ws["A4"].value == "#N/A" and ws["A4"].data_type == "s"
    assert rows[2][1:3] == [7, 12.25] and rows[2][5] == 42 and ws["F4"].data_type == "n"
    assert rows[3] == [None, None, None, None, None, 1.5]
    assert ws["D2"].number_format == "yyyy-mm-dd" and ws["E2"].number_format == "yyyy-mm-dd hh:mm"
    assert ws["C2"].number_format == '"¥"#,##0.00' and ws["C4"].number_format == "0.0"


def test_an_independent_reader_sees_the_same(tmp_path):
    rows = calamine_rows(_write(tmp_path), "Visits")[1:]
    assert rows[0][0] == "王芳" and rows[0][1] == 3 and rows[0][2] == 1234.5
    assert rows[0][3] == date(2026, 3, 1) or rows[0][3] == datetime(2026, 3, 1)
    assert rows[0][5] == '=HYPERLINK("x")'
    assert len(rows[1][5]) == 32_767 and rows[2][0] == "#N/A" and rows[2][5] == 42
