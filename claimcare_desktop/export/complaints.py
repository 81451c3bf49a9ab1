"""Complaint register: owner, category, response and solution times, SLA and statutory clocks."""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import islice
from typing import Any

from ..domain.sla import ComplaintEvent, complaint_clocks
from ..domain.timeutil import from_naive_utc, to_naive_utc
from ..store import report_queries as rq
from .request import ReportInput
from .values import hours_between, local_time
from .workbook import Column, Sheet

TITLE = "complaints"
BATCH = 500  # complaints whose histories are read in one query
COLUMNS = (
    Column("Opened at", "datetime"), Column("Customer"), Column("Phone number"),
    Column("Claim no."), Column("Category"), Column("Complexity"), Column("Owner"),
    Column("State"), Column("Escalation level", "int"), Column("First response at", "datetime"),
    Column("Hours to first response", "hours"), Column("Resolved at", "datetime"),
    Column("Hours to solution", "hours"), Column("Response SLA"), Column("Solution SLA"),
    Column("Statutory deadline", "datetime"), Column("Statutory state"), Column("Resolution"),
    Column("Root cause"), Column("Summary"),
)


def _clocks(row: Any, history: list[Any], inp: ReportInput) -> Any:
    events = [ComplaintEvent(kind, from_naive_utc(at), reason) for kind, at, reason in history]
    return complaint_clocks(events, row.complexity, from_naive_utc(row.opened_at), inp.window.now)


def _row(r: Any, history: list[Any], inp: ReportInput) -> tuple[Any, ...]:
    label = inp.tr.label
    clocks = _clocks(r, history, inp)
    responded = r.responded_at
    solved = r.resolved_at or r.closed_at
    statutory_deadline = local_time(to_naive_utc(clocks.statutory.deadline_utc))
    return (local_time(r.opened_at), r.name, inp.phone(r.phone), r.claim_no,
            label("complaint_category", r.category), label("complaint_complexity", r.complexity),
            r.display_name, label("complaint_state", r.state), r.escalation_level,
            local_time(responded), hours_between(r.opened_at, responded), local_time(r.resolved_at),
            hours_between(r.opened_at, solved), label("clock_state", clocks.respond.state),
            label("clock_state", clocks.solve.state), statutory_deadline,
            label("clock_state", clocks.statutory.state), r.resolution,
            label("complaint_category", r.root_cause), r.summary)


def _batches(rows: Iterator[Any]) -> Iterator[Sequence[Any]]:
    while batch := list(islice(rows, BATCH)):
        yield batch


def _rows(inp: ReportInput) -> Iterator[tuple[Any, ...]]:
    statement = rq.complaint_statement(inp.scope, inp.window)
    for batch in _batches(rq.stream(inp.conn, statement)):
        histories = rq.complaint_events(inp.conn, (r.id for r in batch))
        for r in batch:
            yield _row(r, histories.get(r.id, []), inp)


def sheets(inp: ReportInput) -> list[Sheet]:
    statement = rq.complaint_statement(inp.scope, inp.window)
    return [Sheet("Complaints", COLUMNS, _rows(inp), rq.count(inp.conn, statement))]

