"""Push and pull over HTTP against PostgreSQL: idempotence, per-field merge, histories,
roles, validation, paging."""
from __future__ import annotations

import gzip
import json
import uuid

import pytest
import requests

from claimcare_desktop.sync.errors import HqRefused
from tests.support.branches import DAY0, seed_branch
from tests.support.hq_calls import client_for, hq_row, hq_rows, mutation, pull_everything

pytestmark = pytest.mark.postgres


def _attempt(branch, visit_id: str, user_id: str) -> dict:
    return {"branch_id": branch.id, "visit_id": visit_id, "user_id": user_id,
            "attempted_at": DAY0.isoformat(), "channel": "phone", "result": "reached",
            "satisfaction": 5, "notes": "ok", "deleted": False}


def test_a_replayed_push_gets_the_same_answer_and_changes_nothing(live_hq):
    branch = seed_branch(live_hq.engine)
    mgr = client_for(live_hq, branch, f"{branch.code}.mgr1", "dev-a")
    customer = branch.customers[0]
    batch = [mutation(1, "customers", customer, {"tags": ["golf"]}, {"tags": []}),
             mutation(2, "visit_attempts", str(uuid.uuid4()),
                      _attempt(branch, branch.visits[0], branch.managers[0]))]
    first = mgr.push(batch)
    assert first == {"acked_through": 2, "applied": 2, "skipped": 0, "conflicts": 0,
                     "rejected": []}
    before = hq_rows(live_hq.engine, "customers", branch.id)
    assert mgr.push(batch) == first
    assert mgr.push(batch[:1]) == {"acked_through": 2, "applied": 0, "skipped": 1,
                                   "conflicts": 0, "rejected": []}
    assert hq_rows(live_hq.engine, "customers", branch.id) == before
    assert len(hq_rows(live_hq.engine, "visit_attempts", branch.id)) == 1


def test_same_field_conflict_keeps_hq_value_and_logs_the_loser(live_hq):
    branch = seed_branch(live_hq.engine)
    sup = client_for(live_hq, branch, f"{branch.code}.sup", "dev-sup")
    mgr = client_for(live_hq, branch, f"{branch.code}.mgr1", "dev-mgr")
    customer = branch.customers[0]
    sup.push([mutation(1, "customers", customer, {"care_notes": "calls after 6pm"},
                       {"care_notes": None})])
    answer = mgr.push([mutation(1, "customers", customer,
                                {"care_notes": "prefers WeChat", "best_time": "morning"},
                                {"care_notes": None, "best_time": None})])
    assert answer["conflicts"] == 1 and answer["applied"] == 1
    row = hq_row(live_hq.engine, "customers", branch.id, customer)
    assert (row["care_notes"], row["best_time"]) == ("calls after 6pm", "morning")
    (logged,) = hq_rows(live_hq.engine, "conflict_log", branch.id)
    assert (logged["table_name"], logged["row_id"], logged["field"]) == ("customers", customer,
                                                                         "care_notes")
    assert (logged["kept_value"], logged["lost_value"]) == ("calls after 6pm", "prefers WeChat")
    assert (logged["lost_device_id"], logged["lost_user_id"]) == (f"{branch.code}-dev-mgr",
                                                                  branch.managers[0])
    pulled = {(r["table"], r["id"]): r for r in pull_everything(mgr)}
    assert pulled[("conflict_log", logged["id"])]["fields"]["lost_value"] == "prefers WeChat"
    assert pulled[("customers", customer)]["fields"]["care_notes"] == "calls after 6pm"


def test_histories_merge_by_union_and_a_twice_created_row_is_one_row(live_hq):
    branch = seed_branch(live_hq.engine)
    one = client_for(live_hq, branch, f"{branch.code}.mgr1", "dev-1")
    two = client_for(live_hq, branch, f"{branch.code}.mgr1", "dev-2")
    shared, own = str(uuid.uuid4()), str(uuid.uuid4())
    attempt = _attempt(branch, branch.visits[0], branch.managers[0])
    one.push([mutation(1, "visit_attempts", shared, attempt)])
    two.push([mutation(1, "visit_attempts", shared, attempt),
              mutation(2, "visit_attempts", own, attempt)])
    ids = {r["id"] for r in hq_rows(live_hq.engine, "visit_attempts", branch.id)}
    assert ids == {shared, own}


