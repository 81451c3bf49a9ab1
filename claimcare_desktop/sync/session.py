"""Signing a profile in to HQ and building the engine from what the profile remembers."""
from __future__ import annotations

from dataclasses import dataclass

from . import state, token_store
from .client import HqClient
from .engine import SyncEngine
from .errors import NotSignedIn, ProfileOfAnotherBranch, SignedInAsAnotherUser, SyncError


@dataclass(frozen=True)
class Remembered:
    hq_url: str | None
    username: str | None
    token: str | None
    branch_id: str | None


def remembered(profile) -> Remembered:
    with profile.engine.connect() as conn:
        hq_url, username, branch_id = (state.read(conn, key) for key in
                                       (state.HQ_URL, state.USERNAME, state.BRANCH_ID))
    return Remembered(hq_url, username, token_store.load(profile), branch_id)


def _refusal(profile, result, username: str, as_user_id: str | None) -> SyncError | None:
    """Why this sign-in may not be kept on this profile, or None."""
    with profile.engine.connect() as conn:
        known_branch = state.read(conn, state.BRANCH_ID)
    if known_branch and known_branch != result.branch["id"]:
        return ProfileOfAnotherBranch(
            f"this profile holds branch {known_branch}; {username} belongs to {result.branch['code']}")
    if as_user_id is not None and result.user["id"] != as_user_id:
        return SignedInAsAnotherUser(f"{username} is not the user working on this profile")
    return None


def sign_in(profile, client: HqClient, username: str, password: str,
            as_user_id: str | None = None):
    """Sign in online and remember the token; refuses a profile of another branch and, when
    signing in again (`as_user_id`), any account but that one. A refused sign-in stores
    nothing and its new token is signed out at once."""
    device = state.device_id(profile)
    result = client.sign_in(username, password, device)
    if (refused := _refusal(profile, result, username, as_user_id)) is not None:
        client.sign_out()
        raise refused
    with token_store.erasing(profile) as conn:  # a token replaced leaves no copy in the file
        token_store.store(conn, device, result.token)
        for key, value in ((state.HQ_URL, client.base_url), (state.USERNAME, username.lower()),
                           (state.USER_ID, result.user["id"]),
                           (state.BRANCH_ID, result.branch["id"])):
            state.write(conn, key, value)
    return result


def forget_token(profile) -> None:
    """Forget the token everywhere it may be: the OS keyring and `sync_state`."""
    token_store.forget(profile)


def engine_for(profile, client: HqClient) -> SyncEngine:
    """An engine using the profile's remembered token (raises NotSignedIn when there is none)."""
    token = remembered(profile).token
    if not token:
        raise NotSignedIn("this profile has not signed in to HQ yet")
    client.token = token
    return SyncEngine(profile, client, state.device_id(profile))
