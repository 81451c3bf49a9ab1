"""Request and response bodies of the HQ API as pydantic models (they make /openapi.json).

They mirror the TypedDicts of claimcare_desktop.sync.protocol, which the desktop uses
without pydantic.
"""
from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from claimcare_desktop.sync.protocol import MAX_PUSH_BATCH

MAX_SEQ = 2**62
# PostgreSQL text cannot hold NUL: refuse it here (422) rather than meet it in the database.
NO_NUL = r"^[^\x00]*$"


class ErrorBody(BaseModel):
    detail: str
    code: str | None = None  # on 401: protocol.NOT_SIGNED_IN or protocol.TOKEN_EXPIRED


class SignInRequest(BaseModel):
    username: str = Field(min_length=1, max_length=64, pattern=NO_NUL)
    password: str = Field(min_length=1, max_length=256, pattern=NO_NUL)
    device_id: str = Field(min_length=1, max_length=64, pattern=NO_NUL)


class UserOut(BaseModel):
    id: str
    username: str
    display_name: str
    role: str
    branch_id: str


class BranchOut(BaseModel):
    id: str
    code: str
    name: str


class SignInResponse(BaseModel):
    token: str
    user: UserOut
    branch: BranchOut


class MutationIn(BaseModel):
    seq: int = Field(ge=1, le=MAX_SEQ)
    table: str = Field(min_length=1, max_length=32, pattern=NO_NUL)
    row_id: str = Field(min_length=1, max_length=36, pattern=NO_NUL)
    fields: dict[str, Any]
    base: dict[str, Any] = Field(default_factory=dict)


class PushRequest(BaseModel):
    mutations: list[MutationIn] = Field(max_length=MAX_PUSH_BATCH)


class RejectionOut(BaseModel):
    seq: int
    reason: str


class PushResponse(BaseModel):
    acked_through: int
    applied: int
    skipped: int
    conflicts: int
    rejected: list[RejectionOut]


class PulledRowOut(BaseModel):
    table: str
    id: str
    seq: int
    fields: dict[str, Any]


class PullResponse(BaseModel):
    rows: list[PulledRowOut]
    next_cursor: int
    has_more: bool


class PingResponse(BaseModel):
    status: str
    time: str
