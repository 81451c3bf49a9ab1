"""HQ keeps no state outside PostgreSQL: two `claimcare-hq serve` processes on one database,
each PC's requests spread over both, and the sync properties still hold."""
from __future__ import annotations

import subprocess
import sys
import time
import uuid

import pytest
import requests

from claimcare_desktop.store.models import Customer, VisitAttempt
from claimcare_desktop.sync.client import HqClient
from claimcare_desktop.sync.engine import pending_changes
from tests.support.branches import DAY0, seed_branch
from tests.support.devices import hq_data, new_profile, signed_in_engine, synced_data
from tests.support.hq_server import free_port
from tests.support.network import SpreadingAdapter, run_together, use_network

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


def _serve(url: str, port: int) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "claimcare_hq.cli", "serve", "--db", url,
                             "--host", "127.0.0.1", "--port", str(port)])


def _wait_ready(base: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        assert process.poll() is None, "claimcare-hq serve exited"
        try:
            if requests.get(f"{base}/api/v1/ping", timeout=1).ok:
                return
        except requests.ConnectionError:
            time.sleep(0.05)
    raise AssertionError(f"{base} never answered")


@pytest.fixture
def two_servers(fresh_pg_url):
    ports = [free_port(), free_port()]
    processes = [_serve(fresh_pg_url, port) for port in ports]
    urls = [f"http://127.0.0.1:{port}" for port in ports]
    try:
        for url, process in zip(urls, processes, strict=True):
            _wait_ready(url, process)
        yield urls
    finally:
        for process in processes:
            process.terminate()
            process.wait(15)


class _Hq:
    """What signed_in_engine needs: the database and a (first) URL."""

    def __init__(self, engine, url):
        self.engine, self.url = engine, url


def _edit(engine, user_id: str, customer_id: str, visit_id: str, note: str) -> None:
    with engine.profile.session(user_id) as s, s.begin():
        s.get(Customer, customer_id).care_notes = note
        s.add(VisitAttempt(id=str(uuid.uuid4()), branch_id=s.get(Customer, customer_id).branch_id,
                           visit_id=visit_id, user_id=user_id, attempted_at=DAY0,
                           channel="phone", result="reached"))


def test_a_pc_spread_over_two_hq_processes_converges(two_servers, hq_engine, profile_template,
                                                     tmp_path):
    branch = seed_branch(hq_engine, customers=4)
    hq = _Hq(hq_engine, two_servers[0])
    devices = []
    for name, username in (("sup", f"{branch.code}.sup"), ("mgr", f"{branch.code}.mgr1")):
        engine = signed_in_engine(new_profile(profile_template, tmp_path / name), hq, branch,
                                  username, backoff_base=0.01)
        use_network(engine.client, SpreadingAdapter(two_servers[0], two_servers))
        engine.push_batch = 2
        engine.run_once()
        devices.append((engine, branch.users[username]))
    mine = branch.customers[0]  # mgr1's customer: both may edit it
    for round_ in range(4):
        for n, (engine, user_id) in enumerate(devices):
            _edit(engine, user_id, mine, branch.visits[0], f"r{round_}-d{n}")
        run_together(*(engine.run_once for engine, _ in devices))
    batch = [{"seq": 10_000, "table": "audit_log", "row_id": str(uuid.uuid4()),
              "fields": {"at": "2026-03-03T00:00:00", "action": "both"}, "base": {}}]
    token = devices[0][0].client.token
    answers = run_together(*(lambda u=u: HqClient(u, token).push(batch) for u in two_servers))
    assert len(answers) == 2 and answers[0] == answers[1]
    for _round in range(2):
        for engine, _ in devices:
            engine.run_once()
    data = hq_data(hq_engine, branch.id)
    for engine, _ in devices:
        assert pending_changes(engine.profile) == 0
        assert synced_data(engine.profile) == data
        assert engine.client.session.get_adapter(two_servers[0]).sent > 4
    assert len(data["visit_attempts"]) == 8
    assert data["customers"][mine]["care_notes"].startswith("r3-")
    losses = [(c["lost_device_id"], c["lost_value"]) for c in data["conflict_log"].values()]
    assert len(losses) == len(set(losses))


def test_two_hq_processes_setting_up_one_new_database_at_once_both_succeed(pg_cluster):
    """`serve` and `init-db` upgrade first; started together on an empty database, they
    take turns (an advisory lock) instead of both creating the same tables."""
    from claimcare_hq.db import make_engine
    from claimcare_hq.wire_rows import install

    name = pg_cluster.create_database()
    url = pg_cluster.url(name)
    try:
        processes = [subprocess.Popen([sys.executable, "-m", "claimcare_hq.cli", "init-db",
                                       "--db", url], stdout=subprocess.PIPE,
                                      stderr=subprocess.STDOUT, text=True) for _ in range(2)]
        outputs = [p.communicate(timeout=120)[0] for p in processes]
        assert [p.returncode for p in processes] == [0, 0], outputs
        engine = make_engine(url)
        with engine.begin() as conn:
            assert install(conn) == []  # the pull forms are in place: nothing left to do
        engine.dispose()
    finally:
        pg_cluster.drop_database(name)
