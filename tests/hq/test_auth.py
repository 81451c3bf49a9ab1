"""Sign-in, tokens bound to user/branch/device, revocation, throttling (all over HTTP)."""
from __future__ import annotations

from datetime import timedelta

import pytest
import requests
from sqlalchemy import select, text, update

from claimcare_desktop.sync.client import HqClient
from claimcare_desktop.sync.errors import (
    AccountDisabled,
    BadCredentials,
    NotSignedIn,
    RateLimited,
    TokenExpired,
)
from claimcare_hq.auth import FORGET_FAILURES_AFTER, FREE_FAILURES, TOKEN_IDLE_LIMIT, token_hash
from claimcare_hq.push import utcnow
from claimcare_hq.schema import SignInThrottle, Token
from claimcare_hq.users import disable_user
from tests.support.branches import PASSWORD, seed_branch, token_for
from tests.support.hq_calls import hq_row, mutation

pytestmark = pytest.mark.postgres


def test_sign_in_returns_token_user_and_branch(live_hq):
    hq_engine = live_hq.engine
    branch = seed_branch(hq_engine, customers=1)
    client = HqClient(live_hq.url)
    result = client.sign_in(f"{branch.code}.MGR1", PASSWORD, "device-1")
    assert result.user == {"id": branch.managers[0], "username": f"{branch.code}.mgr1",
                           "display_name": f"{branch.code} mgr1", "role": "manager",
                           "branch_id": branch.id}
    assert result.branch == {"id": branch.id, "code": branch.code, "name": f"Branch {branch.code}"}
    with hq_engine.connect() as conn:
        token = conn.execute(select(Token.__table__).where(
            Token.__table__.c.device_id == "device-1",
            Token.__table__.c.user_id == branch.managers[0])).one()
    assert (token.user_id, token.branch_id, token.device_id) == (branch.managers[0], branch.id,
                                                                  "device-1")
    assert result.token not in token.token_hash  # only the hash is stored
    assert client.pull(0, 10)["rows"]


def test_wrong_password_and_unknown_user_are_both_401(live_hq):
    hq_engine = live_hq.engine
    branch = seed_branch(hq_engine, customers=0)
    client = HqClient(live_hq.url)
    with pytest.raises(BadCredentials):
        client.sign_in(f"{branch.code}.mgr1", "wrong", "d")
    with pytest.raises(BadCredentials):
        client.sign_in("nobody.here", PASSWORD, "d")


def test_disabled_account_gets_403_and_its_tokens_stop_working(live_hq):
    hq_engine = live_hq.engine
    branch = seed_branch(hq_engine, customers=0)
    client = HqClient(live_hq.url)
    client.sign_in(f"{branch.code}.mgr2", PASSWORD, "d")
    disable_user(hq_engine, f"{branch.code}.mgr2")
    with pytest.raises(NotSignedIn):
        client.pull(0)
    with pytest.raises(AccountDisabled):
        HqClient(live_hq.url).sign_in(f"{branch.code}.mgr2", PASSWORD, "d")


def _signed_in_on_two_devices(live_hq, username: str) -> tuple[HqClient, HqClient]:
    first, second = HqClient(live_hq.url), HqClient(live_hq.url)
    first.sign_in(username, PASSWORD, "d1")
    second.sign_in(username, PASSWORD, "d2")
    return first, second


def test_sign_out_revokes_only_that_token(live_hq):
    branch = seed_branch(live_hq.engine, customers=0)
    first, second = _signed_in_on_two_devices(live_hq, f"{branch.code}.sup")
    first.sign_out()
    assert second.pull(0)["rows"]
    with pytest.raises(NotSignedIn):
        first.pull(0)


def test_repeated_failures_get_429_with_retry_after_and_the_block_is_in_the_database(live_hq):
    hq_engine = live_hq.engine
    branch = seed_branch(hq_engine, customers=0)
    url = f"{live_hq.url}/api/v1/auth/sign-in"
    body = {"username": f"{branch.code}.mgr1", "password": "guess", "device_id": "d"}
    statuses = [requests.post(url, json=body).status_code for _ in range(FREE_FAILURES)]
    assert statuses == [401] * FREE_FAILURES
    blocked = requests.post(url, json={**body, "password": PASSWORD})
    assert blocked.status_code == 429
    assert int(blocked.headers["Retry-After"]) >= 1
    with pytest.raises(RateLimited) as caught:
        HqClient(live_hq.url).sign_in(f"{branch.code}.mgr1", PASSWORD, "d")
    assert caught.value.retry_after_seconds >= 1
    throttle = SignInThrottle.__table__
    mine = throttle.c.username == f"{branch.code}.mgr1"
    with hq_engine.begin() as conn:
        assert conn.execute(select(throttle.c.failures).where(mine)).scalar_one() == FREE_FAILURES
        conn.execute(update(throttle).where(mine).values(blocked_until=None))  # the wait is over
    assert HqClient(live_hq.url).sign_in(f"{branch.code}.mgr1", PASSWORD, "d").token
    with hq_engine.connect() as conn:
        assert conn.execute(select(throttle).where(mine)).first() is None  # success forgets


