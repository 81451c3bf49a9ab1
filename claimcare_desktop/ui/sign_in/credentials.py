"""The offline sign-in verifier: an argon2id hash of the password, never the password.

After an online sign-in the user's and branch's rows are also written (as HQ sent them,
with Core, so no outbox entry) so that an offline sign-in knows the role and branch
even before the first sync.
"""
from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.dialects.sqlite import insert

from claimcare_desktop.store import models as m
from claimcare_desktop.store.db import Profile

from ..context import CurrentUser
from .failures import UnknownOfflineUser, WrongPassword  # noqa: F401 - raised here

_hasher = PasswordHasher()  # argon2id with the library's current recommended costs


def remember(profile: Profile, password: str, user: dict[str, Any], branch: dict[str, Any],
             now: datetime | None = None) -> None:
    verifier = _hasher.hash(password)
    at = (now or datetime.now(UTC)).replace(tzinfo=None)
    credential = {"username": user["username"], "user_id": user["id"], "verifier": verifier,
                  "verified_online_at": at}
    with profile.engine.begin() as conn:
        conn.execute(insert(m.Branch.__table__).values(
            id=branch["id"], code=branch["code"], name=branch["name"]).on_conflict_do_nothing())
        conn.execute(insert(m.User.__table__).values(
            id=user["id"], branch_id=user["branch_id"], username=user["username"],
            display_name=user["display_name"], role=user["role"]).on_conflict_do_nothing())
        conn.execute(insert(m.LocalCredential.__table__).values(**credential)
                     .on_conflict_do_update(index_elements=["username"], set_=credential))


def verify_offline(profile: Profile, username: str, password: str) -> CurrentUser:
    users, branches, creds = m.User.__table__, m.Branch.__table__, m.LocalCredential.__table__
    query = (select(creds.c.verifier, users.c.id, users.c.username, users.c.display_name,
                    users.c.role, users.c.branch_id, branches.c.name)
             .join(users, users.c.id == creds.c.user_id)
             .join(branches, branches.c.id == users.c.branch_id)
             .where(creds.c.username == username, users.c.active.is_not(False)))
    with profile.engine.connect() as conn:
        row = conn.execute(query).first()
    if row is None:
        raise UnknownOfflineUser(username)
    try:
        _hasher.verify(row.verifier, password)
    except (VerificationError, InvalidHashError) as exc:
        raise WrongPassword(username) from exc
    return CurrentUser(row.id, row.username, row.display_name, row.role, row.branch_id, row.name)