def test_manager_cannot_reassign_but_supervisor_can(live_hq):
    branch = seed_branch(live_hq.engine)
    complaint = branch.complaints[0]  # owned by mgr1
    mgr1 = client_for(live_hq, branch, f"{branch.code}.mgr1", "dev-m1")
    mgr2 = client_for(live_hq, branch, f"{branch.code}.mgr2", "dev-m2")
    sup = client_for(live_hq, branch, f"{branch.code}.sup", "dev-s")
    move = {"owner_id": branch.managers[1]}
    refused = mgr1.push([mutation(1, "complaints", complaint, move,
                                  {"owner_id": branch.managers[0]})])
    assert refused["rejected"] == [{"seq": 1, "reason": "reassigning_needs_supervisor"}]
    not_theirs = mgr2.push([mutation(1, "complaints", complaint, {"summary": "mine now"},
                                     {"summary": "slow payout"})])
    assert not_theirs["rejected"] == [{"seq": 1, "reason": "row_of_another_manager"}]
    claims = mgr1.push([mutation(2, "claims", branch.claims[0], {"status": "paid"},
                                 {"status": "open"})])
    assert claims["rejected"] == [{"seq": 2, "reason": "read_only_table"}]
    assert hq_row(live_hq.engine, "complaints", branch.id, complaint)["owner_id"] == branch.managers[0]
    assert sup.push([mutation(1, "complaints", complaint, move,
                              {"owner_id": branch.managers[0]})])["rejected"] == []
    assert hq_row(live_hq.engine, "complaints", branch.id, complaint)["owner_id"] == branch.managers[1]


def test_a_refused_edit_is_sent_back_so_the_device_gets_hq_value(live_hq):
    branch = seed_branch(live_hq.engine)
    mgr2 = client_for(live_hq, branch, f"{branch.code}.mgr2", "dev-m2")
    cursor = pull_everything(mgr2)[-1]["seq"]
    mgr2.push([mutation(1, "complaints", branch.complaints[0], {"summary": "x"},
                        {"summary": "slow payout"})])
    again = pull_everything(mgr2, cursor)
    assert [(r["table"], r["id"], r["fields"]["summary"]) for r in again] == [
        ("complaints", branch.complaints[0], "slow payout")]


@pytest.mark.parametrize("bad, message", [
    (mutation(1, "nope", "x", {}), "unknown table"),
    (mutation(1, "customers", "x", {"tags": None}), "cannot be empty"),
    (mutation(1, "customers", "x", {"tier": 5}), "does not fit"),
    (mutation(1, "customers", "x", {"birth_date": "yesterday"}), "does not fit"),
    (mutation(1, "customers", "x", {"change_seq": 1}), "no writable column"),
])
def test_invalid_pushes_are_refused_whole_with_a_reason(live_hq, bad, message):
    branch = seed_branch(live_hq.engine, customers=1)
    mgr = client_for(live_hq, branch, f"{branch.code}.mgr1", "dev")
    good = mutation(1, "customers", branch.customers[0], {"tags": ["x"]}, {"tags": []})
    with pytest.raises(HqRefused) as caught:
        mgr.push([good, {**bad, "seq": 2}])
    assert caught.value.status == 400 and message in caught.value.detail
    assert hq_row(live_hq.engine, "customers", branch.id, branch.customers[0])["tags"] == []


def test_gzip_request_bodies_are_accepted(live_hq):
    branch = seed_branch(live_hq.engine, customers=1)
    mgr = client_for(live_hq, branch, f"{branch.code}.mgr1", "dev")
    body = {"mutations": [mutation(1, "customers", branch.customers[0], {"tags": ["gz"]},
                                   {"tags": []})]}
    response = requests.post(f"{live_hq.url}/api/v1/sync/push",
                             data=gzip.compress(json.dumps(body).encode()),
                             headers={"Authorization": f"Bearer {mgr.token}",
                                      "Content-Encoding": "gzip",
                                      "Content-Type": "application/json"})
    assert response.status_code == 200, response.text
    assert hq_row(live_hq.engine, "customers", branch.id, branch.customers[0])["tags"] == ["gz"]


def test_pull_pages_in_change_order_without_gaps_or_repeats(live_hq):
    branch = seed_branch(live_hq.engine, customers=6)
    mgr = client_for(live_hq, branch, f"{branch.code}.mgr1", "dev")
    everything = pull_everything(mgr, limit=1000)
    paged = pull_everything(mgr, limit=3)
    assert [r["seq"] for r in paged] == [r["seq"] for r in everything]
    assert [r["seq"] for r in everything] == sorted({r["seq"] for r in everything})
    tables = {r["table"] for r in everything}
    assert {"branches", "users", "customers", "claims", "visits", "complaints"} <= tables
    assert all(r["fields"]["branch_id"] == branch.id for r in everything)


