"""Planning the cadence visits of closed claims that arrived without them (claims imported at
HQ with `claimcare-hq import-claims`, then a branch PC's first sync): time and peak RSS.

For each size N, a profile holds one branch, N customers and one closed claim each, and no
visits (built once per size with bulk inserts, then copied for every run). Each run is a
fresh process started by a small parent, so its peak RSS (getrusage ru_maxrss) is its own:
- `plan`: `store.cadence_planning.plan_visits_for_closed_claims` in one session
  transaction and the commit, as the sync engine calls it (`--planner FILE` loads the
  function from another copy of the module instead, e.g. the one before a change:
  `git show REV:claimcare_desktop/store/cadence_planning.py > /tmp/before.py`;
  `--no-bulk` keeps the current module out of the KPI bulk-load mode it uses for a big
  planning, to measure what that mode saves);
- baseline: the same visit rows (read from the planned copy) inserted into a fresh copy with
  plain `sqlite3.executemany` and one commit; a second baseline inserts their outbox rows too.

    .venv/bin/python -m bench.cadence_planning --claims 2000 20000 100000
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLOSED_FROM = datetime(2025, 10, 1, 2, 0)
MANAGERS = 8


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _current_mib() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize() / 2**20


# ---- the dataset ----

def _rows(claims: int) -> list[tuple[str, list[dict]]]:
    from claimcare_desktop.domain.ids import new_id

    branch = new_id()
    managers = [new_id() for _ in range(MANAGERS)]
    users = [{"id": m, "branch_id": branch, "username": f"b1.mgr{n}", "display_name": f"经理{n}",
              "role": "manager"} for n, m in enumerate(managers)]
    customers, closed = [], []
    for n in range(claims):
        customer = new_id()
        customers.append({"id": customer, "branch_id": branch, "name": f"客户{n}",
                          "phone": f"139{n:08d}", "manager_id": managers[n % MANAGERS]})
        closed_at = CLOSED_FROM + timedelta(minutes=7 * n % (400 * 24 * 60))
        closed.append({"id": new_id(), "branch_id": branch, "customer_id": customer,
                       "claim_no": f"C{n:09d}", "claim_type": "auto", "status": "paid",
                       "reported_at": closed_at - timedelta(days=9), "paid_at": closed_at,
                       "documents_confirmed_at": closed_at - timedelta(days=2),
                       "closed_at": closed_at, "claimed_fen": 100_000, "paid_fen": 90_000})
    return [("branches", [{"id": branch, "code": "b1", "name": "一号支公司"}]), ("users", users),
            ("customers", customers), ("claims", closed)]


def build_dataset(claims: int, folder: Path) -> Path:
    """A profile of `claims` closed claims without visits, as a first sync leaves it."""
    from claimcare_desktop.store.bulk import BulkInserter
    from claimcare_desktop.store.db import open_profile
    from claimcare_desktop.store.models import MODEL_BY_TABLE

    profile = open_profile(folder)
    with profile.engine.begin() as conn:
        for table, rows in _rows(claims):
            BulkInserter(MODEL_BY_TABLE[table].__table__).insert(conn, rows)
    path = profile.database_path
    profile.close()
    return path


# ---- the children ----

def _planner(path: str | None):
    if path is None:
        from claimcare_desktop.store.cadence_planning import plan_visits_for_closed_claims

        return plan_visits_for_closed_claims
    spec = importlib.util.spec_from_file_location("claimcare_desktop.store.bench_planner", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.plan_visits_for_closed_claims


def child_plan(folder: str, planner_file: str | None, bulk: bool) -> dict:
    from claimcare_desktop.store import cadence_planning
    from claimcare_desktop.store.db import open_profile

    if not bulk:
        cadence_planning.BULK_FROM_CLAIMS = 10**12
    plan = _planner(planner_file)
    profile = open_profile(folder, upgrade=False)
    with profile.engine.connect() as conn:
        user_id = conn.exec_driver_sql("SELECT id FROM users ORDER BY id LIMIT 1").scalar()
    before = _current_mib()
    started, started_cpu = time.perf_counter(), time.process_time()
    with profile.session(user_id) as session, session.begin():
        added = plan(session, user_id)
    seconds, cpu = time.perf_counter() - started, time.process_time() - started_cpu
    wal = Path(f"{profile.database_path}-wal")
    wal_mib = wal.stat().st_size / 2**20 if wal.exists() else 0.0
    profile.close()
    return {"added": added, "seconds": seconds, "cpu": cpu, "rss_before_mib": before,
            "peak_mib": _peak_mib(), "wal_mib": wal_mib}


def child_baseline(source: str, target: str, with_outbox: bool) -> dict:
    """Insert the visits (and their outbox rows) `source` holds into `target`."""
    read = sqlite3.connect(source)
    write = sqlite3.connect(target)
    write.execute("PRAGMA journal_mode=WAL")
    tables = ("visits", "outbox") if with_outbox else ("visits",)
    batches = []
    for table in tables:
        cursor = read.execute(f"SELECT * FROM {table}")
        names = [d[0] for d in cursor.description]
        sql = f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
        batches.append((sql, cursor.fetchall()))
    read.close()
    before = _current_mib()
    started, started_cpu = time.perf_counter(), time.process_time()
    with write:
        for sql, rows in batches:
            write.executemany(sql, rows)
    seconds, cpu = time.perf_counter() - started, time.process_time() - started_cpu
    write.close()
    return {"rows": sum(len(rows) for _sql, rows in batches), "seconds": seconds, "cpu": cpu,
            "rss_before_mib": before, "peak_mib": _peak_mib()}


def _run_child(*args: str) -> dict:
    out = subprocess.run([sys.executable, "-m", "bench.cadence_planning", "--child", *args],
                         cwd=ROOT, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


# ---- one size ----

def measure(claims: int, planner_file: str | None, bulk: bool, work: Path) -> dict:
    # built in a child too: a child's ru_maxrss starts at its parent's RSS at fork time
    template = Path(_run_child("build", str(claims), str(work / "template"))["path"])
    planned = work / "planned"
    planned.mkdir()
    shutil.copyfile(template, planned / template.name)
    options = ([planner_file] if planner_file else ["-"]) + ([] if bulk else ["no-bulk"])
    result = {"claims": claims, "plan": _run_child("plan", str(planned), *options)}
    for name, flag in (("baseline", "visits"), ("baseline_outbox", "outbox")):
        target = work / f"{name}.sqlite3"
        shutil.copyfile(template, target)
        result[name] = _run_child("baseline", str(planned / template.name), str(target), flag)
    return result


def _report(r: dict) -> str:
    plan, base, both = r["plan"], r["baseline"], r["baseline_outbox"]
    return (f"{r['claims']:>8,} {plan['added']:>8,} {plan['seconds']:>7.2f} {plan['cpu']:>7.2f} "
            f"{plan['rss_before_mib']:>6.0f} {plan['peak_mib']:>6.0f} "
            f"{base['seconds']:>7.2f} {base['cpu']:>7.2f} {plan['cpu'] / base['cpu']:>5.1f}x "
            f"{both['seconds']:>7.2f} {both['cpu']:>7.2f} {plan['cpu'] / both['cpu']:>5.1f}x "
            f"{base['peak_mib']:>6.0f} {plan['wal_mib']:>6.0f}")


HEADER = (f"{'claims':>8} {'visits':>8} {'plan s':>7} {'cpu s':>7} {'rss0':>6} {'peak':>6} "
          f"{'base s':>7} {'cpu s':>7} {'ratio':>6} {'b+ob s':>7} {'cpu s':>7} {'ratio':>6} "
          f"{'b.peak':>6} {'wal':>6}\n(ratios by CPU time; MiB: rss0 = before planning, peak, "
          f"b.peak = baseline's, wal = the WAL file after the planning's commit)")


def main(argv: list[str]) -> None:
    if argv[:1] == ["--child"]:
        kind, *rest = argv[1:]
        if kind == "build":
            print(json.dumps({"path": str(build_dataset(int(rest[0]), Path(rest[1])))}))
        elif kind == "plan":
            planner = None if rest[1] == "-" else rest[1]
            print(json.dumps(child_plan(rest[0], planner, "no-bulk" not in rest[2:])))
        else:
            print(json.dumps(child_baseline(rest[0], rest[1], rest[2] == "outbox")))
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, nargs="+", default=[2000, 20_000, 100_000])
    parser.add_argument("--planner", help="a file defining plan_visits_for_closed_claims")
    parser.add_argument("--no-bulk", action="store_true",
                        help="never the KPI bulk-load mode (the current module only)")
    args = parser.parse_args(argv)
    print(HEADER, flush=True)
    for claims in args.claims:
        with tempfile.TemporaryDirectory(prefix="bench-cadence-") as tmp:
            result = measure(claims, args.planner and str(Path(args.planner).resolve()), not args.no_bulk,
                             Path(tmp))
        print(_report(result), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
