"""A signed-in session without the sign-in dialog, for the Qt benchmarks (offscreen).

Everything run_app builds after a successful sign-in (settings in a throwaway ini file,
translations, the profile, the task runner, the change bus), acting as the branch's
supervisor, who sees the whole branch.
"""
from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from claimcare_desktop.store.db import open_profile  # noqa: E402
from claimcare_desktop.ui.changes import ChangeBus  # noqa: E402
from claimcare_desktop.ui.context import AppContext  # noqa: E402
from claimcare_desktop.ui.i18n import Translations  # noqa: E402
from claimcare_desktop.ui.settings import Settings  # noqa: E402
from claimcare_desktop.ui.tasks import TaskRunner  # noqa: E402

from .people import supervisor_user  # noqa: E402

_SETTINGS_DIR = tempfile.mkdtemp(prefix="bench-settings-")


def application() -> QApplication:
    app = QApplication.instance() or QApplication([])
    if not hasattr(app, "bench_translations"):
        app.bench_translations = Translations()
        app.bench_translations.install("zh_CN")
    return app


def make_context(profile_dir: Path) -> AppContext:
    application()
    profile = open_profile(profile_dir)
    settings = Settings(Path(_SETTINGS_DIR) / f"{profile_dir.name}.ini")
    return AppContext(profile, supervisor_user(profile.database_path), TaskRunner(), ChangeBus(), settings)


def close_context(ctx: AppContext) -> None:
    ctx.tasks.shutdown()
    ctx.profile.close()


def wait_until(done: Callable[[], bool], timeout_s: float = 60.0) -> None:
    """Run the event loop until `done()` holds (results come back by queued signals)."""
    deadline = time.perf_counter() + timeout_s
    tick = QTimer()
    tick.start(20)  # wakes the wait below, so the deadline is checked
    try:
        while not done():
            if time.perf_counter() > deadline:
                raise TimeoutError("the GUI did not get there in time")
            # Sleeps (GIL released) until an event comes: a busy loop would slow the worker.
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    finally:
        tick.stop()
