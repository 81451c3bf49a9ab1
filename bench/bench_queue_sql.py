"""Visit queue queries: the store's `fetch_page` vs the same keyset SQL in plain sqlite3.

The subject is what the queue model's DB job does for one page (connection from the
pool, the plan — for a text filter the customer search, ids only — and the page's SQL on
the driver's cursor, rows turned into QueueRow with masked phones). The baseline is the
SQL it sent, replayed with sqlite3 and fetched. Scope: the supervisor's whole
branch, the biggest list anyone sees.
"""
from __future__ import annotations

from dataclasses import replace

from claimcare_desktop.store import visit_queue as queue
from claimcare_desktop.store.db import open_profile
from claimcare_desktop.store.visit_queue import QueueFilter

from .bare_sql import Replay, capture, open_bare
from .datasets import TODAY, Dataset
from .measure import Result, interleaved_p95, ratio_result
from .people import branch_people

MAX_RATIO = 1.5
MAX_MS = 100.0


def scenarios(branch_id: str) -> dict[str, QueueFilter]:
    """The four moves of issue 6, from the default view (today's visits, whole branch)."""
    start = QueueFilter(branch_id, TODAY, "overdue")
    return {
        "first page (overdue tab)": start,
        "first page (today tab)": replace(start, tab="today"),
        "filter change (claim type health)": replace(start, claim_type="health"),
        "filter change (step day_30 + channel wechat)": replace(start, step="day_30", channel="wechat"),
        "filter change (search 'wang')": replace(start, text="wang"),
        "sort change (done tab, newest first)": replace(start, tab="done", descending=True),
        "jump to end (overdue, reversed)": queue.reversed_filter(start),
    }


def _page_job(engine, flt: QueueFilter):
    """What the queue model's first-page job does: choose the plan, read the page."""
    def job():
        with engine.connect() as conn:
            return queue.fetch_page(conn, flt, qplan=queue.plan(conn, flt))
    return job


def run(dataset: Dataset, runs: int = 60) -> list[Result]:
    profile = open_profile(dataset.directory)
    bare = open_bare(dataset.database)
    results = []
    try:
        people = branch_people(dataset.database)
        for name, flt in scenarios(people.branch_id).items():
            job = _page_job(profile.engine, flt)
            rows = len(job())
            replay = Replay(bare, capture(profile.engine, job))
            t = interleaved_p95(job, replay, runs)
            results.append(ratio_result("visit queue", f"{name} @ {dataset.name}", t.subject_cpu,
                                        t.baseline_cpu, MAX_RATIO, MAX_MS,
                                        note=f"{rows} rows, CPU p95 of {runs}; {t.wall_note()}"))
    finally:
        bare.close()
        profile.close()
    return results
