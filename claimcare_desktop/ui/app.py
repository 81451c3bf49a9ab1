"""Starting the desktop app: logging, settings, language, profile, sign-in, main window."""
from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QDialog

from claimcare_desktop.store.paths import default_profile_dir

from . import settings as opt
from .app_logging import configure_logging
from .changes import ChangeBus
from .context import AppContext
from .i18n import Translations
from .profile_recovery import open_or_recover
from .settings import Settings
from .shell import Shell
from .sign_in.dialog import SignInDialog
from .tasks import TaskRunner

log = logging.getLogger(__name__)


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
    profile = open_or_recover(Path(profile_dir or default_profile_dir()))
    if profile is None:
        return 1
    tasks = TaskRunner()
    try:
        dialog = SignInDialog(profile, tasks, settings, hq_url, username)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.signed_in is None:
            return 1
        signed = dialog.signed_in
        ctx = AppContext(profile, signed.user, tasks, ChangeBus(), settings,
                         hq_url=signed.hq_url, hq_token=signed.token)
        shell = Shell(ctx, translations)
        shell.start()
        return app.exec()
    finally:
        tasks.shutdown()
        settings.sync()
        profile.close()
        translations.uninstall()
