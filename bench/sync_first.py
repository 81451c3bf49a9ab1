"""First sync of a whole branch: throughput and peak memory of the app process.

For each size: a throwaway PostgreSQL (tests/support/postgres.py) holds HQ with one demo
branch of N customers and their history; `claimcare-hq serve` runs as its own process; a
fresh app process signs in and runs one `SyncEngine.run_once()` into an empty profile, then,
in the same process, the same rows are inserted into another empty profile with plain
`sqlite3.executemany` (the baseline). Printed per size: figure, baseline, ratio, target.

    .venv/bin/python bench/sync_first.py --customers 20000 100000
"""
from __future__ import annotations

import argparse
import json
import resource
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "bench-password"
TARGET_RATIO = 3.0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _baseline(source: Path, target: Path) -> tuple[int, float]:
    """Seconds to insert every synced row of `source` into the empty `target` with executemany."""
    from claimcare_desktop.store.models import SYNCED_MODELS

    read = sqlite3.connect(source)
    write = sqlite3.connect(target)
    write.execute("PRAGMA journal_mode=WAL")
    write.execute("PRAGMA foreign_keys=OFF")
    total, seconds = 0, 0.0
    for model in SYNCED_MODELS:
        columns = [c.name for c in model.__table__.columns if c.name not in model.LOCAL_FIELDS]
        names = ", ".join(f'"{c}"' for c in columns)
        rows = read.execute(f'SELECT {names} FROM "{model.__tablename__}"').fetchall()
        sql = f'INSERT INTO "{model.__tablename__}" ({names}) VALUES ({", ".join("?" * len(columns))})'
        started = time.perf_counter()
        with write:
            write.executemany(sql, rows)
        seconds += time.perf_counter() - started
        total += len(rows)
    return total, seconds


def child(hq_url: str, username: str, folder: Path) -> None:
    """The app process: first sync, then the baseline; prints one JSON line."""
    from claimcare_desktop.store.db import open_profile
    from claimcare_desktop.store.paths import database_file
    from claimcare_desktop.sync import session
    from claimcare_desktop.sync.client import HqClient

    profile = open_profile(folder / "synced")
    client = HqClient(hq_url)
    session.sign_in(profile, client, username, PASSWORD)
    engine = session.engine_for(profile, client)
    pulled = {}
    original_pull = engine._pull_all

    def timed_pull(progress):
        started = time.perf_counter()
        result = original_pull(progress)
        pulled.setdefault("seconds", time.perf_counter() - started)
        return result

    engine._pull_all = timed_pull
    started = time.perf_counter()
    report = engine.run_once()
    total_seconds = time.perf_counter() - started
    peak = _peak_rss_mib()
    empty = open_profile(folder / "baseline")
    empty.close()
    profile.close()
    rows, baseline_seconds = _baseline(database_file(folder / "synced"),
                                       database_file(folder / "baseline"))
    print(json.dumps({"received": report.received, "sent": report.sent, "rows": rows,
                      "sync_seconds": total_seconds, "pull_seconds": pulled["seconds"],
                      "baseline_seconds": baseline_seconds, "peak_rss_mib": peak}))


def _seeded_hq(cluster, customers: int, seed: int) -> tuple[str, str]:
    from claimcare_hq.db import make_engine, upgrade
    from claimcare_hq.seed import seed_demo

    url = cluster.url(cluster.create_database())
    engine = make_engine(url)
    upgrade(engine)
    users = seed_demo(engine, 1, customers, seed, PASSWORD)
    engine.dispose()
    return url, next(username for _code, username, role in users if role == "supervisor")


def measure(cluster, customers: int, seed: int) -> dict:
    started = time.perf_counter()
    url, username = _seeded_hq(cluster, customers, seed)
    print(f"  seeded {customers} customers in {time.perf_counter() - started:.0f} s", flush=True)
    port = _free_port()
    server = subprocess.Popen([sys.executable, "-m", "claimcare_hq.cli", "serve", "--db", url,
                               "--port", str(port)], cwd=ROOT)
    try:
        time.sleep(3)
        with tempfile.TemporaryDirectory() as folder:
            out = subprocess.run([sys.executable, __file__, "--child", f"http://127.0.0.1:{port}",
                                  username, folder], cwd=ROOT, capture_output=True, text=True,
                                 check=True)
    finally:
        server.terminate()
        server.wait(30)
    return json.loads(out.stdout.strip().splitlines()[-1])


def report(customers: int, r: dict) -> None:
    rate = r["received"] / r["sync_seconds"]
    base_rate = r["rows"] / r["baseline_seconds"]
    print(f"customers={customers} rows={r['rows']} received={r['received']} "
          f"sent back={r['sent']} (visits and care items planned on the PC)")
    print(f"  figure:   first sync {r['sync_seconds']:.1f} s = {rate:,.0f} records/s "
          f"(pull+apply {r['pull_seconds']:.1f} s, the rest is derived refreshes); "
          f"peak RSS {r['peak_rss_mib']:.0f} MiB")
    print(f"  baseline: sqlite3.executemany of the same rows {r['baseline_seconds']:.2f} s = "
          f"{base_rate:,.0f} records/s")
    print(f"  ratio:    {r['sync_seconds'] / r['baseline_seconds']:.1f}x (pull+apply only: "
          f"{r['pull_seconds'] / r['baseline_seconds']:.1f}x)")
    print(f"  target:   at most {TARGET_RATIO:.0f}x the baseline; memory flat as the branch grows")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, nargs="+", default=[20000, 100000])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], args.child[1], Path(args.child[2]))
        return
    sys.path.insert(0, str(ROOT))
    from tests.support.postgres import postgres_cluster

    with postgres_cluster() as cluster:
        for customers in args.customers:
            report(customers, measure(cluster, customers, args.seed))


if __name__ == "__main__":
    main()
