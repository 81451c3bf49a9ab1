"""How a complaint clock reads at a moment: text and colour, from its precomputed deadline."""
from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from claimcare_desktop.domain.vocab import ClockState
from claimcare_desktop.store.complaint_queries import LiveClock

from ..common.formatting import duration, local_time

CONTEXT = "ComplaintClocks"
COLOURS = {
    ClockState.ON_TRACK: QColor("#e3f4e1"),
    ClockState.DUE_SOON: QColor("#fff1cc"),
    ClockState.BREACHED: QColor("#fde2e1"),
    ClockState.MET: QColor("#eeeeee"),
    ClockState.PAUSED: QColor("#e3e8f4"),
}



def clock_reading(clock: LiveClock, now: datetime) -> tuple[str, str, QColor]:
    """(state, text, colour) of `clock` at `now`."""
    state, remaining = clock.at(now)
    if state == ClockState.BREACHED:
        text = QCoreApplication.translate("ComplaintClocks", "%1 over").replace("%1", duration(remaining))
    elif state == ClockState.MET:
        text = QCoreApplication.translate("ComplaintClocks", "Met")
    elif state == ClockState.PAUSED:
        text = QCoreApplication.translate("ComplaintClocks", "Paused · %1 left").replace("%1", duration(remaining))
    else:
        text = QCoreApplication.translate("ComplaintClocks", "%1 left").replace("%1", duration(remaining))
    return state, text, COLOURS[state]


def deadline_tip(clock: LiveClock) -> str:
    return QCoreApplication.translate("ComplaintClocks", "Deadline %1").replace("%1", local_time(clock.deadline_utc))
