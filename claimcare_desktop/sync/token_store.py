"""Where a profile keeps its HQ token: the OS keyring when the PC has one, else `sync_state`.

On a branch PC (Windows Credential Manager) `sync_state` holds only the marker
`hq_token_in = keyring`; the token itself is a keyring entry whose service name carries the
profile's device id, so two profiles under one Windows account keep two tokens. Where no
keyring backend is usable (headless Linux has keyring's `fail` backend) or the keyring refuses
the token, it stays in `sync_state` as before. A token left in `sync_state` by an older
version moves into the keyring the first time it is read on a PC that has one.
"""
from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection

from . import state

log = logging.getLogger(__name__)

IN_KEYRING = "keyring"
ACCOUNT = "hq"


def service_name(device_id: str) -> str:
    return f"ClaimCare HQ token {device_id}"


def usable_keyring():
    """The OS keyring backend, or None when there is none (`fail` has priority 0, `null` -1)."""
    import keyring  # its backend discovery costs a few tenths of a second: only when needed

    backend = keyring.get_keyring()
    return backend if type(backend).priority > 0 else None


def _backend_name(backend) -> str:
    return f"{type(backend).__module__}.{type(backend).__name__}"


def _put_in_keyring(device_id: str, token: str) -> bool:
    backend = usable_keyring()
    if backend is None:
        log.info("no OS keyring on this PC: the HQ token is kept in the profile's sync_state")
        return False
    try:
        backend.set_password(service_name(device_id), ACCOUNT, token)
    # Whatever a backend raises (locked, no D-Bus, access denied), signing in must still work.
    except Exception as exc:  # noqa: BLE001
        log.warning("the OS keyring (%s) refused the HQ token, kept in the profile's "
                    "sync_state instead: %s", _backend_name(backend), exc)
        return False
    log.info("the HQ token is kept in the OS keyring (%s)", _backend_name(backend))
    return True


def store(conn: Connection, device_id: str, token: str) -> None:
    """Keep `token` (called inside the sign-in's transaction, before its writes)."""
    if _put_in_keyring(device_id, token):
        state.write(conn, state.HQ_TOKEN_IN, IN_KEYRING)
        state.forget(conn, state.HQ_TOKEN)
    else:
        state.write(conn, state.HQ_TOKEN, token)
        state.forget(conn, state.HQ_TOKEN_IN)


def _from_keyring(device_id: str | None) -> str | None:
    backend = usable_keyring()
    if backend is None or device_id is None:
        log.warning("this profile's HQ token is in an OS keyring this PC cannot open: "
                    "sign in online again")
        return None
    try:
        return backend.get_password(service_name(device_id), ACCOUNT)
    except Exception as exc:  # noqa: BLE001 - an unreadable keyring means "not signed in"
        log.warning("the OS keyring (%s) could not give the HQ token: %s",
                    _backend_name(backend), exc)
        return None


@contextmanager
def erasing(profile) -> Iterator[Connection]:
    """A write transaction whose deletions leave no copy in the file: SQLite would keep a
    deleted token in the page's free space and in the WAL until they are reused."""
    with profile.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA secure_delete = ON")
        conn.commit()
        try:
            with conn.begin():
                yield conn
        finally:
            conn.exec_driver_sql("PRAGMA secure_delete = OFF")
            conn.commit()
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.commit()


def _move_to_keyring(profile, device_id: str, token: str) -> None:
    if usable_keyring() is None:
        return
    with erasing(profile) as conn:
        store(conn, device_id, token)


def load(profile) -> str | None:
    """The profile's token, or None; one still in `sync_state` moves to a usable keyring."""
    with profile.engine.connect() as conn:
        where, plain, device = (state.read(conn, key) for key in
                                (state.HQ_TOKEN_IN, state.HQ_TOKEN, state.DEVICE_ID))
    if where == IN_KEYRING:
        return _from_keyring(device)
    if plain and device:
        _move_to_keyring(profile, device, plain)
    return plain


def _remove_from_keyring(device_id: str) -> None:
    backend = usable_keyring()
    if backend is None:
        return
    import keyring.errors

    try:
        backend.delete_password(service_name(device_id), ACCOUNT)
    except keyring.errors.PasswordDeleteError:
        pass  # nothing there: the token was in sync_state
    except Exception as exc:  # noqa: BLE001 - forgetting goes on with the profile's copy
        log.warning("the OS keyring (%s) could not remove the HQ token: %s",
                    _backend_name(backend), exc)


def forget(profile) -> None:
    """Remove the token from the keyring and from `sync_state`."""
    with profile.engine.connect() as conn:
        device = state.read(conn, state.DEVICE_ID)
    if device:
        _remove_from_keyring(device)
    with erasing(profile) as conn:
        state.forget(conn, state.HQ_TOKEN)
        state.forget(conn, state.HQ_TOKEN_IN)
