"""The HQ HTTP API (FastAPI). Every request is authorised from its bearer token; every read
and write of synced data is scoped to the token's branch."""
from __future__ import annotations

import os
from datetime import UTC, datetime
from typing import Annotated

import psycopg
from fastapi import APIRouter, Depends, FastAPI, HTTPException, Query, Request
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from claimcare_desktop.sync import protocol
from claimcare_desktop.sync.protocol import NOT_SIGNED_IN, TOKEN_EXPIRED

from . import auth
from .db import make_engine
from .permissions import Actor
from .pull import pull_page, pull_page_for_token
from .push import PushRefused
from .push_postgres import push_on_postgres
from .push_sqlalchemy import push_mutations
from .wire import (
    MAX_SEQ,
    ErrorBody,
    PingResponse,
    PullResponse,
    PushRequest,
    PushResponse,
    SignInRequest,
    SignInResponse,
)
from .gzip_body import GzipBodyRoute

_bearer = HTTPBearer(auto_error=False)
_ERR = {"model": ErrorBody}


class Unauthorized(Exception):
    """401 with a machine-readable `code`: `token_expired` or `not_signed_in`."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


def _unauthorized(_request: Request, exc: Unauthorized) -> JSONResponse:
    return JSONResponse({"detail": exc.message, "code": exc.code}, status_code=401,
                        headers={"WWW-Authenticate": "Bearer"})


# The bearer header, read by an async dependency; the token is then checked inside each
# endpoint's worker thread: a sync dependency of its own would cost every request a second hop
# through the thread pool. On PostgreSQL, push and pull look it up in their own transaction.
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]


def _token_hash(credentials: HTTPAuthorizationCredentials | None) -> str:
    if credentials is None:
        raise Unauthorized(NOT_SIGNED_IN, "sign in first (missing, revoked or unknown token)")
    return auth.token_hash(credentials.credentials)


def _actor(engine: Engine, hashed: str, row: tuple | None) -> Actor:
    """The actor of a token's row of auth.ACTOR_SQL, or Unauthorized."""
    try:
        actor = auth.actor_from_row(engine, hashed, row)
    except auth.TokenExpired:
        raise Unauthorized(TOKEN_EXPIRED, "this sign-in has expired (unused for "
                           f"{auth.TOKEN_IDLE_LIMIT.days} days); sign in again") from None
    if actor is None:
        raise Unauthorized(NOT_SIGNED_IN, "sign in first (missing, revoked or unknown token)")
    return actor


def current_actor(request: Request, credentials: HTTPAuthorizationCredentials | None) -> Actor:
    engine = request.app.state.engine
    hashed = _token_hash(credentials)
    return _actor(engine, hashed, auth.token_row(engine, hashed))


router = APIRouter(prefix=protocol.API, route_class=GzipBodyRoute,
                   responses={400: _ERR, 413: _ERR, 503: _ERR})


@router.get("/ping", response_model=PingResponse)
def ping() -> JSONResponse:
    return JSONResponse({"status": "ok", "time": datetime.now(UTC).isoformat()})


@router.post("/auth/sign-in", response_model=SignInResponse,
             responses={401: _ERR, 403: _ERR, 429: _ERR})
def sign_in(body: SignInRequest, request: Request) -> JSONResponse:
    try:
        result = auth.sign_in(request.app.state.engine, body.username, body.password,
                              body.device_id)
    except auth.SignInRefused as exc:
        headers = {"Retry-After": str(exc.retry_after)} if exc.retry_after else None
        raise HTTPException(exc.status, exc.message, headers=headers) from exc
    return JSONResponse({"token": result.token, "user": result.user, "branch": result.branch})


@router.post("/auth/sign-out", status_code=204, responses={401: _ERR})
def sign_out(request: Request, credentials: Credentials) -> Response:
    current_actor(request, credentials)
    auth.revoke(request.app.state.engine, credentials.credentials)
    return Response(status_code=204)


@router.post("/sync/push", response_model=PushResponse,
             responses={400: _ERR, 401: _ERR, 403: _ERR, 413: _ERR})
def push(body: PushRequest, request: Request, credentials: Credentials) -> JSONResponse:
    mutations = body.model_dump()["mutations"]  # one call into pydantic's core
    engine = request.app.state.engine
    try:
        if engine.dialect.name == "postgresql":  # the token is checked in the push's transaction
            hashed = _token_hash(credentials)
            answer = push_on_postgres(engine, hashed, mutations,
                                      lambda row: _actor(engine, hashed, row))
        else:
            actor = current_actor(request, credentials)
            with engine.begin() as conn:
                answer = push_mutations(conn, actor, mutations)
    except PushRefused as exc:
        raise HTTPException(exc.status, exc.message) from exc
    return JSONResponse(answer)


@router.get("/sync/pull", response_model=PullResponse, responses={401: _ERR})
def pull(request: Request, credentials: Credentials,
         cursor: int = Query(0, ge=0, le=MAX_SEQ),
         limit: int = Query(protocol.DEFAULT_PULL_LIMIT, ge=1, le=protocol.MAX_PULL_LIMIT)
         ) -> Response:
    engine = request.app.state.engine
    if engine.dialect.name == "postgresql":  # the token is checked in the page's statement
        hashed = _token_hash(credentials)
        row, body = pull_page_for_token(engine, hashed, cursor, limit)
        _actor(engine, hashed, row)
    else:
        body = pull_page(engine, current_actor(request, credentials).branch_id, cursor, limit)
    return Response(body, media_type="application/json")


def _database_unavailable(_request: Request, exc: DBAPIError | psycopg.Error) -> JSONResponse:
    # Lost connections, serialization failures, lock timeouts: the client retries later.
    # Errors of the driver's own connection (pull, auth, push on PostgreSQL) come unwrapped.
    cause = exc.orig if isinstance(exc, DBAPIError) else exc
    return JSONResponse({"detail": f"database busy or unavailable: {type(cause).__name__}"},
                        status_code=503, headers={"Retry-After": "1"})


DB_ENV = "CLAIMCARE_HQ_DB"


def app_from_environment() -> FastAPI:
    """The app of one worker of `claimcare-hq serve --workers N` (database URL in DB_ENV)."""
    return create_app(os.environ[DB_ENV])


def create_app(db: str | Engine) -> FastAPI:
    app = FastAPI(title="ClaimCare HQ", version="1", summary="Sync service for branch PCs")
    app.state.engine = make_engine(db) if isinstance(db, str) else db
    app.include_router(router)
    # Level 1: most of the size win on JSON for a fraction of the CPU of the default 9.
    app.add_middleware(GZipMiddleware, minimum_size=2048, compresslevel=1)
    app.add_exception_handler(DBAPIError, _database_unavailable)
    app.add_exception_handler(psycopg.Error, _database_unavailable)
    app.add_exception_handler(Unauthorized, _unauthorized)
    return app
