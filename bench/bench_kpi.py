"""KPI dashboard for a quarter, whole branch: `kpi_report` (run on the DB lane, off the GUI).

Figures: the first report of a session (the customer-quality snapshot is computed), a
repeat (the snapshot is reused until customers change), and the jobs the dashboard
workspace runs on the single DB lane (ui/dashboard/loading.py): the summary at start-up
(report + at-risk list), and on opening their tabs the 12-month trend and one manager's
report (one job per manager). Each job holds the DB lane: every other read or save of the
app waits behind it.
"""
from __future__ import annotations

import time
from datetime import UTC, date, datetime

from claimcare_desktop.store import kpi_queries
from claimcare_desktop.store.db import open_profile
from claimcare_desktop.store.kpi_queries import (
    KpiScope,
    at_risk_customers,
    kpi_monthly_trend,
    kpi_report,
)

from .bare_sql import Replay, capture, open_bare
from .datasets import TODAY, Dataset
from .measure import Result, interleaved_p95
from .people import branch_people

MAX_MS = 300.0
QUARTER = (date(2026, 7, 1), date(2026, 10, 1))
NOW = datetime(TODAY.year, TODAY.month, TODAY.day, 2, tzinfo=UTC)


def _cold_ms(job) -> float:
    kpi_queries._SNAPSHOTS.clear()  # as in a fresh session
    return _timed_once(job)


def _timed_once(fn) -> float:
    """Thread CPU time (see measure.interleaved_p95 for why)."""
    started = time.thread_time()
    fn()
    return (time.thread_time() - started) * 1000


def run(dataset: Dataset, runs: int = 10) -> list[Result]:
    profile = open_profile(dataset.directory)
    bare = open_bare(dataset.database)
    scope = KpiScope(branch_people(dataset.database).branch_id)
    try:
        def job():
            with profile.engine.connect() as conn:
                return kpi_report(conn, scope, *QUARTER, now=NOW)

        cold = sorted(_cold_ms(job) for _ in range(3))[1]
        kpi_queries._SNAPSHOTS.clear()
        replay = Replay(bare, capture(profile.engine, job))
        cold_bare = sorted(_timed_once(replay) for _ in range(3))[1]
        warm = interleaved_p95(job, Replay(bare, capture(profile.engine, job)), runs)
        manager = KpiScope(scope.branch_id, branch_people(dataset.database).manager_id)
        with profile.engine.connect() as conn:
            jobs = {
                "summary (report + at-risk list)": _timed_once(lambda: (
                    kpi_report(conn, scope, *QUARTER, now=NOW), at_risk_customers(conn, scope))),
                "one manager's report": _timed_once(lambda: kpi_report(conn, manager, *QUARTER, now=NOW)),
                "12-month trend": _timed_once(lambda: kpi_monthly_trend(
                    conn, scope, date.fromordinal(QUARTER[1].toordinal() - 1), 12, now=NOW)),
            }
    finally:
        bare.close()
        profile.close()
    name = f"quarter {QUARTER[0]:%Y-%m}..{QUARTER[1]:%Y-%m}, whole branch @ {dataset.name}"
    return [
        Result("KPI dashboard", f"{name}, first of the session", cold, cold_bare, "ms",
               f"< {MAX_MS:g} ms", cold < MAX_MS, "CPU, median of 3; customer-quality snapshot computed"),
        Result("KPI dashboard", f"{name}, repeated", warm.subject_cpu, warm.baseline_cpu, "ms",
               f"< {MAX_MS:g} ms", warm.subject_cpu < MAX_MS,
               f"CPU p95 of {runs}; snapshot reused; {warm.wall_note()}"),
        *(Result("KPI dashboard", f"dashboard job: {job}, same quarter @ {dataset.name}", ms, None,
                 "ms", f"< {MAX_MS:g} ms", ms < MAX_MS, "CPU, once, snapshot reused")
          for job, ms in jobs.items()),
    ]
