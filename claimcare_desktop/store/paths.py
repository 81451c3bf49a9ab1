"""Where a profile lives on disk."""
from __future__ import annotations

from pathlib import Path

import platformdirs

APP_NAME = "ClaimCare"
APP_AUTHOR = "ClaimCare"
DB_FILENAME = "claimcare.sqlite3"


def default_profile_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR)) / "default"


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))


def database_file(profile_dir: Path) -> Path:
    return Path(profile_dir) / DB_FILENAME
