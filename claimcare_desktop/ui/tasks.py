"""Background work in two lanes, results back on the GUI thread.

The database lane has a single worker because SQLite has one writer; the network lane
has a few so a slow HQ never holds up a local query. A job receives a `TaskState` to
report progress and to see whether it was cancelled. Its result (or exception) travels
back by queued signal into the `Task` object, which lives on the GUI thread, so
`on_done` / `on_error` always run there.

A `Task` is a QObject of the GUI thread, so its last reference must be dropped there:
the worker holds it only while it runs the job, then lets go and tells the runner
(queued, after the result), and only then does the runner release it.
"""
from __future__ import annotations

import logging
import threading
import weakref
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

Job = Callable[["TaskState"], Any]


def _receiver_alive(callback: Callable[..., Any] | None) -> bool:
    """False when `callback` is a method of a Qt object deleted meanwhile (a screen rebuilt
    after a language switch while its load was running), or a lambda or inner function that
    captured one."""
    if callback is None:
        return False
    owners = [getattr(callback, "__self__", None), *_captured(callback)]
    return all(not isinstance(owner, QObject) or shiboken6.isValid(owner) for owner in owners)


def _captured(callback: Callable[..., Any]) -> list[Any]:
    found = []
    for cell in getattr(callback, "__closure__", None) or ():
        try:
            found.append(cell.cell_contents)
        except ValueError:  # a cell not yet filled
            pass
    return found


class TaskState:
    """What a running job sees: progress reporting and cancellation."""

    def __init__(self, task: Task) -> None:
        self._task = weakref.ref(task)  # no cycle: a cycle could be collected on a worker
        self._cancel = threading.Event()

    def report(self, done: int, total: int, message: str = "") -> None:
        task = self._task()
        if task is not None:
            task._sig_report.emit(done, total, message)

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()


class Task(QObject):
    """A handle on one job: progress and completion signals, and `cancel()`."""

    sig_progress = Signal(int, int, str)
    sig_finished = Signal()
    _sig_report = Signal(int, int, str)
    _sig_result = Signal(object)
    _sig_failure = Signal(object)

    def __init__(self, on_done: Callable[[Any], None] | None,
                 on_error: Callable[[BaseException], None] | None) -> None:
        super().__init__()
        self.state = TaskState(self)
        self.result: Any = None
        self.error: BaseException | None = None
        self._on_done = on_done
        self._on_error = on_error
        # Re-emitted from the GUI thread, so a handler connected after run_db() returns
        # still sees every report.
        self._sig_report.connect(self.sig_progress)
        self._sig_result.connect(self._deliver_result)
        self._sig_failure.connect(self._deliver_failure)

    def cancel(self) -> None:
        self.state.cancel()

    def cancelled(self) -> bool:
        return self.state.cancelled()

    @Slot(object)
    def _deliver_result(self, result: Any) -> None:
        self.result = result
        try:
            if _receiver_alive(self._on_done) and not self.cancelled():
                self._on_done(result)
        finally:
            self._finish()

    @Slot(object)
    def _deliver_failure(self, error: BaseException) -> None:
        self.error = error
        try:
            if self.cancelled():
                return
            if _receiver_alive(self._on_error):
                self._on_error(error)
            else:
                log.error("background task failed", exc_info=error)
        finally:
            self._finish()

    def _finish(self) -> None:
        self._on_done = self._on_error = None
        self.sig_finished.emit()


class _Runnable(QRunnable):
    def __init__(self, task: Task, job: Job, released: Signal) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._task: Task | None = task
        self._job: Job | None = job
        self._released = released

    def run(self) -> None:
        task, job = self._task, self._job
        self._task = self._job = None
        key = id(task)
        try:
            result = job(task.state)
        except BaseException as exc:  # noqa: BLE001 - every failure must reach the GUI
            log.debug("task raised", exc_info=exc)
            task._sig_failure.emit(exc)
        else:
            task._sig_result.emit(result)
            del result
        del task, job
        self._released.emit(key)


class TaskRunner(QObject):
    """`run_db` for the database (one worker), `run_net` for HQ (a few workers)."""

    NET_WORKERS = 2
    _sig_worker_released = Signal(object)  # id() of a Task its worker no longer holds

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db_lane = QThreadPool(self)
        self._db_lane.setMaxThreadCount(1)
        self._net_lane = QThreadPool(self)
        self._net_lane.setMaxThreadCount(self.NET_WORKERS)
        self._running: dict[int, Task] = {}
        self._sig_worker_released.connect(self._release)

    def run_db(self, fn: Job, on_done: Callable[[Any], None] | None = None,
               on_error: Callable[[BaseException], None] | None = None) -> Task:
        return self._start(self._db_lane, fn, on_done, on_error)

    def run_net(self, fn: Job, on_done: Callable[[Any], None] | None = None,
                on_error: Callable[[BaseException], None] | None = None) -> Task:
        return self._start(self._net_lane, fn, on_done, on_error)

    def busy(self) -> bool:
        return bool(self._running)

    def cancel_all(self) -> None:
        for task in list(self._running.values()):
            task.cancel()

    def shutdown(self, timeout_ms: int = 10000) -> None:
        """Cancel what is running and wait for the workers (on quit)."""
        self.cancel_all()
        self._db_lane.waitForDone(timeout_ms)
        self._net_lane.waitForDone(timeout_ms)

    def _start(self, lane: QThreadPool, fn: Job, on_done: Callable[[Any], None] | None,
               on_error: Callable[[BaseException], None] | None) -> Task:
        task = Task(on_done, on_error)
        self._running[id(task)] = task
        lane.start(_Runnable(task, fn, self._sig_worker_released))
        return task

    @Slot(object)
    def _release(self, key: int) -> None:
        """Queued after the task's result, so this runs once the result was delivered."""
        self._running.pop(key, None)
