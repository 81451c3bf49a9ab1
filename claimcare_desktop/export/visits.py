"""Visit register: every visit due in the period and every attempt made in it."""
from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from ..domain.timeutil import local_date
from ..domain.vocab import VisitStatus
from ..store import report_queries as rq
from .request import ReportInput
from .values import local_time, yuan
from .workbook import Column, Sheet

TITLE = "visits"
VISIT_COLUMNS = (
    Column("Due date", "date"), Column("Customer"), Column("Phone number"), Column("Claim no."),
    Column("Claim type"), Column("Paid amount", "amount"), Column("Step"),
    Column("Account manager"), Column("Status"), Column("Attempts made", "int"),
    Column("Channel"), Column("Satisfaction", "int"), Column("Completed at", "datetime"),
    Column("Timeliness"), Column("Follow-up needed"), Column("Feedback"),
)
ATTEMPT_COLUMNS = (
    Column("Visit due", "date"), Column("Customer"), Column("Phone number"), Column("Step"),
    Column("Attempted at", "datetime"), Column("By"), Column("Channel"), Column("Result"),
    Column("Satisfaction", "int"), Column("Notes"),
)


def timeliness(status: str, due: date, completed_local: date | None, today: date) -> str | None:
    """On time / late for a done visit; overdue / not yet due for an open one."""
    if status == VisitStatus.DONE and completed_local is not None:
        return "on_time" if completed_local <= due else "late"
    if status == VisitStatus.OPEN:
        return "overdue" if due < today else "pending"
    return None


def _visit_rows(inp: ReportInput) -> Iterator[tuple[Any, ...]]:
    tr = inp.tr
    claim_type, step, status, channel, when_label = (
        tr.labeller(kind) for kind in ("claim_type", "visit_step", "visit_status", "channel", "timeliness"))
    today = local_date(inp.window.now)
    yes, no = tr.text("Yes"), tr.text("No")
    statement = rq.visit_statement(inp.scope, inp.window.start, inp.window.end)
    for r in rq.stream(inp.conn, statement):
        completed = local_time(r.completed_at)
        when = timeliness(r.status, r.due_date, completed.date() if completed else None, today)
        yield (r.due_date, r.name, inp.phone(r.phone), r.claim_no, claim_type(r.claim_type),
               yuan(r.paid_fen), step(r.step), r.display_name, status(r.status), r.attempts,
               channel(r.channel), r.satisfaction, completed, when_label(when),
               yes if r.follow_up_needed else no, r.feedback)


def _attempt_rows(inp: ReportInput) -> Iterator[tuple[Any, ...]]:
    step, channel, result = (inp.tr.labeller(kind) for kind in ("visit_step", "channel", "attempt_result"))
    for r in rq.stream(inp.conn, rq.attempt_statement(inp.scope, inp.window)):
        yield (r.due_date, r.name, inp.phone(r.phone), step(r.step), local_time(r.attempted_at),
               r.display_name, channel(r.channel), result(r.result), r.satisfaction, r.notes)


def sheets(inp: ReportInput) -> list[Sheet]:
    visits = inp.conn.execute(rq.visit_count(inp.scope, inp.window.start, inp.window.end)).scalar_one()
    attempts = inp.conn.execute(rq.attempt_count(inp.scope, inp.window)).scalar_one()
    return [Sheet("Visits", VISIT_COLUMNS, _visit_rows(inp), visits),
            Sheet("Attempts", ATTEMPT_COLUMNS, _attempt_rows(inp), attempts)]
