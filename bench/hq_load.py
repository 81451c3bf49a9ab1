"""HQ under 200 devices syncing at once: requests/s, p50/p99 latency, errors.

A throwaway PostgreSQL (tests/support/postgres.py) holds 20 demo branches; one
`claimcare-hq serve` process serves them. 200 simulated devices (10 per branch, spread over
2 load processes × 100 threads, one keep-alive session each) loop: push a batch of edits,
then pull their branch's changes from their cursor. A second phase sends `GET /api/v1/ping`
(the trivial endpoint) from the same 200 devices. Printed: figure, baseline, ratio, target.

    .venv/bin/python bench/hq_load.py --seconds 20
"""
from __future__ import annotations

import argparse
import collections
import json
import multiprocessing
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
BRANCHES, DEVICES_PER_BRANCH, PROCESSES = 20, 10, 2
PUSH_BATCH = 20
TARGET = 0.5
errors: collections.Counter = collections.Counter()  # per load process: what failed, how often


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _devices(url: str) -> list[dict]:
    """One token per device (minted directly: 200 argon2 sign-ins are not what we measure)."""
    from sqlalchemy import select

    from claimcare_hq.auth import issue_token
    from claimcare_hq.db import make_engine
    from claimcare_hq.schema import SYNCED_TABLES, Account

    engine = make_engine(url)
    accounts, customers = Account.__table__, SYNCED_TABLES["customers"]
    devices = []
    with engine.begin() as conn:
        sups = conn.execute(select(accounts).where(accounts.c.role == "supervisor")).all()
        for account in sups:
            notes = dict(conn.execute(select(customers.c.id, customers.c.care_notes).where(
                customers.c.branch_id == account.branch_id).order_by(customers.c.id)).all())
            ids = list(notes)
            for n in range(DEVICES_PER_BRANCH):
                device_id = f"bench-{uuid.uuid4()}"
                token = issue_token(conn, account.user_id, account.branch_id, device_id)
                # each device edits its own customers, knowing their current notes (its base)
                mine = {cid: notes[cid] for cid in ids[n::DEVICES_PER_BRANCH]}
                devices.append({"token": token, "notes": mine, "n": n})
    engine.dispose()
    return devices


def _device_loop(base: str, device: dict, mode: str, until: float, out: list) -> None:
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {device['token']}"
    seq, cursor = 0, 0
    while time.monotonic() < until:
        if mode == "ping":
            calls = [("ping", "GET", "/api/v1/ping", None)]
        else:
            mutations = []
            customers = list(device["notes"])
            for _ in range(PUSH_BATCH):
                seq += 1
                customer = customers[seq % len(customers)]
                note = f"d{device['n']}-{seq}"
                mutations.append({"seq": seq, "table": "customers", "row_id": customer,
                                  "fields": {"care_notes": note},
                                  "base": {"care_notes": device["notes"][customer]}})
                device["notes"][customer] = note
            calls = [("push", "POST", "/api/v1/sync/push", {"mutations": mutations}),
                     ("pull", "GET", f"/api/v1/sync/pull?cursor={cursor}&limit=500", None)]
        for name, method, path, body in calls:
            started = time.perf_counter()
            try:
                response = session.request(method, base + path, json=body, timeout=60)
                ok = response.status_code == 200
                if ok and name == "pull":
                    cursor = response.json()["next_cursor"]
                elif not ok:
                    errors[f"{name} {response.status_code}: {response.text[:80]}"] += 1
            except requests.RequestException as exc:
                ok = False
                errors[f"{name}: {type(exc).__name__}"] += 1
            out.append((name, time.perf_counter() - started, ok))


def _load_process(base: str, devices: list[dict], mode: str, until: float, queue) -> None:
    out: list = []
    threads = [threading.Thread(target=_device_loop, args=(base, d, mode, until, out))
               for d in devices]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    queue.put((out, time.process_time(), dict(errors)))


