"""Demo data at scale: time and peak memory of generate + load_into_profile.

Each size runs in a fresh child process, so its peak RSS (getrusage ru_maxrss) is its own
(the loading process), and the largest peak RSS of the worker processes building the rows
(one per CPU; RUSAGE_CHILDREN after they ended).
Next to it, in the same child, the baseline: plain `sqlite3.executemany` of the same
number of rows (12 columns, WAL, one commit per 20,000 rows) into a fresh file.

    .venv/bin/python bench/generate.py            # 20,000 and 100,000 customers
    .venv/bin/python bench/generate.py 5000       # other sizes
"""
from __future__ import annotations

import json
import os
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

SIZES = (20_000, 100_000)
WORKERS = os.cpu_count() or 1
TODAY = date(2026, 11, 26)


def _peak_mib(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # KiB on Linux


def _baseline_seconds(rows: int, folder: Path) -> float:
    con = sqlite3.connect(folder / "baseline.sqlite3")
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("CREATE TABLE t (id TEXT PRIMARY KEY, a TEXT, b TEXT, c INTEGER, d INTEGER, "
                "e TEXT, f TEXT, g INTEGER, h TEXT, i TEXT, j INTEGER, k TEXT)")
    started = time.perf_counter()
    batch = 20_000
    for start in range(0, rows, batch):
        con.executemany("INSERT INTO t VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", [
            (f"{n:036d}", "张三", "2026-11-26", n, n * 7, "2026-11-26 10:30:00.000000", "phone",
             1, "上海市浦东新区世纪大道100号", "open", 0, None)
            for n in range(start, min(start + batch, rows))])
        con.commit()
    seconds = time.perf_counter() - started
    con.close()
    return seconds


def _timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def _refresh_seconds(profile) -> dict[str, float]:
    """Each derived refresh once more over the loaded branch (what a full sync triggers)."""
    from claimcare_desktop.store import derived

    with profile.engine.begin() as conn:
        times = {"search_keys": _timed(lambda: derived.refresh_search_keys(conn)),
                 "risk": _timed(lambda: derived.refresh_risk(conn, TODAY))}
    with profile.session("bench") as session:
        times["plan_visits"] = _timed(lambda: derived.plan_visits_for_closed_claims(session, "bench"))
        times["plan_care"] = _timed(lambda: derived.plan_care_items(session, TODAY))
        session.rollback()
    return times


def measure(customers: int, workers: int) -> dict:
    from claimcare_desktop.demo.generator import DemoSpec, load_into_profile
    from claimcare_desktop.store.db import open_profile

    with tempfile.TemporaryDirectory() as tmp:
        profile = open_profile(Path(tmp) / "profile")
        before = _peak_mib()
        started = time.perf_counter()
        spec = DemoSpec(seed=7, branches=1, customers_per_branch=customers, today=TODAY)
        counts = load_into_profile(profile, spec, workers=workers)
        seconds = time.perf_counter() - started
        peak = _peak_mib()
        worker_peak = _peak_mib(resource.RUSAGE_CHILDREN)
        refreshes = _refresh_seconds(profile)
        profile.close()
        rows = sum(counts.values())
        baseline = _baseline_seconds(rows, Path(tmp))
    return {"customers": customers, "workers": workers, "rows": rows, "seconds": seconds, "peak_mib": peak,
            "rss_before_mib": before, "worker_peak_mib": worker_peak, "baseline_seconds": baseline, "counts": counts,
            "refresh_seconds": refreshes}


def _child(customers: int, workers: int) -> dict:
    out = subprocess.run([sys.executable, __file__, "--one", str(customers), str(workers)],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main(argv: list[str]) -> None:
    if argv[:1] == ["--one"]:
        print(json.dumps(measure(int(argv[1]), int(argv[2]))))
        return
    sizes = [int(a) for a in argv] or list(SIZES)
    print(f"{'customers':>10} {'workers':>7} {'rows':>10} {'seconds':>8} {'rows/s':>9} {'peak MiB':>9} "
          f"{'worker MiB':>10} {'baseline s':>10} {'ratio':>6}")
    for size in sizes:
        r = _child(size, WORKERS)
        print(f"{r['customers']:>10,} {r['workers']:>7} {r['rows']:>10,} {r['seconds']:>8.1f} "
              f"{r['rows'] / r['seconds']:>9,.0f} {r['peak_mib']:>9.0f} {r['worker_peak_mib']:>10.0f} "
              f"{r['baseline_seconds']:>10.2f} {r['seconds'] / r['baseline_seconds']:>6.0f}x")
        print("           " + ", ".join(f"{t} {n:,}" for t, n in r["counts"].items()))
        print("           refreshes again, seconds: " + ", ".join(
            f"{name} {secs:.1f}" for name, secs in r["refresh_seconds"].items()))


if __name__ == "__main__":
    main(sys.argv[1:])
