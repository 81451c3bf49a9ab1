"""What the first window costs: the sign-in dialog's modules leave the heavy ones (SQLAlchemy,
the shell, logging.handlers) for later, the main window's modules are imported behind the
dialog, and the log file still rotates."""
import logging
import subprocess
import sys
from pathlib import Path

from claimcare_desktop.ui import preload
from claimcare_desktop.ui import settings as opt
from claimcare_desktop.ui.app_logging import SizeRotatingFileHandler

ROOT = Path(__file__).parents[2]
FIRST_WINDOW_MODULES = ("claimcare_desktop.ui.app", "claimcare_desktop.ui.sign_in.dialog",
                        "claimcare_desktop.ui.profile_opening")
LATER = ("sqlalchemy", "alembic", "claimcare_desktop.ui.shell",
         "claimcare_desktop.ui.profile_recovery", "claimcare_desktop.domain.vocab",
         "logging.handlers")


def test_the_sign_in_dialog_imports_nothing_heavy():
    probe = (f"import sys\nfor m in {FIRST_WINDOW_MODULES!r}: __import__(m)\n"
             f"print([m for m in {LATER!r} if m in sys.modules])")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          cwd=ROOT, timeout=60, env={"QT_QPA_PLATFORM": "offscreen",
                                                     "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "[]"


def test_the_names_imported_later_are_still_there():
    from claimcare_desktop.ui import app
    from claimcare_desktop.ui.shell import Shell

    assert app.Shell is Shell
    assert app.AppContext.__name__ == "AppContext" and app.ChangeBus.__name__ == "ChangeBus"


def test_the_main_window_modules_are_the_shell_and_the_last_workspace(settings):
    assert preload.main_window_modules(settings) == [
        preload.SHELL_MODULE, "claimcare_desktop.ui.visit_queue.workspace"]
    settings.set(opt.LAST_WORKSPACE, "complaints")
    assert preload.main_window_modules(settings)[1] == "claimcare_desktop.ui.complaints.workspace"
    settings.set(opt.LAST_WORKSPACE, "no_such_workspace")
    assert preload.main_window_modules(settings)[1] == "claimcare_desktop.ui.visit_queue.workspace"


def test_preloading_runs_on_the_database_lane(qtbot, runner, settings):
    task = preload.preload_main_window(runner, settings)
    with qtbot.waitSignal(task.sig_finished, timeout=30_000):
        pass
    assert task.error is None
    assert preload.SHELL_MODULE in sys.modules


def test_the_log_file_rotates_past_its_size(tmp_path):
    path = tmp_path / "app.log"
    handler = SizeRotatingFileHandler(path, max_bytes=200, backups=2)
    handler.setFormatter(logging.Formatter("%(message)s"))
    log = logging.getLogger("rotation-test")
    log.propagate = False
    log.addHandler(handler)
    try:
        for i in range(40):
            log.warning("line %02d %s", i, "x" * 20)
    finally:
        log.removeHandler(handler)
        handler.close()
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["app.log", "app.log.1", "app.log.2"]
    assert all(p.stat().st_size < 200 + 40 for p in tmp_path.iterdir())
    kept = [line for name in names[::-1] for line in
            (tmp_path / name).read_text(encoding="utf-8").splitlines()]
    numbers = [int(line.split()[1]) for line in kept]
    assert numbers == list(range(numbers[0], 40))  # the newest lines, in order, none lost
