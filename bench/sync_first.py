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
import os
import resource
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "bench-password"
TARGET_RATIO = 3.0
# Seeding 100,000 customers at HQ takes many minutes: the seeded databases are kept in a
# cluster of their own and each run works on a copy (CREATE DATABASE … TEMPLATE).
KEPT_CLUSTER = ROOT / "bench" / "out" / "hq_pg"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _baseline(source: Path, target: Path, triggers: bool = True) -> tuple[int, float, float]:
    """Rows, seconds and CPU seconds to insert every synced row of `source` into the empty
    `target` with executemany (without the profile's triggers when `triggers` is False)."""
    from claimcare_desktop.store.models import SYNCED_MODELS

    read = sqlite3.connect(source)
    write = sqlite3.connect(target)
    write.execute("PRAGMA journal_mode=WAL")
    write.execute("PRAGMA foreign_keys=OFF")
    if not triggers:
        for (name,) in write.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
            write.execute(f'DROP TRIGGER "{name}"')
    total, seconds, cpu = 0, 0.0, 0.0
    for model in SYNCED_MODELS:
        columns = [c.name for c in model.__table__.columns if c.name not in model.LOCAL_FIELDS]
        names = ", ".join(f'"{c}"' for c in columns)
        rows = read.execute(f'SELECT {names} FROM "{model.__tablename__}"').fetchall()
        sql = f'INSERT INTO "{model.__tablename__}" ({names}) VALUES ({", ".join("?" * len(columns))})'
        started, started_cpu = time.perf_counter(), time.process_time()
        with write:
            write.executemany(sql, rows)
        seconds += time.perf_counter() - started
        cpu += time.process_time() - started_cpu
        total += len(rows)
    return total, seconds, cpu


def _timed(engine, name: str, times: dict) -> None:
    """Record the wall seconds of the engine's first call of method `name`."""
    original = getattr(engine, name)

    def timed(*args):
        started = time.perf_counter()
        result = original(*args)
        times.setdefault(name, time.perf_counter() - started)
        times.setdefault(f"{name}_peak_mib", _peak_rss_mib())
        return result

    setattr(engine, name, timed)


def child(hq_url: str, username: str, folder: Path) -> None:
    """The app process: first sync, then the baselines; prints one JSON line."""
    from claimcare_desktop.store.db import open_profile
    from claimcare_desktop.store.paths import database_file
    from claimcare_desktop.sync import session
    from claimcare_desktop.sync.client import HqClient

    profile = open_profile(folder / "synced")
    client = HqClient(hq_url)
    session.sign_in(profile, client, username, PASSWORD)
    engine = session.engine_for(profile, client)
    times: dict[str, float] = {}
    _timed(engine, "_pull_all", times)
    _timed(engine, "_refresh_derived", times)
    started, started_cpu = time.perf_counter(), time.process_time()
    report = engine.run_once()
    total_seconds, total_cpu = time.perf_counter() - started, time.process_time() - started_cpu
    peak = _peak_rss_mib()
    profile.close()
    figures = {"received": report.received, "sent": report.sent,
               "sync_seconds": total_seconds, "sync_cpu": total_cpu,
               "pull_seconds": times["_pull_all"], "derived_seconds": times.get("_refresh_derived", 0),
               "peak_rss_mib": peak, "pull_peak_rss_mib": times["_pull_all_peak_mib"]}
    for name, triggers in (("baseline", True), ("bare", False)):
        open_profile(folder / name).close()
        rows, seconds, cpu = _baseline(database_file(folder / "synced"), database_file(folder / name),
                                       triggers)
        figures.update({"rows": rows, f"{name}_seconds": seconds, f"{name}_cpu": cpu})
    print(json.dumps(figures))


@contextmanager
def kept_cluster() -> Iterator:
    """The bench's own PostgreSQL cluster under bench/out/hq_pg, created the first time."""
    from tests.support import postgres as pg

    bin_dir, data = pg._find_bin_dir(), KEPT_CLUSTER / "data"
    sockets = KEPT_CLUSTER / "sock"
    sockets.mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:
        shutil.chown(KEPT_CLUSTER, "postgres")
        shutil.chown(sockets, "postgres")
    if not (data / "PG_VERSION").exists():
        pg._run([str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust",
                 "--no-sync", "-E", "UTF8", "--locale=C"])
    status = subprocess.run(pg._as_server_user([str(bin_dir / "pg_ctl"), "-D", str(data),
                                                 "status"]), capture_output=True)
    if status.returncode == 0:  # another bench run started it: share it, leave it running
        port = int((data / "postmaster.pid").read_text().splitlines()[3])
        yield pg.PgCluster(f"host=127.0.0.1 port={port} user=postgres dbname=postgres")
        return
    port = pg._free_port()
    options = (f"-p {port} -k {sockets} -c listen_addresses=127.0.0.1 -c fsync=off "
               "-c synchronous_commit=off -c full_page_writes=off -c max_connections=300")
    pg._run([str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options,
             "-l", str(KEPT_CLUSTER / "log"), "-w", "-t", "120", "start"])
    try:
        yield pg.PgCluster(f"host=127.0.0.1 port={port} user=postgres dbname=postgres")
    finally:
        subprocess.run(pg._as_server_user([str(bin_dir / "pg_ctl"), "-D", str(data), "-m",
                                           "fast", "-w", "stop"]), capture_output=True)


