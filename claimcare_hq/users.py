"""Account administration for `claimcare-hq users …`: the synced `users` row and the
credentials change together, through the branch's change counter."""
from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Engine, insert, select, update

from claimcare_desktop.domain.vocab import Role

from .auth import revoke_user_tokens
from .changes import BranchChanges, fetch_rows
from .passwords import hash_password
from .schema import SYNCED_TABLES, Account


class AdminError(Exception):
    """A user-administration request that cannot be done; the message says why."""


def list_users(engine: Engine) -> list[dict[str, Any]]:
    accounts, branches = Account.__table__, SYNCED_TABLES["branches"]
    query = (select(branches.c.code, accounts.c.username, accounts.c.role, accounts.c.active)
             .join(branches, branches.c.id == accounts.c.branch_id)
             .order_by(branches.c.code, accounts.c.username))
    with engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(query)]


def _branch_id(conn, code: str) -> str:
    branches = SYNCED_TABLES["branches"]
    found = conn.execute(select(branches.c.id).where(branches.c.code == code)).scalar()
    if found is None:
        raise AdminError(f"no branch with code {code!r}")
    return found


def _account(conn, username: str) -> Any:
    row = conn.execute(select(Account.__table__).where(
        Account.__table__.c.username == username.lower())).one_or_none()
    if row is None:
        raise AdminError(f"no user {username!r}")
    return row


def add_user(engine: Engine, branch_code: str, username: str, display_name: str, role: str,
             password: str) -> str:
    if role not in set(Role):
        raise AdminError(f"role must be one of {', '.join(Role)}")
    user_id = str(uuid.uuid4())
    with engine.begin() as conn:
        branch_id = _branch_id(conn, branch_code)
        if conn.execute(select(Account.__table__.c.username).where(
                Account.__table__.c.username == username.lower())).first():
            raise AdminError(f"user {username!r} exists already")
        changes = BranchChanges(conn, branch_id)
        changes.insert("users", [{"id": user_id, "username": username.lower(),
                                  "display_name": display_name, "role": role, "active": True,
                                  "deleted": False}])
        changes.close()
        conn.execute(insert(Account.__table__).values(
            username=username.lower(), user_id=user_id, branch_id=branch_id, role=role,
            password_hash=hash_password(password), active=True))
    return user_id


def disable_user(engine: Engine, username: str) -> None:
    with engine.begin() as conn:
        account = _account(conn, username)
        conn.execute(update(Account.__table__).where(
            Account.__table__.c.username == account.username).values(active=False))
        revoke_user_tokens(conn, account.user_id)
        row = fetch_rows(conn, "users", account.branch_id, [account.user_id],
                         lock=True).get(account.user_id)
        if row is not None and row["active"]:
            changes = BranchChanges(conn, account.branch_id)
            changes.update("users", [{**row, "active": False}])
            changes.close()


def reset_password(engine: Engine, username: str, password: str) -> None:
    with engine.begin() as conn:
        account = _account(conn, username)
        conn.execute(update(Account.__table__).where(
            Account.__table__.c.username == account.username).values(
            password_hash=hash_password(password)))
        revoke_user_tokens(conn, account.user_id)
