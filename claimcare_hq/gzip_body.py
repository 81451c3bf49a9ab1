"""Request bodies sent with `Content-Encoding: gzip` (the desktop compresses its pushes)."""
from __future__ import annotations

import zlib
from collections.abc import Callable

from fastapi import HTTPException, Request, Response
from fastapi.routing import APIRoute

MAX_BODY_BYTES = 64 * 1024 * 1024


def gunzip_limited(data: bytes) -> bytes:
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        body = inflater.decompress(data, MAX_BODY_BYTES + 1)
    except zlib.error as exc:
        raise HTTPException(400, "request body is not valid gzip") from exc
    if len(body) > MAX_BODY_BYTES or inflater.unconsumed_tail:
        raise HTTPException(413, "request body too large")
    return body


class GzipRequest(Request):
    async def body(self) -> bytes:
        if not hasattr(self, "_body"):
            raw = await super().body()
            if "gzip" in self.headers.getlist("Content-Encoding"):
                raw = gunzip_limited(raw)
            self._body = raw
        return self._body


class GzipBodyRoute(APIRoute):
    """An APIRoute whose handlers see the inflated body."""

    def get_route_handler(self) -> Callable:
        handler = super().get_route_handler()

        async def inflating_handler(request: Request) -> Response:
            return await handler(GzipRequest(request.scope, request.receive))

        return inflating_handler
