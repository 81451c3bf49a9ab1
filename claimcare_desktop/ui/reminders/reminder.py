"""Shows the digest on start and once each morning while the app runs.

A system-tray message where the desktop has a tray; otherwise a banner in the window.
"""
from __future__ import annotations

from datetime import UTC, datetime, time

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QSystemTrayIcon

from claimcare_desktop.domain.timeutil import to_local

from .. import settings as opt
from ..context import AppContext
from .digest import Digest, morning_digest

CHECK_EVERY_MS = 10 * 60 * 1000
MORNING = time(8, 0)


class Reminder(QObject):
    sig_banner = Signal(str)  # when there is no tray to show it
    sig_banner_text = Signal(str)  # fresher counts for a banner already shown

    def __init__(self, ctx: AppContext, icon: QIcon | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(icon or QIcon(), self)
            self.tray.show()
        self.timer = QTimer(self, interval=CHECK_EVERY_MS)
        self.timer.timeout.connect(self.check_morning)
        self.last_text = ""
        ctx.changes.sig_changed.connect(self._tables_changed)

    def start(self) -> None:
        self.timer.start()
        self.remind()

    def check_morning(self, now_utc: datetime | None = None) -> bool:
        """Remind if it is past 08:00 (China) and today's reminder was not shown yet."""
        now = to_local(now_utc or datetime.now(UTC))
        due = now.time() >= MORNING and \
            self._ctx.settings.get(opt.LAST_REMINDER_DAY) != now.date().isoformat()
        if due:
            self.remind(now_utc)
        return due

    def remind(self, now_utc: datetime | None = None) -> None:
        today = to_local(now_utc or datetime.now(UTC)).date().isoformat()

        def done(digest: Digest):
            self._ctx.settings.set(opt.LAST_REMINDER_DAY, today)
            self.show(digest)

        self._load_digest(done)

    def _load_digest(self, on_done) -> None:
        ctx = self._ctx

        def job(state):
            with ctx.profile.engine.connect() as conn:
                return morning_digest(conn, ctx.user, datetime.now(UTC))

        ctx.tasks.run_db(job, on_done=on_done)

    def _tables_changed(self, tables) -> None:
        """A sync or an edit changed today's work: keep the shown counts true, quietly."""
        if self.last_text and {"visits", "complaints"} & set(tables):
            self._load_digest(lambda digest: self.sig_banner_text.emit(self._describe(digest)))

    def _describe(self, digest: Digest) -> str:
        visits = self.tr("%n visit(s) due today", "", digest.visits_due_today)
        complaints = self.tr("%n complaint(s) close to breach", "", digest.complaints_near_breach)
        return f"{visits} · {complaints}"

    def show(self, digest: Digest) -> None:
        self.last_text = self._describe(digest)
        if self.tray is not None:
            self.tray.showMessage(self.tr("ClaimCare — today"), self.last_text)
        else:
            self.sig_banner.emit(self.last_text)
