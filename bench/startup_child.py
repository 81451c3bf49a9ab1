"""One start-up, in its own process: `bare` (a plain PySide6 window) or `app PROFILE_DIR`.

Prints one JSON line: wall-clock times (time.time()) of the first event-loop idle after
the window is shown, and for the app its phases and the first visit-queue page on screen.
The parent notes the time just before it spawned this process.
"""
from __future__ import annotations

import json
import os
import sys
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

FIRST_PAGE_TIMEOUT_MS = 60_000


def _finish(report: dict) -> None:
    """Print and leave at once: waiting for the app's background jobs is not start-up."""
    print(json.dumps(report), flush=True)
    os._exit(0)


def bare() -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication(["bench-bare"])
    window = QMainWindow()
    window.setCentralWidget(QLabel("ClaimCare"))
    window.resize(1280, 800)
    window.show()
    QTimer.singleShot(0, lambda: _finish({"idle": time.time()}))
    app.exec()


def _without_quick_check() -> None:
    """What-if (BENCH_WHAT_IF=no_quick_check): the open-time check reads only the header."""
    import sqlite3

    from claimcare_desktop.store import db

    def header_only(path):
        if path.exists():
            con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            try:
                con.execute("PRAGMA schema_version").fetchone()
            except sqlite3.DatabaseError as exc:
                raise db.DatabaseDamaged(path, str(exc)) from exc
            finally:
                con.close()

    db.check_readable = header_only


def app(profile_dir: str) -> None:
    from .app_session import mark, marks, start_session

    if os.environ.get("BENCH_WHAT_IF") == "no_quick_check":
        _without_quick_check()

    settings_file = os.path.join(tempfile.mkdtemp(prefix="bench-start-"), "settings.ini")
    qapp, shell = start_session(profile_dir, settings_file)
    from PySide6.QtCore import QTimer

    report: dict = {}
    queue = shell.window.workspace("visit_queue")

    def idle() -> None:
        mark("first idle")
        report["idle"] = time.time()
        if queue is None or queue.model.rowCount():
            first_page()

    def first_page() -> None:
        if "first_page" in report:
            return
        report["first_page"] = time.time()
        report["marks"] = marks
        _finish(report)

    if queue is not None:
        queue.model.sig_page_loaded.connect(lambda: "idle" in report and first_page())
    QTimer.singleShot(0, idle)
    QTimer.singleShot(FIRST_PAGE_TIMEOUT_MS, first_page)
    qapp.exec()


if __name__ == "__main__":
    if sys.argv[1] == "bare":
        bare()
    else:
        app(sys.argv[2])