def _age_token(hq_engine, token: str, idle: timedelta) -> None:
    tokens = Token.__table__
    with hq_engine.begin() as conn:
        conn.execute(update(tokens).where(tokens.c.token_hash == token_hash(token))
                     .values(last_used_at=utcnow() - idle))


def test_a_token_idle_too_long_gets_401_token_expired_and_a_used_one_is_kept_alive(live_hq):
    hq_engine = live_hq.engine
    branch = seed_branch(hq_engine, customers=1)
    idle, used = _signed_in_on_two_devices(live_hq, f"{branch.code}.mgr1")
    _age_token(hq_engine, idle.token, TOKEN_IDLE_LIMIT + timedelta(minutes=1))
    _age_token(hq_engine, used.token, TOKEN_IDLE_LIMIT - timedelta(hours=2))
    answer = requests.get(f"{live_hq.url}/api/v1/sync/pull",
                          headers={"Authorization": f"Bearer {idle.token}"})
    assert answer.status_code == 401 and answer.json()["code"] == "token_expired"
    with pytest.raises(TokenExpired):
        idle.pull(0)
    assert used.pull(0)["rows"]  # its use moves the idle clock on
    with hq_engine.connect() as conn:
        last_used = conn.execute(select(Token.__table__.c.last_used_at).where(
            Token.__table__.c.token_hash == token_hash(used.token))).scalar_one()
    assert utcnow() - last_used < timedelta(minutes=5)
    unknown = requests.get(f"{live_hq.url}/api/v1/sync/pull",
                           headers={"Authorization": "Bearer not-a-token"})
    assert unknown.status_code == 401 and unknown.json()["code"] == "not_signed_in"


def test_a_push_under_an_expired_revoked_or_unknown_token_is_401_and_writes_nothing(live_hq):
    hq_engine = live_hq.engine
    branch = seed_branch(hq_engine, customers=1)
    idle, revoked = _signed_in_on_two_devices(live_hq, f"{branch.code}.mgr1")
    _age_token(hq_engine, idle.token, TOKEN_IDLE_LIMIT + timedelta(minutes=1))
    revoked_token = revoked.token
    revoked.sign_out()
    customer = branch.customers[0]
    before = hq_row(hq_engine, "customers", branch.id, customer)
    edit = [mutation(1, "customers", customer, {"care_notes": "never stored"}, {"care_notes": None})]
    with pytest.raises(TokenExpired):
        idle.push(edit)
    for token, code in ((revoked_token, "not_signed_in"), ("not-a-token", "not_signed_in")):
        answer = requests.post(f"{live_hq.url}/api/v1/sync/push", json={"mutations": edit},
                               headers={"Authorization": f"Bearer {token}"})
        assert answer.status_code == 401 and answer.json()["code"] == code
    assert hq_row(hq_engine, "customers", branch.id, customer) == before
    with hq_engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM device_progress WHERE branch_id = :b"),
                            {"b": branch.id}).scalar() == 0  # no device was even registered


def test_old_throttle_rows_are_pruned_but_a_live_block_is_kept(live_hq):
    hq_engine = live_hq.engine
    branch = seed_branch(hq_engine, customers=0)
    throttle = SignInThrottle.__table__
    now = utcnow()
    old = now - FORGET_FAILURES_AFTER - timedelta(minutes=1)
    with hq_engine.begin() as conn:
        conn.execute(throttle.insert(), [
            {"username": f"{branch.code}.gone{n}", "failures": 1, "last_failure_at": old,
             "blocked_until": None} for n in range(50)] + [
            {"username": f"{branch.code}.blocked", "failures": 9, "last_failure_at": old,
             "blocked_until": now + timedelta(minutes=5)},
            {"username": f"{branch.code}.recent", "failures": 2, "last_failure_at": now,
             "blocked_until": None}])
    with pytest.raises(BadCredentials):
        HqClient(live_hq.url).sign_in(f"{branch.code}.someone", "guess", "d")
    with hq_engine.connect() as conn:
        left = set(conn.execute(select(throttle.c.username).where(
            throttle.c.username.like(f"{branch.code}.%"))).scalars())
    assert left == {f"{branch.code}.blocked", f"{branch.code}.recent", f"{branch.code}.someone"}


def test_a_nul_character_in_sign_in_or_row_ids_is_bad_input_not_a_busy_database(live_hq):
    branch = seed_branch(live_hq.engine)
    answer = requests.post(f"{live_hq.url}/api/v1/auth/sign-in", timeout=30, json={
        "username": f"{branch.code}.mgr1\x00", "password": PASSWORD, "device_id": "d"})
    assert answer.status_code == 422
    token = token_for(live_hq.engine, branch, f"{branch.code}.sup", f"{branch.code}-nul")
    answer = requests.post(f"{live_hq.url}/api/v1/sync/push", timeout=30,
                           headers={"Authorization": f"Bearer {token}"},
                           json={"mutations": [{"seq": 1, "table": "customers",
                                                "row_id": "a\x00b", "fields": {}}]})
    assert answer.status_code == 422
