"""The sync wire format, shared by the desktop client and HQ (no third-party imports).

Push: `POST /api/v1/sync/push` with `{"mutations": [{"seq", "table", "row_id", "fields",
"base"}]}` (seq ascending, at most MAX_PUSH_BATCH) answered by `{"acked_through", "applied",
"skipped", "conflicts", "rejected": [{"seq", "reason"}]}`.
Pull: `GET /api/v1/sync/pull?cursor=N&limit=M` answered by `{"rows": [{"table", "id", "seq",
"fields"}], "next_cursor", "has_more"}`. Field values are JSON values as made by
`claimcare_desktop.store.codec.encode`. The full description is docs/sync-protocol.md.
"""
from __future__ import annotations

from typing import Any, TypedDict

from claimcare_desktop.store.models import SYNCED_MODELS

API = "/api/v1"
PING = f"{API}/ping"
SIGN_IN = f"{API}/auth/sign-in"
SIGN_OUT = f"{API}/auth/sign-out"
PUSH = f"{API}/sync/push"
PULL = f"{API}/sync/pull"

# `code` of a 401 answer's body: the token is unknown, revoked or its account disabled; or
# it was unused for too long (the user signs in again either way).
NOT_SIGNED_IN = "not_signed_in"
TOKEN_EXPIRED = "token_expired"

# `field` of the conflict-log row in which HQ keeps a refused create (the reason follows).
REFUSED_CREATE = "refused create: "

MAX_PUSH_BATCH = 500
DEFAULT_PULL_LIMIT = 2000
MAX_PULL_LIMIT = 5000

SYNCED_TABLES: tuple[str, ...] = tuple(m.__tablename__ for m in SYNCED_MODELS)


def synced_columns(model: Any) -> list[str]:
    """Columns of a synced model that travel on the wire (local-only fields never do)."""
    return [c.name for c in model.__table__.columns if c.name not in model.LOCAL_FIELDS]


class Mutation(TypedDict):
    seq: int
    table: str
    row_id: str
    fields: dict[str, Any]
    base: dict[str, Any]


class Rejection(TypedDict):
    seq: int
    reason: str


class PushResult(TypedDict):
    acked_through: int
    applied: int
    skipped: int
    conflicts: int
    rejected: list[Rejection]


class PulledRow(TypedDict):
    table: str
    id: str
    seq: int
    fields: dict[str, Any]


class PullPage(TypedDict):
    rows: list[PulledRow]
    next_cursor: int
    has_more: bool
