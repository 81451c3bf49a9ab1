"""Pushes of one branch racing each other on PostgreSQL (the pipelined store): the same new
row created by many PCs at once ends as one row, every edit lands once, change numbers stay
unique, and dropped database connections answer 503, not 500."""
from __future__ import annotations

import threading
import uuid

import pytest
import requests
from sqlalchemy import text

from tests.support.branches import DAY0, seed_branch
from tests.support.hq_calls import client_for, hq_rows, mutation, pull_everything

pytestmark = pytest.mark.postgres

DEVICES = 8


def _race(pushes) -> list:
    """Run every push at once (each on its own thread), their answers in order."""
    start = threading.Barrier(len(pushes))
    answers: list = [None] * len(pushes)

    def run(n: int) -> None:
        start.wait()
        answers[n] = pushes[n]()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(len(pushes))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return answers


def _care_item(branch, customer: str, note: str) -> dict:
    return {"customer_id": customer, "kind": "festival", "due_date": DAY0.date().isoformat(),
            "assignee_id": branch.managers[0], "status": "planned", "note": note,
            "deleted": False}


def test_one_new_row_created_by_many_pcs_at_once_is_one_row(live_hq):
    branch = seed_branch(live_hq.engine)
    clients = [client_for(live_hq, branch, f"{branch.code}.sup", f"dev-{n}")
               for n in range(DEVICES)]
    shared = str(uuid.uuid4())  # a deterministic id every PC plans, as cadence visits have
    answers = _race([lambda c=c, n=n: c.push([mutation(
        1, "care_items", shared, _care_item(branch, branch.customers[0], f"from {n}"))])
        for n, c in enumerate(clients)])
    assert [a["rejected"] for a in answers] == [[]] * DEVICES
    assert sum(a["applied"] for a in answers) == DEVICES
    (row,) = [r for r in hq_rows(live_hq.engine, "care_items", branch.id) if r["id"] == shared]
    losers = [r for r in hq_rows(live_hq.engine, "conflict_log", branch.id) if r["row_id"] == shared]
    assert len(losers) == DEVICES - 1  # the first create won; each other note is kept here
    assert {row["note"]} | {r["lost_value"] for r in losers} == {f"from {n}" for n in range(DEVICES)}


def test_racing_edits_of_one_branch_all_land_with_unique_numbers(live_hq):
    branch = seed_branch(live_hq.engine, customers=DEVICES)
    clients = [client_for(live_hq, branch, f"{branch.code}.sup", f"dev-{n}")
               for n in range(DEVICES)]
    for round_ in range(3):
        _race([lambda c=c, n=n: c.push([mutation(
            round_ + 1, "customers", branch.customers[n], {"care_notes": f"{n}/{round_}"},
            {"care_notes": None if round_ == 0 else f"{n}/{round_ - 1}"})])
            for n, c in enumerate(clients)])
    notes = {r["id"]: r["care_notes"] for r in hq_rows(live_hq.engine, "customers", branch.id)}
    assert notes == {branch.customers[n]: f"{n}/2" for n in range(DEVICES)}
    with live_hq.engine.connect() as conn:
        numbers = conn.execute(text(
            "SELECT change_seq FROM customers WHERE branch_id = :b UNION ALL "
            "SELECT change_seq FROM conflict_log WHERE branch_id = :b"), {"b": branch.id}
        ).scalars().all()
        counter = conn.execute(text("SELECT next_seq FROM branch_counters WHERE branch_id = :b"),
                               {"b": branch.id}).scalar()
    assert len(numbers) == len(set(numbers)) and max(numbers) < counter
    pulled = pull_everything(clients[0])
    assert {r["id"]: r["fields"]["care_notes"] for r in pulled
            if r["table"] == "customers"} == notes


def test_dropped_database_connections_answer_503_then_work_again(live_hq):
    branch = seed_branch(live_hq.engine)
    token_client = client_for(live_hq, branch, f"{branch.code}.sup", "dev-drop")
    token_client.pull(0, 10)  # the server's pool holds open connections now
    with live_hq.engine.connect() as conn:
        conn.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                          "WHERE datname = current_database() AND pid <> pg_backend_pid() "
                          "AND backend_type = 'client backend'"))
    headers = {"Authorization": f"Bearer {token_client.token}"}
    statuses = set()
    for _ in range(3):  # as many failures as broken pooled connections are met
        answer = requests.get(f"{live_hq.url}/api/v1/sync/pull?cursor=0&limit=10",
                              headers=headers, timeout=30)
        statuses.add(answer.status_code)
        if answer.status_code == 503:
            assert answer.headers["Retry-After"] == "1"
    assert statuses <= {200, 503}
    late = mutation(1, "customers", branch.customers[0],
                    {"care_notes": "after the drop"}, {"care_notes": None})
    for _ in range(60):  # every broken connection is found and dropped by the pool in turn
        answer = requests.post(f"{live_hq.url}/api/v1/sync/push", json={"mutations": [late]},
                               headers=headers, timeout=30)
        assert answer.status_code in (200, 503)
        if answer.status_code == 200:
            break
    assert answer.json()["applied"] == 1
