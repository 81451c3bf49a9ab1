"""One start-up, in its own process: `bare` (a plain PySide6 window) or `app PROFILE_DIR`.

Prints one JSON line of wall-clock times (time.time()), with the process's CPU time
(every thread, since it started) beside the main ones: the first event-loop idle after
the window is shown. For the app: the sign-in dialog's idle; the longest stall of the GUI
thread while the profile opens and the main window's modules load behind the dialog (a
5 ms timer's largest gap beyond its period: what a keystroke typed then would wait);
then, clicking "Sign in" the moment that background work is done (a user who typed for
that long), the click, the main window's idle, its phases, and the first visit-queue page
on screen. The parent notes the time just before it spawned this process.
"""
from __future__ import annotations

import json
import os
import resource
import sys
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

FIRST_PAGE_TIMEOUT_MS = 60_000
STALL_PERIOD_MS = 5
BARE_WATCH_MS = 500


def cpu_s() -> float:
    """CPU seconds this process has used so far, every thread, since it started."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


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
    report: dict = {}
    stalls = StallWatch()

    def idle() -> None:
        report["idle"], report["idle_cpu"] = time.time(), cpu_s()
        stalls.start()  # the same watch with nothing behind the window: the machine's share
        QTimer.singleShot(BARE_WATCH_MS, lambda: _finish({**report, "stall_ms": stalls.stop()}))

    QTimer.singleShot(0, idle)
    app.exec()


class StallWatch:
    """The largest lateness of a short repeating timer on the GUI thread, in ms."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.timer = QTimer()  # no Qt.* enum here: the first use of one costs ~20 ms
        self.timer.timeout.connect(self._tick)
        self.last = 0.0
        self.worst_ms = 0.0

    def start(self) -> None:
        self.last = time.perf_counter()
        self.timer.start(STALL_PERIOD_MS)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst_ms = max(self.worst_ms, (now - self.last) * 1000 - STALL_PERIOD_MS)
        self.last = now

    def stop(self) -> float:
        self.timer.stop()
        self._tick()
        return self.worst_ms


def app(profile_dir: str) -> None:
    from .app_session import mark, marks, open_main_window, show_sign_in

    settings_file = os.path.join(tempfile.mkdtemp(prefix="bench-start-"), "settings.ini")
    starting = show_sign_in(profile_dir, settings_file)
    from PySide6.QtCore import QTimer

    report: dict = {}
    stalls = StallWatch()

    def sign_in_idle() -> None:
        mark("sign-in idle")
        report["sign_in_idle"], report["sign_in_idle_cpu"] = time.time(), cpu_s()
        stalls.start()
        # Queued behind the profile's open and the main window's imports on the one DB lane.
        starting.tasks.run_db(lambda _state: None, on_done=opened)

    def opened(_result: object = None) -> None:
        mark("profile open, modules loaded")
        report["stall_ms"] = stalls.stop()
        report["submitted"], report["submitted_cpu"] = time.time(), cpu_s()
        shell = open_main_window(starting)
        queue = shell.window.workspace("visit_queue")

        def main_idle() -> None:
            mark("main window idle")
            report["idle"], report["idle_cpu"] = time.time(), cpu_s()
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
