"""Each claim's payout against the 48 h target: a bar from documents confirmed to paid.

Green when paid within 48 h, red when later, dashed grey while a payout is owed (up to now).
A rejected claim, or one closed unpaid, owes nothing and shows no bar. The
dashed line marks 48 h; bars longer than the scale are cut with an arrow. Claims without
confirmed documents have nothing to measure yet and show no bar.
"""
from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from claimcare_desktop.domain.kpi import PAYOUT_WITHIN
from claimcare_desktop.store.customer_profile import ClaimEntry

from ..common.formatting import duration

ROW_HEIGHT = 22
AXIS_HEIGHT = 20
LABEL_WIDTH = 150
VALUE_WIDTH = 120
MAX_ROWS = 8
SCALE_MIN = PAYOUT_WITHIN * 2
SCALE_MAX = timedelta(days=14)
ON_TIME = QColor("#2e7d32")
LATE = QColor("#c62828")
PENDING = QColor("#9e9e9e")


def payout_span(claim: ClaimEntry, now: datetime) -> timedelta | None:
    """Documents confirmed to paid, or to `now` (naive UTC) while a payout is owed; none for
    a claim turned down or closed unpaid."""
    if claim.documents_confirmed_at is None or (claim.paid_at is None and not claim.awaits_payout):
        return None
    return (claim.paid_at or now) - claim.documents_confirmed_at


class ClaimsTimeline(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("claims_timeline")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.claims: list[ClaimEntry] = []
        self.now = datetime.min
        self.setFixedHeight(AXIS_HEIGHT + ROW_HEIGHT)

    def set_claims(self, claims: list[ClaimEntry], now: datetime) -> None:
        self.claims = claims[:MAX_ROWS]
        self.now = now
        self.setFixedHeight(AXIS_HEIGHT + ROW_HEIGHT * max(len(self.claims), 1))
        self.update()

    def _scale(self) -> timedelta:
        spans = [s for s in (payout_span(c, self.now) for c in self.claims) if s is not None]
        longest = max(spans, default=timedelta(0)) * 1.1
        return min(max(longest, SCALE_MIN), SCALE_MAX)

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        scale = self._scale()
        area = QRectF(LABEL_WIDTH, 0, max(self.width() - LABEL_WIDTH - VALUE_WIDTH, 1), self.height())

        def x(span: timedelta) -> float:
            return area.left() + area.width() * min(span / scale, 1.0)

        limit = x(PAYOUT_WITHIN)
        painter.setPen(QPen(QColor("#5f6368"), 1, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(limit, 0), QPointF(limit, self.height() - AXIS_HEIGHT))
        text = QCoreApplication.translate("ClaimsTimeline", "48 h limit")
        painter.drawText(QPointF(limit - painter.fontMetrics().horizontalAdvance(text) / 2,
                                 self.height() - 6), text)
        for row, claim in enumerate(self.claims):
            self._claim_row(painter, claim, ROW_HEIGHT * row + ROW_HEIGHT / 2, x, area.right(), scale)

    def _claim_row(self, painter: QPainter, claim: ClaimEntry, y: float, x, right: float,
                   scale: timedelta) -> None:
        painter.setPen(QColor("#222"))
        label = QRectF(4, y - ROW_HEIGHT / 2, LABEL_WIDTH - 8, ROW_HEIGHT)
        painter.drawText(label, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), claim.claim_no)
        span = payout_span(claim, self.now)
        if span is None:
            return
        unpaid = claim.paid_at is None
        colour = PENDING if unpaid else (LATE if claim.payout_late else ON_TIME)
        painter.setPen(QPen(colour, 6, Qt.PenStyle.DashLine if unpaid else Qt.PenStyle.SolidLine,
                            Qt.PenCapStyle.FlatCap))
        painter.drawLine(QPointF(x(timedelta(0)), y), QPointF(x(span), y))
        if span > scale:
            painter.drawText(QPointF(x(span) + 2, y + 5), "»")
        painter.setPen(colour)
        painter.drawText(QPointF(right + 14, y + 5), duration(span))
