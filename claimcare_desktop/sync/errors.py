"""What can go wrong talking to HQ, as exceptions the UI can name to the user."""
from __future__ import annotations


class SyncError(Exception):
    """Base of every sync failure; local data is always left consistent."""


class HqUnreachable(SyncError):
    """No answer from HQ (no network, HQ down, timeouts) after the retries."""


class BadHqAddress(SyncError):
    """The HQ address is not an http(s) URL with a host (and a port number, if any)."""


class BadCredentials(SyncError):
    """Wrong username or password."""


class AccountDisabled(SyncError):
    """The account exists but HQ has disabled it."""


class RateLimited(SyncError):
    """HQ asks us to wait (too many failed sign-ins, or busy) for `retry_after_seconds`."""

    def __init__(self, retry_after_seconds: float):
        super().__init__(f"HQ asks to retry after {retry_after_seconds:.0f} s")
        self.retry_after_seconds = retry_after_seconds


class NotSignedIn(SyncError):
    """No token, or HQ no longer accepts it (signed out, revoked, account disabled)."""


class TokenExpired(NotSignedIn):
    """HQ let the sign-in expire (unused for too long): the user signs in again."""


class HqRefused(SyncError):
    """HQ refused a request as invalid or forbidden; `status` and `detail` say why."""

    def __init__(self, status: int, detail: str):
        super().__init__(f"HQ refused the request ({status}): {detail}")
        self.status = status
        self.detail = detail


class ProfileOfAnotherBranch(SyncError):
    """The profile holds another branch's data; a user of this branch cannot sync it."""


class SignedInAsAnotherUser(SyncError):
    """Signing in again gave another account than the one working on this PC."""


class SyncCancelled(SyncError):
    """The user cancelled; everything finished before the cancel is kept."""
