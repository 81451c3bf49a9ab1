"""The profile's sync bookkeeping in `sync_state` (key/value): device id, cursor, token.

The token is here only where the PC has no usable OS keyring (see `token_store`).
"""
from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import Connection, func, select
from sqlalchemy.dialects.sqlite import insert

from claimcare_desktop.store.models import OutboxEntry, SyncState

DEVICE_ID = "device_id"
PULL_CURSOR = "pull_cursor"
LAST_SYNC_AT = "last_sync_at"
HQ_URL = "hq_url"
HQ_TOKEN = "hq_token"
HQ_TOKEN_IN = "hq_token_in"  # "keyring" when the token is in the OS keyring
USER_ID = "user_id"
USERNAME = "username"
BRANCH_ID = "branch_id"

_STATE = SyncState.__table__


def read(conn: Connection, key: str) -> str | None:
    return conn.execute(select(_STATE.c.value).where(_STATE.c.key == key)).scalar()


def write(conn: Connection, key: str, value: str) -> None:
    stmt = insert(_STATE).values(key=key, value=value)
    conn.execute(stmt.on_conflict_do_update(index_elements=["key"], set_={"value": value}))


def forget(conn: Connection, key: str) -> None:
    conn.execute(_STATE.delete().where(_STATE.c.key == key))


def device_id(profile) -> str:
    """This profile's device id, created once (HQ numbers mutations per device)."""
    with profile.engine.begin() as conn:
        existing = read(conn, DEVICE_ID)
        if existing:
            return existing
        created = str(uuid.uuid4())
        write(conn, DEVICE_ID, created)
        return created


def pending_changes(profile) -> int:
    """Local changes not yet acknowledged by HQ."""
    with profile.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(OutboxEntry.__table__)).scalar_one()


def last_sync_at(profile) -> datetime | None:
    """When the last complete sync round finished (aware UTC), or None if never."""
    with profile.engine.connect() as conn:
        value = read(conn, LAST_SYNC_AT)
    return datetime.fromisoformat(value).replace(tzinfo=UTC) if value else None
