"""Care list: care items due in the period."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..store import report_queries as rq
from .request import ReportInput
from .values import local_time
from .workbook import Column, Sheet

TITLE = "care"
COLUMNS = (
    Column("Due date", "date"), Column("Kind"), Column("Title"), Column("Customer"),
    Column("Phone number"), Column("Assigned to"), Column("Status"), Column("Done at", "datetime"),
    Column("Note"),
)


def _rows(inp: ReportInput) -> Iterator[tuple[Any, ...]]:
    label = inp.tr.label
    statement = rq.care_statement(inp.scope, inp.window.start, inp.window.end)
    for r in rq.stream(inp.conn, statement):
        yield (r.due_date, label("care_kind", r.kind), r.title, r.name, inp.phone(r.phone),
               r.display_name, label("care_status", r.status), local_time(r.done_at), r.note)


def sheets(inp: ReportInput) -> list[Sheet]:
    statement = rq.care_statement(inp.scope, inp.window.start, inp.window.end)
    return [Sheet("Care items", COLUMNS, _rows(inp), rq.count(inp.conn, statement))]
