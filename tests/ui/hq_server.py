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


def seeded_hq_engine(tmp_path, branches: int = 1, customers: int = 5):
    """A migrated HQ database on SQLite with demo users: (engine, users)."""
    from claimcare_hq.db import make_engine, upgrade
    from claimcare_hq.seed import seed_demo

    engine = make_engine(f"sqlite:///{tmp_path / 'hq.sqlite3'}")
    upgrade(engine)
    return engine, seed_demo(engine, branches, customers, 7, PASSWORD)


@contextmanager
def serving(engine, port: int):
    """HQ answering on 127.0.0.1:`port` until the block ends (can be started again)."""
    import uvicorn

    from claimcare_hq.app import create_app

    server = uvicorn.Server(uvicorn.Config(create_app(engine), host="127.0.0.1", port=port,
                                           log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(5)


@contextmanager
def running_hq(tmp_path, branches: int = 1, customers: int = 5):
    engine, users = seeded_hq_engine(tmp_path, branches, customers)
    try:
        with serving(engine, free_port()) as url:
            yield url, users
    finally:
        engine.dispose()


@contextmanager
def signed_in_shell(qtbot, profile, runner, settings, tmp_path, role: str):
    """The app's shell in English on `profile`, signed in to a running HQ as a user of
    `role`: (shell, context, signed-in result). HQ stops and the translation is removed when
    the block ends; `shell.translations` switches languages."""
    from claimcare_desktop.ui.changes import ChangeBus
    from claimcare_desktop.ui.context import AppContext
    from claimcare_desktop.ui.i18n import Translations
    from claimcare_desktop.ui.shell import Shell
    from claimcare_desktop.ui.sign_in.flow import sign_in

    translations = Translations()
    translations.install("en")
    try:
        with running_hq(tmp_path) as (url, users):
            username = next(u[1] for u in users if u[2] == role)
            signed = sign_in(profile, url, username, PASSWORD)
            ctx = AppContext(profile, signed.user, runner, ChangeBus(), settings, url,
                             signed.token)
            shell = Shell(ctx, translations)
            qtbot.addWidget(shell.window)
            yield shell, ctx, signed
    finally:
        translations.uninstall()
