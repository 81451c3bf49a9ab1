"""For every endpoint: a token of branch A can neither read nor write branch B's rows."""
from __future__ import annotations

import uuid

import pytest
import requests

from claimcare_desktop.sync.errors import HqRefused
from claimcare_hq.app import create_app
from claimcare_desktop.sync.client import HqClient
from tests.support.branches import PASSWORD, seed_branch, token_for
from tests.support.hq_calls import client_for, hq_row, hq_rows, mutation, pull_everything

pytestmark = pytest.mark.postgres

ENDPOINTS = {(path, method.upper()) for path, operations
             in create_app("sqlite://").openapi()["paths"].items() for method in operations}


def test_the_endpoints_checked_here_are_all_the_api_has():
    assert ENDPOINTS == {("/api/v1/ping", "GET"), ("/api/v1/auth/sign-in", "POST"),
                         ("/api/v1/auth/sign-out", "POST"), ("/api/v1/sync/push", "POST"),
                         ("/api/v1/sync/pull", "GET")}


@pytest.fixture
def two_branches(live_hq):
    a, b = seed_branch(live_hq.engine), seed_branch(live_hq.engine)
    return a, b, client_for(live_hq, a, f"{a.code}.sup", "dev-a")


def test_pull_never_returns_another_branch_whatever_the_cursor(live_hq, two_branches):
    a, b, client = two_branches
    rows = pull_everything(client, limit=2)
    assert rows and {r["fields"]["branch_id"] for r in rows} == {a.id}
    b_ids = set(b.customers + b.claims + b.visits + b.complaints + list(b.users.values()) + [b.id])
    assert not b_ids & {r["id"] for r in rows}
    for cursor in (0, 1, 5, 10**6):
        assert all(r["fields"]["branch_id"] == a.id for r in client.pull(cursor, 5000)["rows"])


def test_push_naming_branch_b_is_refused_and_changes_nothing(live_hq, two_branches):
    a, b, client = two_branches
    before = hq_rows(live_hq.engine, "customers", b.id)
    for fields in ({"branch_id": b.id, "tags": ["x"]},):
        with pytest.raises(HqRefused) as caught:
            client.push([mutation(1, "customers", b.customers[0], fields, {"tags": []})])
        assert caught.value.status == 403
    assert hq_rows(live_hq.engine, "customers", b.id) == before


def test_push_of_b_row_id_only_ever_touches_branch_a(live_hq, two_branches):
    a, b, client = two_branches
    before = hq_row(live_hq.engine, "customers", b.id, b.customers[0])
    answer = client.push([mutation(1, "customers", b.customers[0], {"tags": ["x"]},
                                   {"tags": []})])
    assert answer["rejected"] == [{"seq": 1, "reason": "incomplete_new_row"}]
    new_id = str(uuid.uuid4())
    client.push([mutation(2, "audit_log", new_id, {"at": "2026-03-02T00:00:00", "action": "x"})])
    assert hq_row(live_hq.engine, "customers", b.id, b.customers[0]) == before
    assert hq_row(live_hq.engine, "audit_log", b.id, new_id) is None
    assert hq_row(live_hq.engine, "audit_log", a.id, new_id)["branch_id"] == a.id


def test_a_device_registered_to_branch_a_cannot_push_as_branch_b(live_hq, two_branches):
    a, b, client = two_branches
    client.push([])
    client.push([mutation(1, "audit_log", str(uuid.uuid4()),
                          {"at": "2026-03-02T00:00:00", "action": "x"})])
    same_device = f"{a.code}-dev-a"
    thief = HqClient(live_hq.url, token_for(live_hq.engine, b, f"{b.code}.sup", same_device))
    with pytest.raises(HqRefused) as caught:
        thief.push([mutation(2, "audit_log", str(uuid.uuid4()),
                             {"at": "2026-03-02T00:00:00", "action": "x"})])
    assert caught.value.status == 403
    assert hq_rows(live_hq.engine, "audit_log", b.id) == []


def test_sign_in_gives_a_token_of_the_users_own_branch_only(live_hq, two_branches):
    a, b, _client = two_branches
    answer = requests.post(f"{live_hq.url}/api/v1/auth/sign-in",
                           json={"username": f"{b.code}.mgr1", "password": PASSWORD,
                                 "device_id": "dev-a"}).json()
    assert answer["branch"]["id"] == b.id and answer["user"]["branch_id"] == b.id
    rows = requests.get(f"{live_hq.url}/api/v1/sync/pull",
                        headers={"Authorization": f"Bearer {answer['token']}"}).json()["rows"]
    assert {r["fields"]["branch_id"] for r in rows} == {b.id}


def test_sign_out_with_a_token_of_a_revokes_nothing_of_b(live_hq, two_branches):
    a, b, client = two_branches
    b_client = client_for(live_hq, b, f"{b.code}.sup", "dev-b")
    client.sign_out()
    assert b_client.pull(0)["rows"]


def test_ping_and_openapi_carry_no_branch_data(live_hq, two_branches):
    a, b, _client = two_branches
    for path in ("/api/v1/ping", "/openapi.json"):
        text = requests.get(live_hq.url + path).text
        assert a.id not in text and b.id not in text


def test_a_pushed_row_referring_to_branch_b_rows_is_refused(live_hq, two_branches):
    a, b, client = two_branches
    attempt, note = str(uuid.uuid4()), str(uuid.uuid4())
    answer = client.push([
        mutation(1, "visit_attempts", attempt, {  # a new row naming B's visit
            "visit_id": b.visits[0], "user_id": a.supervisor, "attempted_at": "2026-03-02T00:00:00",
            "channel": "phone", "result": "reached"}),
        mutation(2, "customers", a.customers[0], {"advisor_id": b.supervisor},  # B's user
                 {"advisor_id": None}),
        mutation(3, "communications", note, {  # A's own rows only: taken
            "customer_id": a.customers[0], "user_id": a.supervisor, "at": "2026-03-02T00:00:00",
            "channel": "phone", "summary": "called"})])
    assert answer["rejected"] == [{"seq": 1, "reason": "reference_outside_branch"},
                                  {"seq": 2, "reason": "reference_outside_branch"}]
    assert hq_row(live_hq.engine, "visit_attempts", a.id, attempt) is None
    assert hq_row(live_hq.engine, "customers", a.id, a.customers[0])["advisor_id"] != b.supervisor
    assert hq_row(live_hq.engine, "communications", a.id, note)["customer_id"] == a.customers[0]
    assert hq_rows(live_hq.engine, "visit_attempts", b.id) == []
