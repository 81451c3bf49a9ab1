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
