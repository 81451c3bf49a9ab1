"""One start-up, in its own process: `bare` (a plain PySide6 window) or `app PROFILE_DIR`.

Prints one JSON line of wall-clock times (time.time()): the first event-loop idle after
the window is shown; for the app, the sign-in dialog's idle, then (signing in the moment
the profile is open) the main window's idle, its phases, and the first visit-queue page
on screen. The parent notes the time just before it spawned this process.
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


def app(profile_dir: str) -> None:
    from .app_session import mark, marks, open_main_window, show_sign_in

    settings_file = os.path.join(tempfile.mkdtemp(prefix="bench-start-"), "settings.ini")
    starting = show_sign_in(profile_dir, settings_file)
    from PySide6.QtCore import QTimer

    report: dict = {}

    def sign_in_idle() -> None:
        mark("sign-in idle")
        report["sign_in_idle"] = time.time()
        shell = open_main_window(starting)
        queue = shell.window.workspace("visit_queue")

        def main_idle() -> None:
            mark("main window idle")
            report["idle"] = time.time()
            if queue is None or queue.model.rowCount():
                first_page()

        if queue is not None:
            queue.model.sig_page_loaded.connect(lambda: "idle" in report and first_page())
        QTimer.singleShot(0, main_idle)

    def first_page() -> None:
        if "first_page" not in report:
            report["first_page"] = time.time()
            report["marks"] = marks
            _finish(report)

    QTimer.singleShot(0, sign_in_idle)
    QTimer.singleShot(FIRST_PAGE_TIMEOUT_MS, first_page)
    starting.app.exec()


if __name__ == "__main__":
    if sys.argv[1] == "bare":
        bare()
    else:
        app(sys.argv[2])
