"""HQ served by uvicorn in a thread on a free 127.0.0.1 port: real HTTP, restartable."""
from __future__ import annotations

import asyncio
import socket
import sys
import threading
import time

import uvicorn
from sqlalchemy import Engine

from claimcare_hq.app import create_app


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _QuickServer(uvicorn.Server):
    """uvicorn checks for shutdown every 0.1 s; tests restart HQ often, so check sooner."""

    async def main_loop(self) -> None:
        counter = 0
        while not await self.on_tick(counter):
            counter = (counter + 1) % 864000
            await asyncio.sleep(0.005)


class LiveHq:
    def __init__(self, engine: Engine):
        self.engine = engine
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self._server: _QuickServer | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> LiveHq:
        # Client and server share one interpreter here; a short GIL switch interval stops
        # every request from waiting out the default 5 ms hand-over.
        self._switch_interval = sys.getswitchinterval()
        sys.setswitchinterval(0.0002)
        config = uvicorn.Config(create_app(self.engine), host="127.0.0.1", port=self.port,
                                log_level="warning", lifespan="off", access_log=False)
        self._server = _QuickServer(config)
        self._thread = threading.Thread(target=self._server.run, daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError("HQ test server did not start")
            time.sleep(0.005)
        return self

    @property
    def running(self) -> bool:
        return self._server is not None

    def stop(self) -> None:
        if self._server is not None:
            self._server.should_exit = True
            self._thread.join(10)
            self._server = None
            sys.setswitchinterval(self._switch_interval)

    def restart(self) -> None:
        """A new process in all but name: new app object, new connection pool, same database."""
        self.stop()
        self.engine.dispose()
        self.start()
