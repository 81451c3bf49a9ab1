"""Peak RSS of the app, in its own process: `python -m bench.memory_child PROFILE_DIR MAX_ROWS`.

Starts the app (bench.app_session), opens the visit queue's biggest tab (done, whole
branch), then:
1. jump to end (the queue's button: the list read from its last row);
2. drags the scroll bar to the bottom again and again, as a user reaching the end by
   scrolling would, until the list is exhausted or MAX_ROWS rows are loaded.
Prints one JSON line with ru_maxrss (MiB) after each step and the rows held.
"""
from __future__ import annotations

import json
import os
import resource
import sys
import tempfile
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

DRAG_SECONDS = 120.0


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def current_mib() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def main(profile_dir: str, max_rows: int) -> None:
    from .app_session import start_session

    settings_file = os.path.join(tempfile.mkdtemp(prefix="bench-mem-"), "settings.ini")
    _app, shell = start_session(profile_dir, settings_file)
    from PySide6.QtCore import QCoreApplication

    from .qt_harness import wait_until

    queue = shell.window.workspace("visit_queue")
    shell.window.navigate("visit_queue")
    busy = shell.ctx.tasks.busy
    wait_until(lambda: not busy())
    report = {"started_mib": peak_mib()}
    queue.filters.tabs.setCurrentIndex(3)  # done: the longest list
    wait_until(lambda: not busy())
    queue.jump_to_end()
    wait_until(lambda: not busy() and queue.model.rowCount() > 0)
    report.update(jump_to_end_mib=peak_mib(), jump_to_end_rows=queue.model.rowCount())
    bar = queue.table.verticalScrollBar()
    deadline = time.perf_counter() + DRAG_SECONDS
    while queue.model.rowCount() < max_rows and queue.model.canFetchMore() and time.perf_counter() < deadline:
        QCoreApplication.processEvents()  # the view lays out the new rows: a longer scroll range
        bar.setValue(bar.maximum())  # at the bottom the view asks the model for more
        if not busy():
            queue.model.fetchMore()  # the range had not grown yet; the view would ask next time
        wait_until(lambda: not busy())
    report.update(scrolled_mib=peak_mib(), scrolled_rows=queue.model.rowCount(),
                  exhausted=not queue.model.canFetchMore(), current_mib=current_mib())
    print(json.dumps(report), flush=True)
    os._exit(0)  # not waiting for the app's background jobs


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
