"""Typed options over QSettings, declared once.

`VERSION` and `_UPGRADES` rename keys when a release changes them, so a user's saved
layout survives upgrades.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T")

ORGANIZATION = "ClaimCare"
APPLICATION = "ClaimCare Desktop"
VERSION = 1
_UPGRADES: dict[int, dict[str, str]] = {}  # version -> {old key: new key}


@dataclass(frozen=True)
class Option(Generic[T]):
    key: str
    kind: type
    default: T


WINDOW_GEOMETRY = Option("window/geometry", QByteArray, QByteArray())
WINDOW_STATE = Option("window/state", QByteArray, QByteArray())
LAST_WORKSPACE = Option("window/workspace", str, "visit_queue")
LANGUAGE = Option("ui/language", str, "zh_CN")
LAST_USER = Option("sign_in/last_user", str, "")
HQ_URL = Option("sync/hq_url", str, "http://127.0.0.1:8700")
LAST_REMINDER_DAY = Option("reminders/last_day", str, "")


def column_option(table: str) -> Option[list]:
    """Which columns of `table` the user hid, by column key."""
    return Option(f"columns/{table}/hidden", list, [])


def header_option(table: str) -> Option[QByteArray]:
    """A table header's saved state: column widths and order."""
    return Option(f"columns/{table}/header", QByteArray, QByteArray())


class Settings:
    """`get(OPTION)` / `set(OPTION, value)`; an ini file when `path` is given (tests)."""

    def __init__(self, path: Path | str | None = None) -> None:
        if path is None:
            self._qs = QSettings(ORGANIZATION, APPLICATION)
        else:
            self._qs = QSettings(str(path), QSettings.Format.IniFormat)
        self._upgrade()

    def get(self, option: Option[T]) -> T:
        if not self._qs.contains(option.key):
            return option.default
        value = self._qs.value(option.key)
        return _coerce(value, option)

    def set(self, option: Option[T], value: T) -> None:
        self._qs.setValue(option.key, value)

    def sync(self) -> None:
        self._qs.sync()

    def _upgrade(self) -> None:
        stored = int(self._qs.value("settings/version", 0) or 0)
        for version in range(stored + 1, VERSION + 1):
            for old, new in _UPGRADES.get(version, {}).items():
                if self._qs.contains(old):
                    self._qs.setValue(new, self._qs.value(old))
                    self._qs.remove(old)
        self._qs.setValue("settings/version", VERSION)


def _coerce(value: Any, option: Option[Any]) -> Any:
    if option.kind is list:
        if value is None:
            return []
        return [str(v) for v in value] if isinstance(value, (list, tuple)) else [str(value)]
    if option.kind is QByteArray:
        return value if isinstance(value, QByteArray) else QByteArray()
    if option.kind is bool:
        return value in (True, "true", "1", 1)
    try:
        return option.kind(value)
    except (TypeError, ValueError):
        return option.default
