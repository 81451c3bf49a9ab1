"""A real HQ (FastAPI under uvicorn) on 127.0.0.1 in a thread, seeded with demo users."""
from __future__ import annotations

import socket
import threading
import time
from contextlib import contextmanager

PASSWORD = "demo-pass-1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def running_hq(tmp_path, branches: int = 1, customers: int = 5):
    import uvicorn

    from claimcare_hq.app import create_app
    from claimcare_hq.db import make_engine, upgrade
    from claimcare_hq.seed import seed_demo

    engine = make_engine(f"sqlite:///{tmp_path / 'hq.sqlite3'}")
    upgrade(engine)
    users = seed_demo(engine, branches, customers, 7, PASSWORD)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(engine), host="127.0.0.1", port=port,
                                           log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}", users
    finally:
        server.should_exit = True
        thread.join(5)
        engine.dispose()
