import threading

import pytest
import shiboken6

from claimcare_desktop.ui.changes import ChangeBus


def test_db_result_arrives_on_gui_thread(qtbot, runner):
    gui = threading.get_ident()
    seen = {}

    def job(state):
        seen["worker"] = threading.get_ident()
        state.report(1, 2, "half")
        return 42

    def done(result):
        seen["result"] = result
        seen["done_thread"] = threading.get_ident()

    task = runner.run_db(job, on_done=done)
    with qtbot.waitSignal(task.sig_progress) as progress, qtbot.waitSignal(task.sig_finished):
        pass
    assert progress.args == [1, 2, "half"]
    assert seen["result"] == 42
    assert seen["worker"] != gui
    assert seen["done_thread"] == gui


def test_errors_reach_on_error(qtbot, runner):
    errors = []
    task = runner.run_net(lambda state: 1 / 0, on_error=errors.append)
    with qtbot.waitSignal(task.sig_finished):
        pass
    assert isinstance(errors[0], ZeroDivisionError)


def test_db_lane_runs_one_job_at_a_time(qtbot, runner):
    active, overlap = [0], []
    lock = threading.Lock()

    def job(state):
        with lock:
            active[0] += 1
            overlap.append(active[0])
        threading.Event().wait(0.01)
        with lock:
            active[0] -= 1

    tasks = [runner.run_db(job) for _ in range(4)]
    qtbot.waitUntil(lambda: not runner.busy(), timeout=5000)
    assert max(overlap) == 1 and len(tasks) == 4


def test_cancelled_task_does_not_deliver(qtbot, runner):
    release = threading.Event()
    delivered = []

    def job(state):
        release.wait(5)
        return "late" if not state.cancelled() else "stopped"

    task = runner.run_db(job, on_done=delivered.append)
    task.cancel()
    release.set()
    with qtbot.waitSignal(task.sig_finished):
        pass
    assert task.result == "stopped"
    assert delivered == []


def test_result_for_a_deleted_receiver_is_dropped(qtbot, runner):
    from PySide6.QtCore import QObject

    class Screen(QObject):
        shown = []

        def show(self, result):
            self.shown.append(result)

    screen = Screen()
    release = threading.Event()
    task = runner.run_db(lambda state: release.wait(5) and "rows", on_done=screen.show)
    shiboken6.delete(screen)
    release.set()
    with qtbot.waitSignal(task.sig_finished):
        pass
    assert task.result == "rows" and Screen.shown == []


def test_result_for_a_lambda_over_a_deleted_receiver_is_dropped(qtbot, runner):
    from PySide6.QtCore import QObject

    shown = []

    class Screen(QObject):
        def show(self, result):
            shown.append(result)
            self.setObjectName("shown")  # raises: its C++ object is gone

    screen = Screen()
    release = threading.Event()
    task = runner.run_db(lambda state: release.wait(5) and "rows",
                         on_done=lambda rows: screen.show(rows))
    shiboken6.delete(screen)
    release.set()
    with qtbot.waitSignal(task.sig_finished):
        pass
    assert task.result == "rows" and shown == []


def test_change_bus_carries_table_names(qtbot):
    bus = ChangeBus()
    with qtbot.waitSignal(bus.sig_changed) as blocker:
        bus.notify(["visits", "complaints"])
    assert blocker.args == [frozenset({"visits", "complaints"})]


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_settings_round_trip(tmp_path, qapp, language):
    from claimcare_desktop.ui import settings as opt

    first = opt.Settings(tmp_path / "s.ini")
    assert first.get(opt.LANGUAGE) == "zh_CN"
    first.set(opt.LANGUAGE, language)
    first.set(opt.column_option("visits"), ["risk", "attempts"])
    first.sync()
    again = opt.Settings(tmp_path / "s.ini")
    assert again.get(opt.LANGUAGE) == language
    assert again.get(opt.column_option("visits")) == ["risk", "attempts"]
    assert again.get(opt.column_option("other")) == []


def test_a_finished_task_and_its_result_are_freed(qtbot, runner):
    import gc
    import weakref

    class Result:
        pass

    task = runner.run_db(lambda state: Result())
    with qtbot.waitSignal(task.sig_finished):
        pass
    qtbot.waitUntil(lambda: not runner.busy())
    result_ref = weakref.ref(task.result)
    del task
    gc.collect()
    assert result_ref() is None
