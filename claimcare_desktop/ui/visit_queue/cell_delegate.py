"""Paints the queue's cells from their rows' looks, without asking the model role by role.

Qt's item delegate asks the model for seven roles per cell (font, alignment, colours,
check state, icon, text, background): seven calls from C++ into Python for each of the
~300 cells of a frame, more than half of a scroll frame's time. This delegate fills the
style option itself from the row's `RowLook`, one Python call per cell. The model's
`data()` still answers every role the same way (tooltips, accessibility, tests).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QObject
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from .columns import DUE_COLUMN, RISK_COLUMN
from .row_look import ALIGNMENTS, OVERDUE, RISK_BRUSHES

if TYPE_CHECKING:
    from .model import QueueModel

_HAS_DISPLAY = QStyleOptionViewItem.ViewItemFeature.HasDisplay
_TEXT = QPalette.ColorRole.Text


class QueueCellDelegate(QStyledItemDelegate):
    def __init__(self, model: QueueModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._features: dict[object, object] = {}  # the view's features -> with HasDisplay

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        column = index.column()
        features = option.features
        with_display = self._features.get(features)
        if with_display is None:
            with_display = self._features[features] = features | _HAS_DISPLAY
        option.features = with_display
        option.displayAlignment = ALIGNMENTS[column]
        look = self._model.looks.get(index.row())
        if look is None:
            self._model.row_needed(index.row())
            return
        option.text = look.texts[column]
        if column == RISK_COLUMN and look.risk_level is not None:
            option.backgroundBrush = RISK_BRUSHES[look.risk_level]
        elif column == DUE_COLUMN and look.overdue:
            palette = option.palette
            palette.setColor(_TEXT, OVERDUE)
            option.palette = palette
