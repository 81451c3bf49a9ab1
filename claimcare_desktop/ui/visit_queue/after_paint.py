"""Running something right after a widget has painted, when it is waiting for that."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

_PAINT = QEvent.Type.Paint


class AfterPaint(QObject):
    """Watches `widget`; after each paint, while `waiting()` holds, calls `then()` (from the
    event loop, once the paint is done)."""

    def __init__(self, widget: QWidget, waiting: Callable[[], bool], then: Callable[[], None]) -> None:
        super().__init__(widget)
        self._waiting = waiting
        self._then = then
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._waiting() and event.type() == _PAINT:
            QTimer.singleShot(0, self, self._then)
        return False
