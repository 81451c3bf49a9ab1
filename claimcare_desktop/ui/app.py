"""Starting the desktop app: logging, settings, language, sign-in, main window.

The sign-in dialog shows first; the profile opens (and its schema is upgraded) on the
database lane while the user types, and signing in waits on that worker, not on the GUI
thread. An unusable database is reported as soon as the open fails, over the dialog.
"""
from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QApplication, QDialog

from claimcare_desktop.store.paths import default_profile_dir

from . import settings as opt
from .app_logging import configure_logging
from .changes import ChangeBus
from .context import AppContext
from .i18n import Translations
from .profile_opening import ProfileOpening, ProfileWhenOpen
from .profile_recovery import open_or_recover, recover
from .settings import Settings
from .sign_in.dialog import SignInDialog
from .tasks import TaskRunner

if TYPE_CHECKING:
    from .shell import Shell
    from .sign_in.flow import SignedIn

__all__ = ["AppContext", "ChangeBus", "QApplication", "Settings", "Shell", "TaskRunner",
           "Translations", "configure_logging", "open_or_recover", "opt", "run_app"]

log = logging.getLogger(__name__)


def __getattr__(name: str) -> Any:
    """`Shell` on demand: the main window's modules load after the sign-in dialog shows."""
    if name == "Shell":
        from .shell import Shell

        return Shell
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
    dialog = SignInDialog(ProfileWhenOpen(opening), tasks, settings, hq_url, username)

    def failed(error: BaseException) -> None:
        if recover(error, opening.directory, dialog):
            opening.start()
        else:
            dialog.reject()

    opening.sig_failed.connect(failed)
    opening.start()
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.signed_in
