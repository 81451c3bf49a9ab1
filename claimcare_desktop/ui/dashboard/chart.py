"""A monthly trend of one KPI, painted by hand (QtCharts is not part of PySide6-Essentials).

Actual values are a line with dots coloured on / off target; the target is a dashed line
(it moves month by month for targets set against last year). Months without data leave
a gap rather than dropping to zero.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 64, 16, 16, 28
LINE = QColor("#1a73e8")
TARGET = QColor("#5f6368")
ON = QColor("#2e7d32")
OFF = QColor("#c62828")
GRID = QColor("#e0e0e0")


@dataclass(frozen=True)
class TrendPoint:
    label: str  # x-axis text, e.g. "2026-03"
    actual: float | None
    target: float | None
    on_target: bool | None


class TrendChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trend_chart")
        self.setMinimumSize(420, 220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.points: list[TrendPoint] = []
        self.format_value = lambda value: f"{value:.2f}"
        self.empty_text = ""

    def set_points(self, points: list[TrendPoint], format_value, empty_text: str) -> None:
        self.points = points
        self.format_value = format_value
        self.empty_text = empty_text
        self.update()

    def _range(self) -> tuple[float, float] | None:
        values = [v for p in self.points for v in (p.actual, p.target) if v is not None]
        if not values:
            return None
        low, high = min(values), max(values)
        if high - low < 1e-9:
            low, high = low - 1, high + 1
        pad = (high - low) * 0.1
        return low - pad, high + pad

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        plot = QRectF(MARGIN_LEFT, MARGIN_TOP, max(self.width() - MARGIN_LEFT - MARGIN_RIGHT, 1),
                      max(self.height() - MARGIN_TOP - MARGIN_BOTTOM, 1))
        bounds = self._range()
        if bounds is None:
            painter.setPen(QColor("#666"))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.empty_text)
            return
        self._axes(painter, plot, bounds)
        self._series(painter, plot, bounds, [p.target for p in self.points], TARGET, Qt.PenStyle.DashLine)
        self._series(painter, plot, bounds, [p.actual for p in self.points], LINE, Qt.PenStyle.SolidLine)
        self._dots(painter, plot, bounds)

    def _x(self, plot: QRectF, index: int) -> float:
        steps = max(len(self.points) - 1, 1)
        return plot.left() + plot.width() * index / steps

    @staticmethod
    def _y(plot: QRectF, bounds: tuple[float, float], value: float) -> float:
        low, high = bounds
        return plot.bottom() - plot.height() * (value - low) / (high - low)

    def _axes(self, painter: QPainter, plot: QRectF, bounds: tuple[float, float]) -> None:
        metrics = painter.fontMetrics()
        for share in (0.0, 0.5, 1.0):
            value = bounds[0] + (bounds[1] - bounds[0]) * share
            y = self._y(plot, bounds, value)
            painter.setPen(GRID)
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(QColor("#444"))
            text = self.format_value(value)
            painter.drawText(QPointF(plot.left() - metrics.horizontalAdvance(text) - 6, y + 4), text)
        every = max(1, len(self.points) // 6)
        for i, point in enumerate(self.points):
            if i % every == 0 or i == len(self.points) - 1:
                width = metrics.horizontalAdvance(point.label)
                left = min(max(self._x(plot, i) - width / 2, 0), self.width() - width - 2)
                painter.drawText(QPointF(left, plot.bottom() + 18), point.label)

    def _series(self, painter: QPainter, plot: QRectF, bounds, values, colour: QColor, style) -> None:
        path = QPainterPath()
        drawing = False
        for i, value in enumerate(values):
            if value is None:
                drawing = False
                continue
            point = QPointF(self._x(plot, i), self._y(plot, bounds, value))
            if drawing:
                path.lineTo(point)
            else:
                path.moveTo(point)
                drawing = True
        painter.setPen(QPen(colour, 2, style))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)

    def _dots(self, painter: QPainter, plot: QRectF, bounds) -> None:
        for i, point in enumerate(self.points):
            if point.actual is None:
                continue
            colour = LINE if point.on_target is None else (ON if point.on_target else OFF)
            painter.setPen(QPen(colour, 1))
            painter.setBrush(colour)
            painter.drawEllipse(QPointF(self._x(plot, i), self._y(plot, bounds, point.actual)), 4, 4)
