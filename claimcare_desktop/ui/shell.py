"""Wires a signed-in session together: main window, status bar, sync timer, signing in
again, reminder, the background check of the database, and the language switch."""
from __future__ import annotations

from PySide6.QtWidgets import QWidget

from . import settings as opt
from .context import AppContext
from .database_check import DatabaseCheck
from .i18n import Translations
from .main_window import MainWindow
from .reminders.reminder import Reminder
from .sign_in.again import SignInAgain
from .status.status_bar import StatusBar
from .status.sync_controller import SyncController


class Shell:
    """Owns the session's long-lived objects; `start()` begins syncing and reminding."""

    def __init__(self, ctx: AppContext, translations: Translations,
                 parent: QWidget | None = None) -> None:
        self.ctx = ctx
        self.translations = translations
        self.window = MainWindow(ctx, parent)
        self.sync = SyncController(ctx, self.window)
        self.status_bar = StatusBar(ctx, self.sync, self.window)
        self.window.setStatusBar(self.status_bar)
        self.sign_in_again = SignInAgain(ctx, self.sync, self.window)
        self.status_bar.sig_sign_in_again.connect(self.sign_in_again.open)
        self.window.sig_sign_in_again_requested.connect(self.sign_in_again.open)
        self.reminder = Reminder(ctx, self.window.windowIcon(), self.window)
        self.reminder.sig_banner.connect(self.window.banner.show_message)
        self.reminder.sig_banner_text.connect(self.window.banner.update_text)
        self.window.sig_sync_requested.connect(self.sync.sync_now)
        self.window.sig_language_requested.connect(self.switch_language)
        self.database_check = DatabaseCheck(ctx.profile.database_path, self.window)

    def start(self) -> None:
        self.window.show()
        self.sync.start()
        self.reminder.start()
        self.database_check.start_later()

    def stop(self) -> None:
        """Before the profile closes (on quit): stop the background check."""
        self.database_check.stop()

    def switch_language(self, language: str) -> None:
        """Install the new translators, then rebuild every workspace in that language."""
        if language == self.translations.language:
            return
        self.translations.install(language)
        self.ctx.settings.set(opt.LANGUAGE, language)
        self.window.rebuild_workspaces()
        self.status_bar.retranslate()
