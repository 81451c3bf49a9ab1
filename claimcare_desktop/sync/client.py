"""HTTP client for HQ: one keep-alive session, gzip bodies, timeouts, retries with backoff.

Retries are safe because every call is idempotent (pushes carry mutation numbers HQ
remembers; pulls and pings only read). Sign-in is never retried on a refusal.
"""
from __future__ import annotations

import gzip
import json
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import requests

from . import protocol
from .errors import (
    AccountDisabled,
    BadCredentials,
    BadHqAddress,
    HqRefused,
    HqUnreachable,
    NotSignedIn,
    RateLimited,
    TokenExpired,
)

RETRY_STATUSES = frozenset({429, 502, 503, 504})
GZIP_FROM_BYTES = 1024


@dataclass(frozen=True)
class SignInResult:
    token: str
    user: dict[str, Any]
    branch: dict[str, Any]


def backoff_delay(attempt: int, base: float, cap: float, retry_after: float | None) -> float:
    """Exponential backoff with full jitter; HQ's Retry-After, when given, is a floor."""
    delay = random.uniform(0, min(cap, base * 2 ** attempt))
    return max(delay, retry_after) if retry_after is not None else delay


def _retry_after(response: requests.Response) -> float | None:
    value = response.headers.get("Retry-After")
    try:
        return max(0.0, float(value)) if value is not None else None
    except ValueError:
        return None


def _error_body(response: requests.Response) -> dict[str, Any]:
    try:
        body = response.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


def _detail(response: requests.Response) -> str:
    return str(_error_body(response).get("detail") or response.reason or response.status_code)


def checked_hq_address(url: str) -> str:
    """`url` without a trailing slash, or BadHqAddress when it cannot name an HQ (no scheme or
    host, another scheme, a port that is not a number): said before any request, rather
    than as the HTTP library's own error."""
    try:
        parts = urlsplit(url.strip())
        parts.port  # noqa: B018 (raises ValueError for a port that is not a number)
    except ValueError:
        parts = None
    if parts is None or parts.scheme not in ("http", "https") or not parts.hostname:
        raise BadHqAddress(f"not an HQ address (like http://hq.example.com:8765): {url!r}")
    return url.strip().rstrip("/")


class HqClient:
    def __init__(self, base_url: str, token: str | None = None,
                 timeout: tuple[float, float] = (5.0, 60.0), retries: int = 4,
                 backoff_base: float = 0.5, backoff_cap: float = 30.0,
                 max_retry_after: float = 60.0, sleep: Callable[[float], None] = time.sleep):
        self.base_url = checked_hq_address(base_url)
        self.token = token
        self.timeout = timeout
        self.retries = retries
        self.backoff_base = backoff_base
        self.backoff_cap = backoff_cap
        self.max_retry_after = max_retry_after
        self.sleep = sleep
        self.session = requests.Session()
        self.session.headers.update({"Accept-Encoding": "gzip", "Accept": "application/json",
                                     "User-Agent": "ClaimCare-Desktop"})

    def close(self) -> None:
        self.session.close()

    # ---- transport ----

    def _body(self, payload: Any) -> tuple[bytes, dict[str, str]]:
        data = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
        headers = {"Content-Type": "application/json"}
        if len(data) >= GZIP_FROM_BYTES:
            data = gzip.compress(data, compresslevel=5)
            headers["Content-Encoding"] = "gzip"
        return data, headers

    def _send(self, method: str, path: str, payload: Any = None,
              params: dict[str, Any] | None = None) -> requests.Response:
        data, headers = self._body(payload) if payload is not None else (None, {})
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        return self.session.request(method, self.base_url + path, data=data, params=params,
                                    headers=headers, timeout=self.timeout)

    def request(self, method: str, path: str, payload: Any = None,
                params: dict[str, Any] | None = None, retry_statuses=RETRY_STATUSES) -> Any:
        """JSON answer of a call, after retrying network failures and 429/5xx answers."""
        for attempt in range(self.retries + 1):
            last = attempt == self.retries
            try:
                response = self._send(method, path, payload, params)
            except (requests.ConnectionError, requests.Timeout) as exc:
                if last:
                    raise HqUnreachable(f"HQ at {self.base_url} did not answer: {exc}") from exc
                self.sleep(backoff_delay(attempt, self.backoff_base, self.backoff_cap, None))
                continue
            if response.status_code not in retry_statuses:
                return self._result(response)
            wait = _retry_after(response)
            if last or (wait is not None and wait > self.max_retry_after):
                self._raise_for_retry_status(response, wait)
            self.sleep(backoff_delay(attempt, self.backoff_base, self.backoff_cap, wait))
        raise AssertionError("unreachable")

    def _raise_for_retry_status(self, response: requests.Response, wait: float | None) -> None:
        if response.status_code == 429:
            raise RateLimited(wait or 1.0)
        raise HqUnreachable(f"HQ is unavailable ({response.status_code}): {_detail(response)}")

    def _result(self, response: requests.Response) -> Any:
        if response.status_code == 401:
            expired = _error_body(response).get("code") == protocol.TOKEN_EXPIRED
            raise (TokenExpired if expired else NotSignedIn)(_detail(response))
        if response.status_code == 429:
            raise RateLimited(_retry_after(response) or 1.0)
        if response.status_code >= 400:
            raise HqRefused(response.status_code, _detail(response))
        if response.status_code == 204 or not response.content:
            return None
        return json.loads(response.content)  # bytes: no charset guessing as in .json()

    # ---- API ----

    def ping(self) -> dict[str, Any]:
        return self.request("GET", protocol.PING)

    def sign_in(self, username: str, password: str, device_id: str) -> SignInResult:
        body = {"username": username, "password": password, "device_id": device_id}
        try:
            answer = self.request("POST", protocol.SIGN_IN, body,
                                  retry_statuses=RETRY_STATUSES - {429})
        except NotSignedIn as exc:
            raise BadCredentials(str(exc)) from exc
        except HqRefused as exc:
            if exc.status == 403:
                raise AccountDisabled(exc.detail) from exc
            raise
        self.token = answer["token"]
        return SignInResult(answer["token"], answer["user"], answer["branch"])

    def sign_out(self) -> None:
        if self.token:
            self.request("POST", protocol.SIGN_OUT)
            self.token = None

    def push(self, mutations: list[protocol.Mutation]) -> protocol.PushResult:
        if not self.token:
            raise NotSignedIn("sign in before syncing")
        return self.request("POST", protocol.PUSH, {"mutations": mutations})

    def pull(self, cursor: int, limit: int = protocol.DEFAULT_PULL_LIMIT) -> protocol.PullPage:
        if not self.token:
            raise NotSignedIn("sign in before syncing")
        return self.request("GET", protocol.PULL, params={"cursor": cursor, "limit": limit})
