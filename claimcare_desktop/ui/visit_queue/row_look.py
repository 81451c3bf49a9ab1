"""A queue row as it is painted, worked out once when its page arrives.

The cells' texts, the risk cell's background and the due cell's colour (red when an open
visit is overdue) are kept per row, so neither `data()` nor the cell delegate does more
per cell than a tuple index; the alignment is one per column.
"""
from __future__ import annotations

from datetime import date
from typing import NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from claimcare_desktop.store.visit_queue import QueueRow

from .columns import COLUMNS

RISK_COLOURS = {"high": QColor("#fde2e1"), "medium": QColor("#fff1cc"), "low": QColor("#e3f4e1")}
RISK_BRUSHES = {level: QBrush(colour) for level, colour in RISK_COLOURS.items()}
OVERDUE = QColor("#b3261e")
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
ALIGNMENTS = tuple(_RIGHT if column.numeric else _LEFT for column in COLUMNS)


class RowLook(NamedTuple):
    row: QueueRow
    texts: tuple[str, ...]  # one per column
    risk_level: str | None  # a key of RISK_COLOURS, else None
    overdue: bool


def row_look(row: QueueRow, today: date | None) -> RowLook:
    overdue = row.status == "open" and today is not None and row.due_date < today
    risk = row.risk_level if row.risk_level in RISK_COLOURS else None
    return RowLook(row, tuple(column.text(row) for column in COLUMNS), risk, overdue)


def page_looks(rows: list[QueueRow], today: date | None) -> list[RowLook]:
    return [row_look(row, today) for row in rows]
