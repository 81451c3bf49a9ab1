"""The app as `ui/app.run_app` starts it, with the person at the sign-in dialog left out.

Same steps in the same order: logging, QApplication, settings, translations, the task
runner, the profile opening on the DB lane while the sign-in dialog shows; then, as soon
as the profile is open (an instant sign-in), the shell (main window with every workspace,
status bar, sync timer, reminder, background database check) shown. The user is the
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

    from claimcare_desktop.ui.app import QApplication, Settings, TaskRunner, Translations, configure_logging, opt
    from claimcare_desktop.ui.profile_opening import ProfileOpening, ProfileWhenOpen
    from claimcare_desktop.ui.sign_in.dialog import SignInDialog

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
    dialog = SignInDialog(ProfileWhenOpen(opening), tasks, settings, None, None)
    opening.start()
    dialog.show()
    mark("sign-in shown")
    return Starting(app, dialog, opening, tasks, settings, translations)


def open_main_window(starting: Starting):
    """Once the profile is open: the shell started, as after a successful sign-in."""
    from claimcare_desktop.ui.app import AppContext, ChangeBus, Shell

    from .people import supervisor_user
    from .qt_harness import wait_until

    wait_until(lambda: starting.opening.profile is not None, timeout_s=600)
    mark("profile open")
    starting.dialog.accept()
    profile = starting.opening.profile
    ctx = AppContext(profile, supervisor_user(profile.database_path), starting.tasks, ChangeBus(),
                     starting.settings)
    shell = Shell(ctx, starting.translations)
    mark("main window built")
    shell.start()
    mark("shown")
    return shell


def start_session(profile_dir, settings_file):
    """(app, shell) with the main window shown; the caller runs the event loop."""
    starting = show_sign_in(profile_dir, settings_file)
    return starting.app, open_main_window(starting)
