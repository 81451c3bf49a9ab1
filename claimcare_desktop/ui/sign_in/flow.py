"""Sign-in: online first; when HQ cannot be reached, the verifier kept on this PC.

A wrong password at HQ never falls back to offline: HQ's answer is the newer truth.
After an offline sign-in the token from this user's last online sign-in (kept in the OS
keyring, or in the profile where the PC has none) is used again, so sync catches up by
itself when the network returns.
Runs on a worker (network lane), never on the GUI thread.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from claimcare_desktop.sync.errors import HqUnreachable

from ..context import CurrentUser

if TYPE_CHECKING:
    from claimcare_desktop.store.db import Profile

SIGN_IN_TIMEOUT = (3.0, 15.0)


@dataclass(frozen=True)
class SignedIn:
    user: CurrentUser
    token: str | None  # None when this user never signed in online on this profile
    hq_url: str | None


def profile_device_id(profile: Profile) -> str:
    from claimcare_desktop.sync.engine import device_id

    return device_id(profile)


def sign_in_online(profile: Profile, hq_url: str, username: str, password: str,
                   as_user_id: str | None = None) -> SignedIn:
    from claimcare_desktop.sync import session
    from claimcare_desktop.sync.client import HqClient

    client = HqClient(hq_url, timeout=SIGN_IN_TIMEOUT, retries=1)
    try:
        result = session.sign_in(profile, client, username, password, as_user_id)
    finally:
        client.close()
    from . import credentials

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
    from . import credentials

    user = credentials.verify_offline(profile, username, password)
    return SignedIn(user, remembered_token(profile, username), hq_url)


def sign_in_again(profile: Profile, hq_url: str, user: CurrentUser, password: str) -> SignedIn:
    """A new HQ token for the user already working (HQ let the last one expire or revoked
    it). Online only: an offline sign-in gives no token. Another account is refused."""
    return sign_in_online(profile, hq_url, user.username, password, as_user_id=user.id)


def remembered_token(profile: Profile, username: str) -> str | None:
    from claimcare_desktop.sync import session

    known = session.remembered(profile)
    return known.token if known.username == username else None
