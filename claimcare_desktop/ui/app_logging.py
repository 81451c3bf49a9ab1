"""Logging, configured once at start: a rotating file in the user's log folder."""
from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from claimcare_desktop.store.paths import log_dir

LOG_FILE = "claimcare-desktop.log"
_FORMAT = "%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s"


def configure_logging(directory: Path | None = None, level: int = logging.INFO) -> Path:
    """Idempotent: a second call leaves the handlers alone. Returns the log file."""
    directory = Path(directory or log_dir())
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / LOG_FILE
    root = logging.getLogger()
    if any(getattr(h, "claimcare", False) for h in root.handlers):
        return path
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=2_000_000, backupCount=5,
                                                   encoding="utf-8")
    handler.claimcare = True
    handler.setFormatter(logging.Formatter(_FORMAT))
    root.addHandler(handler)
    root.setLevel(level)
    return path
