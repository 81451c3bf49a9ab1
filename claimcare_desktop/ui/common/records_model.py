"""A read-only table model over a list of plain rows, formatted once when rows arrive.

Used for the small, fully loaded tables of the care profile, the complaint history and
the dashboard. `data()` is list lookups against cached role ints (FIELD-NOTES).
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, Qt
from PySide6.QtGui import QColor

from .table_roles import ALIGN, BACKGROUND, DISPLAY, HORIZONTAL, LEFT, RIGHT, TOOLTIP

T = TypeVar("T")


@dataclass(frozen=True)
class Column(Generic[T]):
    header: str  # English source, translated in the model's context
    text: Callable[[T], str]
    width: int = 100
    numeric: bool = False
    colour: Callable[[T], QColor | None] | None = None  # background of this cell


class RecordsModel(QAbstractTableModel):
    def __init__(self, context: str, columns: Sequence[Column], parent: QObject | None = None,
                 headers: Sequence[str] | None = None) -> None:
        """`headers`, when given, are already translated and replace the columns' own."""
        super().__init__(parent)
        self.columns = tuple(columns)
        self._headers = list(headers) if headers is not None else [
            QCoreApplication.translate(context, c.header) for c in self.columns]
        self._align = [RIGHT if c.numeric else LEFT for c in self.columns]
        self._rows: list[Any] = []
        self._cells: list[list[str]] = []
        self._colours: list[list[QColor | None]] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._cells = [[c.text(row) for c in self.columns] for row in self._rows]
        self._colours = [[c.colour(row) if c.colour else None for c in self.columns]
                         for row in self._rows]
        self.endResetModel()

    def row_at(self, row: int) -> Any | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rows(self) -> list[Any]:
        return list(self._rows)

    def text(self, row: int, column: int) -> str:
        return self._cells[row][column]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: QModelIndex, role: int = DISPLAY) -> Any:
        if role == DISPLAY or role == TOOLTIP:
            return self._cells[index.row()][index.column()]
        if role == ALIGN:
            return self._align[index.column()]
        if role == BACKGROUND:
            return self._colours[index.row()][index.column()]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if role == DISPLAY and orientation == HORIZONTAL:
            return self._headers[section]
        return None
