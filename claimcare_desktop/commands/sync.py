"""`claimcare-desktop sync`: one headless sync round with HQ.

The password is read from standard input only when the profile has no valid token for
this user and HQ (the first time, or after the token was revoked).
"""
from __future__ import annotations

import sys


def register(subparsers) -> None:
    parser = subparsers.add_parser("sync", help="run one sync round with HQ and report it")
    parser.add_argument("--profile", required=True, help="profile folder")
    parser.add_argument("--hq", required=True, help="HQ address, e.g. http://127.0.0.1:8765")
    parser.add_argument("--user", required=True, help="username, e.g. sh01.mgr1")
    parser.set_defaults(run=run)


def _read_password(username: str) -> str:
    if sys.stdin.isatty():
        import getpass

        return getpass.getpass(f"Password for {username}: ")
    return sys.stdin.readline().rstrip("\r\n")


def _ensure_signed_in(profile, client, username: str, force: bool = False) -> None:
    from claimcare_desktop.sync import session

    known = session.remembered(profile)
    same = known.username == username.lower() and known.hq_url == client.base_url
    if force or not (same and known.token):
        session.sign_in(profile, client, username, _read_password(username))


def run(args) -> int:
    from claimcare_desktop.store.db import open_profile
    from claimcare_desktop.sync import session
    from claimcare_desktop.sync.client import HqClient
    from claimcare_desktop.sync.errors import NotSignedIn, SyncError, TokenExpired
    from claimcare_desktop.sync.state import pending_changes

    try:
        client = HqClient(args.hq)
    except SyncError as exc:  # a mistyped address: said before the profile is touched
        print(f"sync failed: {exc}", file=sys.stderr)
        return 1
    profile = open_profile(args.profile)
    try:
        _ensure_signed_in(profile, client, args.user)
        try:
            report = session.engine_for(profile, client).run_once()
        except NotSignedIn as exc:
            session.forget_token(profile)
            print("Your sign-in has expired; sign in again." if isinstance(exc, TokenExpired)
                  else "HQ no longer accepts this profile's token; signing in again.",
                  file=sys.stderr)
            _ensure_signed_in(profile, client, args.user, force=True)
            report = session.engine_for(profile, client).run_once()
    except SyncError as exc:
        print(f"sync failed: {exc}", file=sys.stderr)
        return 1
    finally:
        client.close()
    print(f"sent {report.sent} change(s), received {report.received} row(s), "
          f"{report.conflicts} conflict(s), {report.rejected} refused; "
          f"{pending_changes(profile)} pending")
    profile.close()
    return 0
