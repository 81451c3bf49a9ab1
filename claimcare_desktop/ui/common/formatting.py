"""Values as people read them: branch-local times, money, durations, percentages."""
from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import QCoreApplication

from claimcare_desktop.domain.timeutil import from_naive_utc, to_local

CONTEXT = "Formatting"


def local_time(moment: datetime | None) -> str:
    """A stored (naive UTC) or aware moment as branch-local 'YYYY-MM-DD HH:MM'."""
    if moment is None:
        return ""
    aware = from_naive_utc(moment) if moment.tzinfo is None else moment
    return to_local(aware).strftime("%Y-%m-%d %H:%M")


def day(value: date | None) -> str:
    return value.isoformat() if value else ""


def money(fen: int | None) -> str:
    return "" if fen is None else f"¥{fen / 100:,.2f}"


def duration(span: timedelta) -> str:
    """'2 d 3 h', '5 h 20 min' or '12 min' (sign ignored)."""
    minutes = int(abs(span).total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days:
        return QCoreApplication.translate("Formatting", "%1 d %2 h").replace("%1", str(days)).replace("%2", str(hours))
    if hours:
        return QCoreApplication.translate("Formatting", "%1 h %2 min").replace("%1", str(hours)).replace("%2", str(mins))
    return QCoreApplication.translate("Formatting", "%1 min").replace("%1", str(mins))


def percent(value: float | None, decimals: int = 1) -> str:
    return "—" if value is None else f"{value * 100:.{decimals}f}%"

