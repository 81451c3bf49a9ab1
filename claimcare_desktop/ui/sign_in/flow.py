"""Sign-in: online first; when HQ cannot be reached, the verifier kept on this PC.

A wrong password at HQ never falls back to offline: HQ's answer is the newer truth.
Runs on a worker (network lane), never on the GUI thread.
"""
from __future__ import annotations

from dataclasses import dataclass

from claimcare_desktop.store.db import Profile
from claimcare_desktop.sync.errors import HqUnreachable

from ..context import CurrentUser
from . import credentials

SIGN_IN_TIMEOUT = (3.0, 15.0)


@dataclass(frozen=True)
class SignedIn:
    user: CurrentUser
    token: str | None  # None when signed in offline
    hq_url: str | None

    @property
    def online(self) -> bool:
        return self.token is not None


def profile_device_id(profile: Profile) -> str:
    from claimcare_desktop.sync.engine import device_id

    return device_id(profile)


def sign_in_online(profile: Profile, hq_url: str, username: str, password: str) -> SignedIn:
    from claimcare_desktop.sync.client import HqClient

    client = HqClient(hq_url, timeout=SIGN_IN_TIMEOUT, retries=1)
    try:
        result = client.sign_in(username, password, profile_device_id(profile))
    finally:
        client.close()
    credentials.remember(profile, password, result.user, result.branch)
    user = CurrentUser(result.user["id"], result.user["username"], result.user["display_name"],
                       result.user["role"], result.user["branch_id"], result.branch["name"])
    return SignedIn(user, result.token, hq_url)


def sign_in(profile: Profile, hq_url: str | None, username: str, password: str) -> SignedIn:
    username = username.strip().lower()
    if hq_url:
        try:
            return sign_in_online(profile, hq_url, username, password)
        except HqUnreachable:
            pass
    return SignedIn(credentials.verify_offline(profile, username, password), None, hq_url)
