"""HQ under 200 devices syncing at once: requests/s, p50/p99 latency, errors.

A throwaway PostgreSQL (tests/support/postgres.py) holds 20 demo branches (`--branches`);
one `claimcare-hq serve` process serves them. 200 simulated devices (10 per branch, spread
over 2 load processes × 100 threads, one keep-alive connection each) loop: push a batch of
edits, then pull their branch's changes from their cursor. A second phase sends
`GET /api/v1/ping` (the trivial endpoint) from the same 200 devices. Each phase runs 3 s
before it is measured. Printed: figure, baseline, ratio, target, and the CPU per request of
the load processes, the server and PostgreSQL's backends (all share this machine's cores).

    .venv/bin/python bench/hq_load.py --seconds 20 [--workers 2] [--branches 200]
                                      [--client requests] [--devices 1 --branches 1]

`--devices 1 --branches 1` measures one request at a time: what each request costs without
any concurrency.
"""
from __future__ import annotations

import argparse
import collections
import gzip
import http.client
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
DEVICES, BRANCHES, PROCESSES = 200, 20, 2
PUSH_BATCH = 20
TARGET = 0.5
WARM_UP = 3.0
errors: collections.Counter = collections.Counter()  # per load process: what failed, how often


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _devices(url: str, per_branch: int) -> list[dict]:
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
            for n in range(per_branch):
                device_id = f"bench-{uuid.uuid4()}"
                token = issue_token(conn, account.user_id, account.branch_id, device_id)
                # each device edits its own customers, knowing their current notes (its base)
                mine = {cid: notes[cid] for cid in ids[n::per_branch]}
                devices.append({"token": token, "notes": mine, "n": n})
    engine.dispose()
    return devices


class _LightClient:
    """One device's keep-alive connection through `http.client` (about a third of the CPU of a
    `requests.Session` per call): the load processes share the server's 2 cores, so every
    millisecond they spend is taken from HQ and PostgreSQL."""

    def __init__(self, base: str, token: str):
        host, port = base.removeprefix("http://").split(":")
        self.connection = http.client.HTTPConnection(host, int(port), timeout=60)
        self.headers = {"Authorization": f"Bearer {token}", "Accept-Encoding": "gzip"}

    def call(self, method: str, path: str, body: bytes | None) -> tuple[int, bytes]:
        headers = self.headers if body is None else {**self.headers,
                                                     "Content-Type": "application/json"}
        try:
            self.connection.request(method, path, body, headers)
            response = self.connection.getresponse()
            data = response.read()
        except (OSError, http.client.HTTPException):
            self.connection.close()
            raise
        if response.getheader("Content-Encoding") == "gzip":
            data = gzip.decompress(data)
        return response.status, data


class _RequestsClient:
    """The same calls through a `requests.Session` (the desktop's own HTTP stack)."""

    def __init__(self, base: str, token: str):
        self.base = base
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {token}"

    def call(self, method: str, path: str, body: bytes | None) -> tuple[int, bytes]:
        headers = None if body is None else {"Content-Type": "application/json"}
        response = self.session.request(method, self.base + path, data=body, headers=headers,
                                        timeout=60)
        return response.status_code, response.content


CLIENTS = {"light": _LightClient, "requests": _RequestsClient}


def _next_cursor(body: bytes) -> int:
    """The pull page's cursor, read from the end of the body (`…,"next_cursor":N,…}`) rather
    than by decoding every row: the load processes only need to follow their branch."""
    tail = body[body.rindex(b'"next_cursor":') + len(b'"next_cursor":'):]
    return int(tail[:tail.index(b",")])


def _push_body(device: dict, first_seq: int) -> bytes:
    mutations = []
    customers = list(device["notes"])
    for seq in range(first_seq, first_seq + PUSH_BATCH):
        customer = customers[seq % len(customers)]
        note = f"d{device['n']}-{seq}"
        mutations.append({"seq": seq, "table": "customers", "row_id": customer,
                          "fields": {"care_notes": note},
                          "base": {"care_notes": device["notes"][customer]}})
        device["notes"][customer] = note
    return json.dumps({"mutations": mutations}).encode()


def _device_loop(base: str, device: dict, mode: str, until: float, out: list,
                 client_kind: str) -> None:
    client = CLIENTS[client_kind](base, device["token"])
    seq, cursor = 0, 0
    while time.monotonic() < until:
        if mode == "ping":
            calls = [("ping", "GET", "/api/v1/ping", None)]
        else:
            calls = [("push", "POST", "/api/v1/sync/push", _push_body(device, seq + 1)),
                     ("pull", "GET", f"/api/v1/sync/pull?cursor={cursor}&limit=500", None)]
            seq += PUSH_BATCH
        for name, method, path, body in calls:
            started = time.perf_counter()
            try:
                status, data = client.call(method, path, body)
                ok = status == 200
                if ok and name == "pull":
                    cursor = _next_cursor(data)
                elif not ok:
                    errors[f"{name} {status}: {data[:80]!r}"] += 1
            except (OSError, http.client.HTTPException, requests.RequestException) as exc:
                ok = False
                errors[f"{name}: {type(exc).__name__}"] += 1
            out.append((name, time.perf_counter() - started, ok))


def _load_process(base: str, devices: list[dict], mode: str, until: float, queue,
                  client_kind: str) -> None:
    out: list = []
    threads = [threading.Thread(target=_device_loop, args=(base, d, mode, until, out, client_kind))
               for d in devices]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    queue.put((out, time.process_time(), dict(errors)))


