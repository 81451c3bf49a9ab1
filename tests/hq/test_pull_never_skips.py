"""Two pushes committing out of order around a pull: the pull misses neither (DESIGN §4.4).

The first push takes its numbers and then stalls before committing; a second push of the
same branch arrives meanwhile, and a pull runs in between. Without the branch counter lock
the second push would commit a higher number first and the pull's cursor would jump over
the first push's rows for good.
"""
from __future__ import annotations

import threading
import time
import uuid

import pytest
from sqlalchemy import text

from claimcare_hq.permissions import Actor
from claimcare_hq.push_sqlalchemy import push_mutations
from tests.support.branches import seed_branch
from tests.support.hq_calls import client_for, mutation, pull_everything

pytestmark = pytest.mark.postgres


def _audit(at: str) -> dict:
    return {"at": at, "action": "note"}


def _wait_until_blocked_on_a_lock(engine, seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    query = text("select count(*) from pg_stat_activity where wait_event_type = 'Lock' "
                 "and datname = current_database()")
    while time.monotonic() < deadline:
        with engine.connect() as conn:
            if conn.execute(query).scalar_one():
                return
        time.sleep(0.01)
    raise AssertionError("the second push never waited for the first")


def test_late_commit_of_an_earlier_number_is_not_skipped(live_hq):
    branch = seed_branch(live_hq.engine, customers=1)
    reader = client_for(live_hq, branch, f"{branch.code}.sup", "dev-reader")
    second = client_for(live_hq, branch, f"{branch.code}.mgr2", "dev-second")
    cursor = pull_everything(reader)[-1]["seq"]
    first_id, second_id = str(uuid.uuid4()), str(uuid.uuid4())
    numbered, release = threading.Event(), threading.Event()

    def slow_first_push() -> None:
        actor = Actor(branch.managers[0], branch.id, "dev-first", "manager")
        with live_hq.engine.begin() as conn:
            push_mutations(conn, actor, [mutation(1, "audit_log", first_id,
                                                  _audit("2026-03-02T01:00:00"))])
            numbered.set()
            release.wait(10)

    first = threading.Thread(target=slow_first_push)
    first.start()
    assert numbered.wait(10)
    result = {}
    pusher = threading.Thread(target=lambda: result.update(second.push(
        [mutation(1, "audit_log", second_id, _audit("2026-03-02T02:00:00"))])))
    pusher.start()
    _wait_until_blocked_on_a_lock(live_hq.engine)
    middle = reader.pull(cursor)
    assert middle["rows"] == [] and middle["next_cursor"] == cursor
    release.set()
    first.join(10)
    pusher.join(10)
    assert result["acked_through"] == 1
    after = pull_everything(reader, middle["next_cursor"])
    assert [r["id"] for r in after] == [first_id, second_id]
    assert after[0]["seq"] < after[1]["seq"]