def _cpu_seconds(pid: int) -> float:
    """CPU time so far of process `pid` and its children that ended (its workers)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return sum(int(v) for v in fields[11:15]) / os.sysconf("SC_CLK_TCK")


def _phase(base: str, devices: list[dict], mode: str, seconds: float,
           server: int) -> tuple[list, float, float]:
    """Every call's (endpoint, seconds, ok), and the CPU seconds of the load processes and of
    the server process in this phase."""
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    until = time.monotonic() + seconds
    parts = [devices[i::PROCESSES] for i in range(PROCESSES)]
    procs = [context.Process(target=_load_process, args=(base, p, mode, until, queue))
             for p in parts]
    server_before = _cpu_seconds(server)
    for p in procs:
        p.start()
    answers = [queue.get() for _ in procs]
    for p in procs:
        p.join()
    for _out, _cpu, errors in answers:
        for error, count in errors.items():
            print(f"  error x{count}: {error}")
    return ([r for out, _cpu, _errors in answers for r in out],
            sum(cpu for _out, cpu, _errors in answers), _cpu_seconds(server) - server_before)


def _summary(results: list, name: str, seconds: float) -> dict:
    mine = [(t, ok) for n, t, ok in results if n == name]
    times = sorted(t for t, _ok in mine)
    return {"requests": len(mine), "rps": len(mine) / seconds,
            "p50_ms": 1000 * statistics.median(times) if times else 0,
            "p99_ms": 1000 * times[int(len(times) * 0.99) - 1] if times else 0,
            "errors": sum(1 for _t, ok in mine if not ok)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--workers", type=int, default=1,
                        help="`claimcare-hq serve --workers` (the same server for both phases)")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from claimcare_hq.db import make_engine, upgrade
    from claimcare_hq.seed import seed_demo
    from tests.support.postgres import postgres_cluster

    with postgres_cluster() as cluster:
        url = cluster.url(cluster.create_database())
        engine = make_engine(url)
        upgrade(engine)
        seed_demo(engine, BRANCHES, 50, 7, "bench-password")
        engine.dispose()
        devices = _devices(url)
        port = _free_port()
        server = subprocess.Popen([sys.executable, "-m", "claimcare_hq.cli", "serve", "--db", url,
                                   "--port", str(port), "--workers", str(args.workers)], cwd=ROOT)
        base = f"http://127.0.0.1:{port}"
        try:
            time.sleep(3)
            sync, sync_client_cpu, sync_server_cpu = _phase(base, devices, "sync", args.seconds,
                                                            server.pid)
            ping, ping_client_cpu, ping_server_cpu = _phase(base, devices, "ping", args.seconds,
                                                            server.pid)
        finally:
            server.terminate()
            server.wait(30)
    figures = {name: _summary(sync, name, args.seconds) for name in ("push", "pull")}
    figures["ping"] = _summary(ping, "ping", args.seconds)
    print(json.dumps(figures))
    for name, f in figures.items():
        print(f"  {name}: {f['rps']:.0f} req/s, p50 {f['p50_ms']:.0f} ms, p99 {f['p99_ms']:.0f} ms, "
              f"{f['errors']} errors ({f['requests']} requests)")
    batch_rps = figures["push"]["rps"] + figures["pull"]["rps"]
    print(f"  figure:   batch endpoints {batch_rps:.0f} req/s (push of {PUSH_BATCH} + pull ≤500) "
          f"with {BRANCHES * DEVICES_PER_BRANCH} devices at once")
    print(f"  baseline: GET /api/v1/ping {figures['ping']['rps']:.0f} req/s, same server "
          f"({args.workers} worker(s)), same devices")
    print(f"  ratio:    {batch_rps / max(figures['ping']['rps'], 1):.2f}")
    batch_calls = max(1, figures["push"]["requests"] + figures["pull"]["requests"])
    ping_calls = max(1, figures["ping"]["requests"])
    print(f"  CPU per request: batch: load clients {1000 * sync_client_cpu / batch_calls:.2f} ms, "
          f"server {1000 * sync_server_cpu / batch_calls:.2f} ms; ping: load clients "
          f"{1000 * ping_client_cpu / ping_calls:.2f} ms, server "
          f"{1000 * ping_server_cpu / ping_calls:.2f} ms (PostgreSQL not counted)")
    print(f"  target:   ratio at least {TARGET}, no errors")


if __name__ == "__main__":
    main()