def _stat(pid: int | str) -> list[str]:
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()


def _cpu_seconds(pid: int) -> float:
    """CPU time so far of process `pid`, of its live children (the `--workers` processes)
    and of the children that ended."""
    total = sum(int(v) for v in _stat(pid)[11:15])
    for proc in Path("/proc").iterdir():
        try:
            if proc.name.isdigit() and int(_stat(proc.name)[1]) == pid:
                total += sum(int(v) for v in _stat(proc.name)[11:13])
        except OSError:
            continue
    return total / os.sysconf("SC_CLK_TCK")


def _postgres_cpu(database: str) -> float:
    """CPU seconds so far of the PostgreSQL backends serving `database` (their process titles
    name it); HQ's pool keeps its connections, so few backends end within a phase."""
    total = 0.0
    for proc in Path("/proc").iterdir():
        try:
            if proc.name.isdigit() and f" {database} ".encode() in (proc / "cmdline").read_bytes():
                fields = (proc / "stat").read_text().rsplit(")", 1)[1].split()
                total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except OSError:
            continue
    return total


def _phase(base: str, devices: list[dict], mode: str, seconds: float, server: int,
           database: str, client_kind: str) -> tuple[list, dict[str, float]]:
    """Every call's (endpoint, seconds, ok), and the CPU seconds of the load processes, of the
    server process and of PostgreSQL's backends in this phase."""
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    until = time.monotonic() + seconds
    parts = [devices[i::PROCESSES] for i in range(PROCESSES)]
    procs = [context.Process(target=_load_process,
                             args=(base, p, mode, until, queue, client_kind)) for p in parts]
    server_before, postgres_before = _cpu_seconds(server), _postgres_cpu(database)
    for p in procs:
        p.start()
    answers = [queue.get() for _ in procs]
    for p in procs:
        p.join()
    for _out, _cpu, errors in answers:
        for error, count in errors.items():
            print(f"  error x{count}: {error}")
    cpu = {"load clients": sum(cpu for _out, cpu, _errors in answers),
           "server": _cpu_seconds(server) - server_before,
           "PostgreSQL": _postgres_cpu(database) - postgres_before}
    return [r for out, _cpu, _errors in answers for r in out], cpu


def _summary(results: list, name: str, seconds: float) -> dict:
    mine = [(t, ok) for n, t, ok in results if n == name]
    times = sorted(t for t, _ok in mine)
    return {"requests": len(mine), "rps": len(mine) / seconds,
            "p50_ms": 1000 * statistics.median(times) if times else 0,
            "p99_ms": 1000 * times[int(len(times) * 0.99) - 1] if times else 0,
            "errors": sum(1 for _t, ok in mine if not ok)}


def _cpu_line(cpu: dict[str, float], calls: int) -> str:
    return ", ".join(f"{name} {1000 * seconds / max(calls, 1):.2f} ms"
                     for name, seconds in cpu.items())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--workers", type=int, default=1,
                        help="`claimcare-hq serve --workers` (the same server for both phases)")
    parser.add_argument("--devices", type=int, default=DEVICES)
    parser.add_argument("--branches", type=int, default=BRANCHES,
                        help="the devices spread over this many branches (as many as devices: no "
                             "two devices share a branch's change counter)")
    parser.add_argument("--client", choices=sorted(CLIENTS), default="light",
                        help="the load processes' HTTP stack (the same for both phases)")
    args = parser.parse_args()
    if args.devices < args.branches or args.devices % args.branches:
        parser.error("--devices must be a multiple of --branches")
    sys.path.insert(0, str(ROOT))
    from claimcare_hq.db import make_engine, upgrade
    from claimcare_hq.seed import seed_demo
    from tests.support.postgres import postgres_cluster

    with postgres_cluster() as cluster:
        database = cluster.create_database()
        url = cluster.url(database)
        engine = make_engine(url)
        upgrade(engine)
        seed_demo(engine, args.branches, 50, 7, "bench-password")
        engine.dispose()
        devices = _devices(url, args.devices // args.branches)
        port = _free_port()
        server = subprocess.Popen([sys.executable, "-m", "claimcare_hq.cli", "serve", "--db", url,
                                   "--port", str(port), "--workers", str(args.workers)], cwd=ROOT)
        base = f"http://127.0.0.1:{port}"
        try:
            time.sleep(3)
            phase = (base, devices)
            for mode in ("sync", "ping"):  # every pooled connection opened, statements prepared
                _phase(*phase, mode, WARM_UP, server.pid, database, args.client)
            sync, sync_cpu = _phase(*phase, "sync", args.seconds, server.pid, database,
                                    args.client)
            ping, ping_cpu = _phase(*phase, "ping", args.seconds, server.pid, database,
                                    args.client)
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
          f"with {len(devices)} devices at once in {args.branches} branches")
    print(f"  baseline: GET /api/v1/ping {figures['ping']['rps']:.0f} req/s, same server "
          f"({args.workers} worker(s)), same devices, {args.client} client")
    print(f"  ratio:    {batch_rps / max(figures['ping']['rps'], 1):.2f}")
    print(f"  CPU per batch request: {_cpu_line(sync_cpu, figures['push']['requests'] + figures['pull']['requests'])}")
    print(f"  CPU per ping:          {_cpu_line(ping_cpu, figures['ping']['requests'])}")
    print(f"  target:   ratio at least {TARGET}, no errors")


if __name__ == "__main__":
    main()
