"""The profile opened (and its schema upgraded) on the database lane while the user signs in.

The sign-in dialog shows at once and is given a `ProfileWhenOpen`: whatever its sign-in
job (on the network lane) asks of the profile waits there until the open has finished.
The GUI thread never waits: it hears `sig_opened` or `sig_failed`.
"""
from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from .tasks import TaskRunner, TaskState

if TYPE_CHECKING:
    from claimcare_desktop.store.db import Profile


class ProfileOpening(QObject):
    sig_opened = Signal(object)  # Profile
    sig_failed = Signal(object)  # the exception open_profile raised

    def __init__(self, directory: Path, tasks: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.directory = directory
        self._tasks = tasks
        self._finished = threading.Event()
        self.profile: Profile | None = None
        self.error: BaseException | None = None

    def start(self) -> None:
        self._finished.clear()
        self.profile, self.error = None, None
        self._tasks.run_db(self._open, on_done=self.sig_opened.emit, on_error=self.sig_failed.emit)

    def _open(self, _state: TaskState) -> Profile:
        try:
            from claimcare_desktop.store.db import open_profile  # on this worker: heavy imports

            self.profile = open_profile(self.directory)
            return self.profile
        except BaseException as error:
            self.error = error
            raise
        finally:
            self._finished.set()

    def wait(self) -> Profile:
        """The opened profile, once it is (worker threads only); raises what the open raised."""
        self._finished.wait()
        if self.profile is None:
            raise self.error or RuntimeError("the profile was not opened")
        return self.profile


class ProfileWhenOpen:
    """Stands for the profile in the sign-in job: each attribute waits for the open."""

    def __init__(self, opening: ProfileOpening) -> None:
        self._opening = opening

    def __getattr__(self, name: str) -> Any:
        return getattr(self._opening.wait(), name)
