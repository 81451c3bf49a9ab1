"""Starting the desktop app: logging, settings, language, sign-in, main window.

The sign-in dialog shows first; the profile opens (and its schema is upgraded) on the
database lane while the user types, and signing in waits on that worker, not on the GUI
thread. An unusable database is reported as soon as the open fails, over the dialog.
The open starts once the dialog is on screen, so its imports (SQLAlchemy, on the worker)
do not compete with the dialog for the interpreter, and what only the main window or a
failed open needs is imported later (module `__getattr__` below).
"""
from __future__ import annotations

import importlib
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog

from claimcare_desktop.store.paths import default_profile_dir

from . import settings as opt
from .app_logging import configure_logging
from .i18n import Translations
from .preload import preload_main_window
from .profile_opening import ProfileOpening, ProfileWhenOpen
from .settings import Settings
from .sign_in.dialog import SignInDialog
from .tasks import TaskRunner

if TYPE_CHECKING:
    from .changes import ChangeBus
    from .context import AppContext
    from .profile_recovery import open_or_recover
    from .shell import Shell
    from .sign_in.flow import SignedIn

__all__ = ["AppContext", "ChangeBus", "QApplication", "Settings", "Shell", "TaskRunner",
           "Translations", "configure_logging", "open_or_recover", "opt", "run_app"]

log = logging.getLogger(__name__)


_LATER = {"Shell": ".shell", "AppContext": ".context", "ChangeBus": ".changes",
          "open_or_recover": ".profile_recovery"}


def __getattr__(name: str) -> Any:
    """Names imported on demand: the main window's modules load after the sign-in dialog."""
    if name in _LATER:
        return getattr(importlib.import_module(_LATER[name], __package__), name)
    raise AttributeError(name)


def run_app(profile_dir: Path | None = None, hq_url: str | None = None,
            language: str | None = None, username: str | None = None) -> int:
    log_file = configure_logging()
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName(opt.APPLICATION)
    app.setOrganizationName(opt.ORGANIZATION)
    settings = Settings()
    translations = Translations()
    translations.install(language or settings.get(opt.LANGUAGE))
    settings.set(opt.LANGUAGE, translations.language)
    log.info("starting; log file %s", log_file)
    tasks = TaskRunner()
    opening = ProfileOpening(Path(profile_dir or default_profile_dir()), tasks)
    shell: Shell | None = None
    try:
        signed = sign_in_while_opening(opening, tasks, settings, hq_url, username)
        if signed is None or opening.profile is None:  # signing in needed the open profile
            return 1
        from .changes import ChangeBus
        from .context import AppContext
        from .shell import Shell

        ctx = AppContext(opening.profile, signed.user, tasks, ChangeBus(), settings,
                         hq_url=signed.hq_url, hq_token=signed.token)
        shell = Shell(ctx, translations)
        shell.start()
        return app.exec()
    finally:
        if shell is not None:
            shell.stop()
        tasks.shutdown()
        settings.sync()
        if opening.profile is not None:
            opening.profile.close()
        translations.uninstall()


def sign_in_while_opening(opening: ProfileOpening, tasks: TaskRunner, settings: Settings,
                          hq_url: str | None, username: str | None) -> SignedIn | None:
    """Show the sign-in dialog at once and open the profile behind it; None on cancel."""
    dialog = show_sign_in(opening, tasks, settings, hq_url, username)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.signed_in


def show_sign_in(opening: ProfileOpening, tasks: TaskRunner, settings: Settings,
                 hq_url: str | None, username: str | None) -> SignInDialog:
    """The sign-in dialog shown; once it is on screen, the profile's open and then the
    main window's imports start on the DB lane."""
    dialog = SignInDialog(ProfileWhenOpen(opening), tasks, settings, hq_url, username)

    def failed(error: BaseException) -> None:
        from .profile_recovery import recover

        if recover(error, opening.directory, dialog):
            opening.start()
        else:
            dialog.reject()

    def behind_the_dialog() -> None:
        opening.start()
        preload_main_window(tasks, settings)  # on the same lane, after the open

    opening.sig_failed.connect(failed)
    dialog.show()
    QTimer.singleShot(0, behind_the_dialog)
    return dialog