def test_a_push_partly_applied_before_is_answered_the_same_every_time(live_hq):
    branch = seed_branch(live_hq.engine, customers=1)
    mgr = client_for(live_hq, branch, f"{branch.code}.mgr1", "dev")
    note = lambda n: mutation(n, "audit_log", f"00000000-0000-0000-0000-00000000000{n}",  # noqa: E731
                              {"at": "2026-03-02T00:00:00", "action": f"a{n}"})
    mgr.push([note(1), note(2)])  # its answer was lost; the PC made one more change since
    again = [note(1), note(2), note(3)]
    first = mgr.push(again)
    assert first == {"acked_through": 3, "applied": 1, "skipped": 2, "conflicts": 0,
                     "rejected": []}
    assert mgr.push(again) == first


def test_a_refused_create_is_logged_for_the_branch_with_its_reason_and_fields(live_hq):
    branch = seed_branch(live_hq.engine)
    mgr = client_for(live_hq, branch, f"{branch.code}.mgr1", "dev-mgr")
    claim = str(uuid.uuid4())
    fields = {"customer_id": branch.customers[0], "claim_no": "C-1"}
    answer = mgr.push([mutation(1, "claims", claim, fields)])
    assert answer["rejected"] == [{"seq": 1, "reason": "read_only_table"}]
    assert hq_row(live_hq.engine, "claims", branch.id, claim) is None
    (logged,) = hq_rows(live_hq.engine, "conflict_log", branch.id)
    assert (logged["table_name"], logged["row_id"], logged["field"]) == (
        "claims", claim, "refused create: read_only_table")
    assert logged["kept_value"] is None and logged["lost_value"] == fields
    assert logged["lost_user_id"] == branch.managers[0]
    pulled = {(r["table"], r["id"]) for r in pull_everything(mgr)}
    assert ("conflict_log", logged["id"]) in pulled  # every PC of the branch gets it


def test_a_row_made_on_a_refused_new_row_in_the_same_push_is_refused_too(live_hq):
    branch = seed_branch(live_hq.engine)
    mgr = client_for(live_hq, branch, f"{branch.code}.mgr1", "dev-mgr")
    claim, visit, attempt = (str(uuid.uuid4()) for _ in range(3))
    answer = mgr.push([
        mutation(1, "claims", claim, {"customer_id": branch.customers[0], "claim_no": "C-2"}),
        mutation(2, "visits", visit, {"customer_id": branch.customers[0], "claim_id": claim,
                                      "step": "same_day", "due_date": DAY0.date().isoformat(),
                                      "assignee_id": branch.managers[0], "status": "open",
                                      "attempts": 0, "deleted": False}),
        mutation(3, "visit_attempts", attempt, _attempt(branch, visit, branch.managers[0]))])
    assert answer["rejected"] == [{"seq": 1, "reason": "read_only_table"},
                                  {"seq": 2, "reason": "reference_outside_branch"},
                                  {"seq": 3, "reason": "reference_outside_branch"}]
    assert hq_row(live_hq.engine, "visits", branch.id, visit) is None
    assert hq_row(live_hq.engine, "visit_attempts", branch.id, attempt) is None
    refused = {r["row_id"] for r in hq_rows(live_hq.engine, "conflict_log", branch.id)}
    assert refused == {claim, visit, attempt}  # each is kept for the branch to see


def test_refusals_of_skipped_mutations_are_repeated_through_answers_lost_in_a_row(live_hq):
    """A PC whose answers were lost sends its outbox again with newer changes: HQ skips what
    it applied and repeats those mutations' refusals, carried from answer to answer."""
    branch = seed_branch(live_hq.engine)
    mgr = client_for(live_hq, branch, f"{branch.code}.mgr1", "dev-mgr")
    claim_no = {"customer_id": branch.customers[0], "claim_no": "C-LOST"}
    outbox = [mutation(1, "claims", str(uuid.uuid4()), claim_no)]
    outbox += [mutation(n, "customers", branch.customers[0], {"care_notes": f"note {n}"},
                        {"care_notes": None if n == 2 else f"note {n - 1}"}) for n in (2, 3)]
    refused = {"seq": 1, "reason": "read_only_table"}
    assert mgr.push(outbox[:2])["rejected"] == [refused]  # this answer is "lost"
    second = mgr.push(outbox)  # and this one too
    assert (second["applied"], second["skipped"], second["rejected"]) == (1, 2, [refused])
    outbox.append(mutation(4, "customers", branch.customers[0], {"care_notes": "note 4"},
                           {"care_notes": "note 3"}))
    third = mgr.push(outbox)
    assert (third["applied"], third["skipped"], third["rejected"]) == (1, 3, [refused])
    assert mgr.push(outbox[:2])["rejected"] == [refused]  # all skipped, not a replay
    assert mgr.push(outbox[1:])["rejected"] == []  # the PC dropped seq 1: it had the answer
