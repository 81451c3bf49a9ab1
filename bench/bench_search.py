"""Customer search: the care profile's search job vs the bare SQL it runs.

End to end is what the search panel's DB job does after the typing pause: a
`CustomerSearch` (the panel keeps one, and so its pooled connection) runs the lookups the
text calls for and returns de-duplicated hits with masked phones. The baseline replays the
exact SQL it sent, every row fetched. The note adds the older way, a connection checked
out of the pool for each search (`search_customers`), whose checkout alone costs as much
as a one-hit lookup. The queries are real keys of one customer of the dataset.
"""
from __future__ import annotations

import sqlite3
from functools import partial

from claimcare_desktop.store.customer_search import CustomerSearch, search_customers
from claimcare_desktop.store.db import open_profile

from .bare_sql import Replay, capture, open_bare
from .datasets import Dataset
from .measure import Result, calls_per_sample, interleaved_p95, ratio_result

MAX_RATIO = 2.0
MAX_MS = 16.0


def sample_queries(con: sqlite3.Connection) -> dict[str, str]:
    """One real key of each kind, from a customer in the middle of the table."""
    (rowid,) = con.execute("SELECT max(rowid) / 2 FROM customers").fetchone()
    name, pinyin, initials, phone, customer_id = con.execute(
        "SELECT name, name_pinyin, name_initials, phone, id FROM customers WHERE rowid >= ?"
        " AND phone IS NOT NULL AND name_pinyin IS NOT NULL ORDER BY rowid LIMIT 1",
        (rowid,)).fetchone()
    (policy_no,) = con.execute("SELECT policy_no FROM policies WHERE customer_id = ? LIMIT 1",
                               (customer_id,)).fetchone()
    return {
        "name (full, 2-3 chars)": name,
        "name (family name, 1 char)": name[0],
        "name (given name only)": name[1:],
        "pinyin (prefix)": pinyin[:5],
        "initials": initials,
        "phone (last 4)": phone[-4:],
        "phone (11 digits)": phone,
        "policy no. (full)": policy_no,
        "policy no. (prefix)": policy_no[:len(policy_no) - 3],
    }


def _search_once(engine, text: str) -> list:
    """A fresh search's lookups: its connection is checked out inside the capture."""
    search = CustomerSearch(engine)
    try:
        return search(text)
    finally:
        search.close()


def _search_pooled(engine, text: str) -> list:
    with engine.connect() as conn:
        return search_customers(conn, text)


def run(dataset: Dataset, runs: int = 100) -> list[Result]:
    profile = open_profile(dataset.directory)
    bare = open_bare(dataset.database)
    search = CustomerSearch(profile.engine)
    results = []
    try:
        for kind, text in sample_queries(bare).items():
            job = partial(search, text)
            replay = Replay(bare, capture(profile.engine, partial(_search_once, profile.engine, text)))
            batch = calls_per_sample(replay)
            t = interleaved_p95(job, replay, runs, batch)
            pooled = interleaved_p95(partial(_search_pooled, profile.engine, text), replay, runs, batch)
            results.append(ratio_result(
                "customer search", f"{kind} '{text}' @ {dataset.name}", t.subject_cpu,
                t.baseline_cpu, MAX_RATIO, MAX_MS,
                note=f"{len(job())} hits, CPU p95 of {runs} samples of {batch} calls in a row (mean);"
                     f" {t.wall_note()}; a pooled connection"
                     f" per search: {pooled.subject_cpu:.3f} ms,"
                     f" {pooled.subject_cpu / pooled.baseline_cpu:.2f}x"))
    finally:
        search.close()
        bare.close()
        profile.close()
    return results
