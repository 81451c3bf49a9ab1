"""App-wide "something changed" signal: operations announce, screens decide to refresh."""
from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal


class ChangeBus(QObject):
    """`sig_changed` carries a frozenset of the table names a write touched."""

    sig_changed = Signal(object)

    def notify(self, tables: Iterable[str]) -> None:
        self.sig_changed.emit(frozenset(tables))
