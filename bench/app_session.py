"""The app as `ui/app.run_app` starts it, with the person at the sign-in dialog left out.

Same steps in the same order: logging, QApplication, settings, translations, the task
runner, the sign-in dialog shown and the profile opening on the DB lane behind it; then
the user's click on "Sign in" (the caller decides when: the benchmarks click the moment
the profile is open) with the sign-in itself taking no time, and the shell (main window,
its first workspace, status bar, sync timer, reminder, background database check) shown. The user is the
branch supervisor, read with plain sqlite3 (what signing in would have returned).
Settings go to a throwaway ini file so the user's own are never touched.

`marks` records (label, time.time()) for the report's phases.
"""
from __future__ import annotations

import os
import time
from dataclasses import dataclass
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from .people import supervisor_user  # noqa: E402 - sqlite3 only, no SQLAlchemy

marks: list[tuple[str, float]] = []


def mark(label: str) -> None:
    marks.append((label, time.time()))


@dataclass
class Starting:
    app: Any
    dialog: Any
    opening: Any
    tasks: Any
    settings: Any
    translations: Any


def show_sign_in(profile_dir, settings_file) -> Starting:
    """Everything up to the sign-in dialog on screen, the profile opening behind it."""
    from pathlib import Path

    from claimcare_desktop.ui.app import (QApplication, Settings, TaskRunner, Translations,
                                          configure_logging, opt, show_sign_in)
    from claimcare_desktop.ui.profile_opening import ProfileOpening

    mark("imports")
    configure_logging()
    app = QApplication.instance() or QApplication(["claimcare-bench"])
    app.setApplicationName(opt.APPLICATION)
    app.setOrganizationName(opt.ORGANIZATION)
    settings = Settings(settings_file)
    translations = Translations()
    translations.install("zh_CN")
    tasks = TaskRunner()
    opening = ProfileOpening(Path(profile_dir), tasks)
    dialog = show_sign_in(opening, tasks, settings, None, None)
    mark("sign-in shown")
    return Starting(app, dialog, opening, tasks, settings, translations)


def submit_sign_in(starting: Starting) -> None:
    """The user's click on "Sign in", with the sign-in itself (HQ or the password
    verifier) taking no time."""
    mark("sign-in submitted")
    starting.dialog.accept()


def open_main_window(starting: Starting):
    """Once the profile is open: sign-in submitted, then the shell started, as after a
    successful sign-in (the shell's modules are imported after the click, as in run_app)."""
    profile = starting.opening.profile
    user = supervisor_user(profile.database_path)  # what the sign-in would return
    submit_sign_in(starting)
    from claimcare_desktop.ui.app import AppContext, ChangeBus, Shell

    ctx = AppContext(profile, user, starting.tasks, ChangeBus(), starting.settings)
    shell = Shell(ctx, starting.translations)
    mark("main window built")
    shell.start()
    mark("shown")
    return shell


def start_session(profile_dir, settings_file):
    """(app, shell) with the main window shown; the caller runs the event loop."""
    from .qt_harness import wait_until

    starting = show_sign_in(profile_dir, settings_file)
    wait_until(lambda: starting.opening.profile is not None, timeout_s=600)
    mark("profile open")
    return starting.app, open_main_window(starting)
