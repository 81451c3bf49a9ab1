"""Logging, configured once at start: a rotating file in the user's log folder.

The file is rotated by a small handler of our own rather than `logging.handlers`, whose
import (socket, pickle, queue, ...) costs more than the rest of logging before the first
window is on screen.
"""
from __future__ import annotations

import logging
import os
from pathlib import Path

from claimcare_desktop.store.paths import log_dir

LOG_FILE = "claimcare-desktop.log"
MAX_BYTES = 2_000_000
BACKUPS = 5
_FORMAT = "%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s"


class SizeRotatingFileHandler(logging.FileHandler):
    """Appends to `path`; past `max_bytes` the file becomes `path.1` (`.1` becomes `.2`, …,
    the oldest beyond `backups` is dropped) and a new one is started."""

    def __init__(self, path: Path, max_bytes: int = MAX_BYTES, backups: int = BACKUPS) -> None:
        super().__init__(path, mode="a", encoding="utf-8")
        self.max_bytes = max_bytes
        self.backups = backups

    def emit(self, record: logging.LogRecord) -> None:
        super().emit(record)
        if self.stream is not None and self.stream.tell() >= self.max_bytes:
            self.acquire()
            try:
                self._rotate()
            finally:
                self.release()

    def _rotate(self) -> None:
        self.close()
        path = Path(self.baseFilename)
        for n in range(self.backups - 1, 0, -1):
            older = path.with_name(f"{path.name}.{n}")
            if older.exists():
                os.replace(older, path.with_name(f"{path.name}.{n + 1}"))
        if path.exists():
            os.replace(path, path.with_name(f"{path.name}.1"))
        self.stream = self._open()


def configure_logging(directory: Path | None = None, level: int = logging.INFO) -> Path:
    """Idempotent: a second call leaves the handlers alone. Returns the log file."""
    directory = Path(directory or log_dir())
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / LOG_FILE
    root = logging.getLogger()
    if any(getattr(h, "claimcare", False) for h in root.handlers):
        return path
    handler = SizeRotatingFileHandler(path)
    handler.claimcare = True
    handler.setFormatter(logging.Formatter(_FORMAT))
    root.addHandler(handler)
    root.setLevel(level)
    return path
