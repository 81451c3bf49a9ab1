"""Reporting periods as half-open date ranges [start, end)."""
from __future__ import annotations

from datetime import date

from .vocab import require_member

PERIOD_KINDS = ("month", "quarter", "year")


def _first_of_next_month(year: int, month: int) -> date:
    return date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)


def period_bounds(kind: str, anchor: date) -> tuple[date, date]:
    """The month, quarter or year containing `anchor`, as [start, end)."""
    require_member(kind, PERIOD_KINDS, "period_kind")
    if kind == "month":
        return date(anchor.year, anchor.month, 1), _first_of_next_month(anchor.year, anchor.month)
    if kind == "quarter":
        first_month = (anchor.month - 1) // 3 * 3 + 1
        return date(anchor.year, first_month, 1), _first_of_next_month(anchor.year, first_month + 2)
    return date(anchor.year, 1, 1), date(anchor.year + 1, 1, 1)


def one_year_earlier(day: date) -> date:
    """Same day last year; 29 February becomes 28 February."""
    if day.month == 2 and day.day == 29:
        return date(day.year - 1, 2, 28)
    return day.replace(year=day.year - 1)


def same_period_last_year(start: date, end: date) -> tuple[date, date]:
    return one_year_earlier(start), one_year_earlier(end)
