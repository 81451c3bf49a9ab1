"""Sign-in, tokens bound to user/branch/device, revocation, throttling (all over HTTP)."""
from __future__ import annotations

import pytest
import requests
from sqlalchemy import select, update

from claimcare_desktop.sync.client import HqClient
from claimcare_desktop.sync.errors import AccountDisabled, BadCredentials, NotSignedIn, RateLimited
from claimcare_hq.auth import FREE_FAILURES
from claimcare_hq.schema import SignInThrottle, Token
from claimcare_hq.users import disable_user
from tests.support.branches import PASSWORD, seed_branch

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


def test_sign_out_revokes_only_that_token(live_hq):
    hq_engine = live_hq.engine
    branch = seed_branch(hq_engine, customers=0)
    first, second = HqClient(live_hq.url), HqClient(live_hq.url)
    first.sign_in(f"{branch.code}.sup", PASSWORD, "d1")
    second.sign_in(f"{branch.code}.sup", PASSWORD, "d2")
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