def _database_exists(cluster, name: str) -> bool:
    import psycopg

    with psycopg.connect(cluster.admin_dsn, autocommit=True) as conn:
        return conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone() \
            is not None


def _seeded_template(cluster, customers: int, seed: int) -> str:
    """Name of the kept database holding the seeded branch; seeds it the first time."""
    from claimcare_hq.db import make_engine, upgrade
    from claimcare_hq.seed import seed_demo

    name = f"seed_{customers}_{seed}"
    if _database_exists(cluster, name):
        return name
    started = time.perf_counter()
    building = f"building_{customers}_{seed}"
    cluster.drop_database(building)
    cluster.execute(f'CREATE DATABASE "{building}"')
    engine = make_engine(cluster.url(building))
    upgrade(engine)
    seed_demo(engine, 1, customers, seed, PASSWORD)
    engine.dispose()
    cluster.execute(f'ALTER DATABASE "{building}" RENAME TO "{name}"')
    print(f"  seeded {customers} customers in {time.perf_counter() - started:.0f} s", flush=True)
    return name


def _seeded_hq(cluster, customers: int, seed: int) -> tuple[str, str]:
    """A fresh copy of the seeded branch, at the newest HQ schema; (URL, supervisor)."""
    from sqlalchemy import select

    from claimcare_hq.db import make_engine, upgrade
    from claimcare_hq.schema import Account

    url = cluster.url(cluster.create_database(_seeded_template(cluster, customers, seed)))
    engine = make_engine(url)
    upgrade(engine)
    with engine.connect() as conn:
        username = conn.execute(select(Account.username).where(Account.role == "supervisor")
                                .order_by(Account.username)).scalars().first()
    engine.dispose()
    return url, username


def measure(cluster, customers: int, seed: int) -> dict:
    url, username = _seeded_hq(cluster, customers, seed)
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
        cluster.drop_database(url.rsplit("/", 1)[1])
    return json.loads(out.stdout.strip().splitlines()[-1])


def report(customers: int, r: dict) -> None:
    rate = r["received"] / r["sync_seconds"]
    base_rate = r["rows"] / r["baseline_seconds"]
    rest = r["sync_seconds"] - r["pull_seconds"] - r["derived_seconds"]
    print(f"customers={customers} rows={r['rows']} received={r['received']} "
          f"sent back={r['sent']} (visits and care items planned on the PC)")
    print(f"  figure:   first sync {r['sync_seconds']:.1f} s = {rate:,.0f} records/s, "
          f"app CPU {r['sync_cpu']:.1f} s; of which pull+apply {r['pull_seconds']:.1f} s, "
          f"derived refreshes {r['derived_seconds']:.1f} s, pushing the planned rows and "
          f"pulling their echo {rest:.1f} s; peak RSS {r['peak_rss_mib']:.0f} MiB "
          f"({r['pull_peak_rss_mib']:.0f} MiB at the end of the first pull+apply)")
    print(f"  baseline: sqlite3.executemany of the same rows into the profile's schema "
          f"{r['baseline_seconds']:.2f} s (CPU {r['baseline_cpu']:.2f} s) = {base_rate:,.0f} "
          f"records/s; without its KPI triggers {r['bare_seconds']:.2f} s "
          f"(CPU {r['bare_cpu']:.2f} s)")
    for name in ("baseline", "bare"):
        base = r[f"{name}_seconds"]
        print(f"  ratio{' (no triggers)' if name == 'bare' else ''}: "
              f"{r['sync_seconds'] / base:.1f}x; pull+apply only {r['pull_seconds'] / base:.1f}x")
    print(f"  target:   at most {TARGET_RATIO:.0f}x the baseline; memory flat as the branch grows")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, nargs="+", default=[20000, 100000])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--seed-only", action="store_true",
                        help="only make sure the seeded branches are in the kept cluster")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], args.child[1], Path(args.child[2]))
        return
    sys.path.insert(0, str(ROOT))
    with kept_cluster() as cluster:
        for customers in args.customers:
            if args.seed_only:
                _seeded_template(cluster, customers, args.seed)
            else:
                report(customers, measure(cluster, customers, args.seed))


if __name__ == "__main__":
    main()
