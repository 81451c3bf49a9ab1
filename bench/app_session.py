"""The app as `run_app` starts it, minus the sign-in dialog (a person types there).

Same steps in the same order: logging, QApplication, settings, translations, the profile
(open_or_recover: readability check, schema check), the task runner, then the shell
(main window with every workspace, status bar, sync timer, reminder) shown. The user is
the branch supervisor, read with plain sqlite3 (what sign-in would have returned).
Settings go to a throwaway ini file so the user's own are never touched.

`marks` records (label, seconds since this process started) for the report.
"""
from __future__ import annotations

import os
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

_PROCESS_START = time.time()
marks: list[tuple[str, float]] = []


def mark(label: str) -> None:
    marks.append((label, time.time()))


def start_session(profile_dir, settings_file):
    """(app, shell) with the main window shown; the caller runs the event loop."""
    from pathlib import Path

    from claimcare_desktop.ui.app import (
        QApplication,
        ChangeBus,
        AppContext,
        Settings,
        Shell,
        TaskRunner,
        Translations,
        configure_logging,
        open_or_recover,
        opt,
    )

    from .people import supervisor_user

    mark("imports")
    configure_logging()
    app = QApplication.instance() or QApplication(["claimcare-bench"])
    app.setApplicationName(opt.APPLICATION)
    app.setOrganizationName(opt.ORGANIZATION)
    settings = Settings(settings_file)
    translations = Translations()
    translations.install("zh_CN")
    mark("application")
    profile = open_or_recover(Path(profile_dir))
    mark("profile opened")
    tasks = TaskRunner()
    ctx = AppContext(profile, supervisor_user(profile.database_path), tasks, ChangeBus(), settings)
    shell = Shell(ctx, translations)
    mark("main window built")
    shell.start()
    mark("shown")
    return app, shell
