"""Mainland China public holidays and make-up workdays, from `holidays.China`, per year.

Years the library has no data for (before 1950, after 2100, or a failure inside the
library) give empty tables, so callers fall back to plain weekends.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import holidays


@dataclass(frozen=True)
class HolidayYear:
    names: dict[date, str]  # English names, stable across the library's translations
    make_up_workdays: frozenset[date]  # weekend days worked in exchange for a holiday bridge


_EMPTY = HolidayYear(names={}, make_up_workdays=frozenset())


@lru_cache(maxsize=256)
def holiday_year(year: int) -> HolidayYear:
    try:
        table = holidays.China(years=year, language="en_US")
    except Exception:  # the calendar must keep working whatever the library does
        return _EMPTY
    # weekend_workdays also carries fixed entries of other years; keep this year's only.
    workdays = frozenset(d for d in table.weekend_workdays if d.year == year)
    return HolidayYear(names=dict(table.items()), make_up_workdays=workdays)


def holiday_name(day: date) -> str | None:
    return holiday_year(day.year).names.get(day)


def dates_named(year: int, name: str) -> list[date]:
    """Dates of `year` whose holiday name is exactly `name` (observed days excluded)."""
    return sorted(d for d, n in holiday_year(year).names.items() if n == name)
