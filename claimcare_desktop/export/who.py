"""Who exports from the command line: a user of this profile, by username."""
from __future__ import annotations

from typing import Any

from sqlalchemy import select

from ..store.models import Branch, LocalCredential, SyncState, User
from .errors import BadRequest
from .request import ExportUser

REMEMBERED_USERNAME_KEYS = ("username", "hq_username")


def _default_username(conn: Any) -> str:
    """The one user who signed in on this PC, or the one the sync remembers."""
    names = list(conn.execute(select(LocalCredential.username)).scalars())
    if len(names) == 1:
        return names[0]
    remembered = conn.execute(select(SyncState.value).where(
        SyncState.key.in_(REMEMBERED_USERNAME_KEYS))).scalars().first()
    if remembered:
        return remembered
    raise BadRequest("user_required")


def find_exporter(profile: Any, username: str | None) -> ExportUser:
    u, b = User.__table__.c, Branch.__table__.c
    with profile.engine.connect() as conn:
        wanted = (username or _default_username(conn)).lower()
        row = conn.execute(select(u.id, u.username, u.display_name, u.role, u.branch_id, b.name)
                           .join_from(User.__table__, Branch.__table__, b.id == u.branch_id)
                           .where(u.username == wanted, u.deleted.is_(False))).first()
    if row is None:
        raise BadRequest("unknown_user", username=wanted)
    return ExportUser(*row)
