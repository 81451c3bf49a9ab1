"""KPI dashboard for a quarter, whole branch: `kpi_report` (run on the DB lane, off the GUI).

Two figures: the first report of a session (the customer-quality snapshot is computed)
and a repeat (the snapshot is reused until customers change). The dashboard's first open
is the cold one, so the target applies to both. Also shown: per-manager figures and the
12-month trend, which the dashboard may load after the branch report (no target).
"""
from __future__ import annotations

import time
from datetime import UTC, date, datetime

from claimcare_desktop.store import kpi_queries
from claimcare_desktop.store.db import open_profile
from claimcare_desktop.store.kpi_queries import KpiScope, kpi_by_manager, kpi_monthly_trend, kpi_report

from .bare_sql import Replay, capture, open_bare
from .datasets import TODAY, Dataset
from .measure import Result, interleaved_p95
from .people import branch_people

MAX_MS = 300.0
QUARTER = (date(2026, 7, 1), date(2026, 10, 1))
NOW = datetime(TODAY.year, TODAY.month, TODAY.day, 2, tzinfo=UTC)


def _cold_ms(job) -> float:
    kpi_queries._SNAPSHOTS.clear()  # as in a fresh session
    started = time.perf_counter()
    job()
    return (time.perf_counter() - started) * 1000


def _timed_once(fn) -> float:
    started = time.perf_counter()
    fn()
    return (time.perf_counter() - started) * 1000


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
        warm, warm_bare = interleaved_p95(job, Replay(bare, capture(profile.engine, job)), runs)
        with profile.engine.connect() as conn:
            managers = _timed_once(lambda: kpi_by_manager(conn, scope.branch_id, *QUARTER, now=NOW))
            trend = _timed_once(lambda: kpi_monthly_trend(conn, scope, TODAY, now=NOW))
    finally:
        bare.close()
        profile.close()
    name = f"quarter {QUARTER[0]:%Y-%m}..{QUARTER[1]:%Y-%m}, whole branch @ {dataset.name}"
    return [
        Result("KPI dashboard", f"{name}, first of the session", cold, cold_bare, "ms",
               f"< {MAX_MS:g} ms", cold < MAX_MS, "median of 3; customer-quality snapshot computed"),
        Result("KPI dashboard", f"{name}, repeated", warm, warm_bare, "ms", f"< {MAX_MS:g} ms",
               warm < MAX_MS, f"p95 of {runs}; snapshot reused"),
        Result("KPI dashboard", f"per manager, same quarter @ {dataset.name}", managers, None, "ms",
               "(no target)", True, "once"),
        Result("KPI dashboard", f"12-month trend @ {dataset.name}", trend, None, "ms",
               "(no target)", True, "once"),
    ]
