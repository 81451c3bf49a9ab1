"""Opening a care profile with its whole history: `load_profile` (the workspace's DB job).

The customer is the one with the longest history in the dataset (most visits, attempts,
complaints and communications). Target: p95 under 100 ms; the bare SQL it runs is shown
beside it. The widgets' share (filling the sections) is measured in bench_care_profile_view.
"""
from __future__ import annotations

import sqlite3

from claimcare_desktop.store.customer_profile import load_profile
from claimcare_desktop.store.db import open_profile

from .bare_sql import Replay, capture, open_bare
from .datasets import Dataset
from .measure import Result, interleaved_p95

MAX_MS = 100.0


def richest_customer(con: sqlite3.Connection) -> tuple[str, int]:
    """(customer id, history rows) of the customer with the most history rows."""
    return con.execute(
        "SELECT customer_id, sum(n) AS rows FROM ("
        " SELECT customer_id, count(*) AS n FROM visits GROUP BY customer_id"
        " UNION ALL SELECT customer_id, count(*) FROM complaints GROUP BY customer_id"
        " UNION ALL SELECT customer_id, count(*) FROM communications GROUP BY customer_id"
        " UNION ALL SELECT customer_id, count(*) FROM claims GROUP BY customer_id"
        " UNION ALL SELECT v.customer_id, count(*) FROM visit_attempts AS a"
        "   JOIN visits AS v ON v.id = a.visit_id GROUP BY v.customer_id"
        ") GROUP BY customer_id ORDER BY rows DESC LIMIT 1").fetchone()


def run(dataset: Dataset, runs: int = 60) -> list[Result]:
    profile = open_profile(dataset.directory)
    bare = open_bare(dataset.database)
    try:
        customer_id, history = richest_customer(bare)

        def job():
            with profile.engine.connect() as conn:
                return load_profile(conn, customer_id)

        replay = Replay(bare, capture(profile.engine, job))
        t = interleaved_p95(job, replay, runs)
    finally:
        bare.close()
        profile.close()
    return [Result("care profile", f"open the richest profile @ {dataset.name}", t.subject_cpu,
                   t.baseline_cpu, "ms", f"< {MAX_MS:g} ms", t.subject_cpu < MAX_MS,
                   f"{history} history rows, CPU p95 of {runs}; {t.wall_note()}")]
