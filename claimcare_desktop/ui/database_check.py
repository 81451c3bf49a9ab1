"""The full check of the local database, in the background once the window is up.

Opening a profile reads only the header and the schema (milliseconds); SQLite's
`quick_check` reads every page (3-7 s for a big branch's 1 GB). It runs on a worker of
its own with its own read-only connection rather than on the database lane: checking one
big table holds a connection for up to two seconds, and every queue page would wait
behind it. WAL lets it read while the app writes. When it finds damage it tells the user
(translated) and records it beside the file, so the next start checks the whole file and
offers to put it aside; nothing is deleted.
"""
from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from claimcare_desktop.store.db import find_damage, report_damage

from .tasks import TaskRunner, TaskState

log = logging.getLogger(__name__)

START_DELAY_MS = 5000  # after the window shows: the first page and the reminder go first


class DatabaseCheck(QObject):
    sig_finished = Signal(object)  # None when the file is sound, else SQLite's report

    def __init__(self, path: Path, parent: QWidget) -> None:
        super().__init__(parent)
        self._path = path
        self._window = parent
        self._lane = TaskRunner(self)  # only its one-thread lane is used: a lane of its own
        self._connection: sqlite3.Connection | None = None
        self.message: QMessageBox | None = None

    def start_later(self, delay_ms: int = START_DELAY_MS) -> None:
        QTimer.singleShot(delay_ms, self, self.start)

    def start(self) -> None:
        self._lane.run_db(self._check, on_done=self._finished, on_error=self._not_done)

    def stop(self) -> None:
        """Abort a running check (on quit) and wait for its worker."""
        connection = self._connection
        if connection is not None:
            try:
                connection.interrupt()
            except sqlite3.ProgrammingError:  # closed meanwhile: the check had finished
                pass
        self._lane.shutdown()

    def _check(self, _state: TaskState) -> str | None:
        connection = sqlite3.connect(f"file:{self._path}?mode=ro", uri=True)
        self._connection = connection
        try:
            found = find_damage(self._path, connection)
        finally:
            self._connection = None
            connection.close()
        if found:
            report_damage(self._path, found)
        return found

    def _finished(self, found: str | None) -> None:
        if found:
            log.error("the full check found damage in %s: %s", self._path, found)
            self._tell(found)
        else:
            log.info("the full check of %s found no damage", self._path)
        self.sig_finished.emit(found)

    def _not_done(self, error: BaseException) -> None:
        log.warning("the full check of %s did not finish: %s", self._path, error)

    def _tell(self, found: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Damage found in the local database"),
                          self.tr("ClaimCare checked the local database and found damaged "
                                  "pages. Some records may be missing or unreadable, and "
                                  "saving may fail."), parent=self._window)
        box.setObjectName("database_damage_found")
        box.setInformativeText(self.tr(
            "Sync now (F5) so that your changes reach HQ. At the next start ClaimCare will "
            "offer to put this file aside (nothing is deleted) and start with a fresh "
            "database, which the next sync fills again from HQ.\n\nFile: %1")
            .replace("%1", str(self._path)))
        box.setDetailedText(found)
        box.open()
        self.message = box
