"""Period presets of the export form, as (first day, last day) both included."""
from __future__ import annotations

from datetime import date, timedelta

from claimcare_desktop.domain.periods import one_year_earlier, period_bounds

PRESETS = ("this_month", "last_month", "this_quarter", "last_quarter", "this_year", "last_year")


def _last_day(bounds: tuple[date, date]) -> tuple[date, date]:
    return bounds[0], bounds[1] - timedelta(days=1)


def preset_days(preset: str, today: date) -> tuple[date, date]:
    kind = preset.split("_", 1)[1]
    this_start, _ = period_bounds(kind, today)
    if preset.startswith("this_"):
        return _last_day(period_bounds(kind, today))
    if kind == "year":
        return _last_day(period_bounds(kind, one_year_earlier(today)))
    return _last_day(period_bounds(kind, this_start - timedelta(days=1)))
