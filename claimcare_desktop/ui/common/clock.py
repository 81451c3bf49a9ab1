"""The current moment, aware UTC; workspaces keep a reference that tests can replace."""
from __future__ import annotations

from datetime import UTC, datetime


def utc_now() -> datetime:
    return datetime.now(UTC)
