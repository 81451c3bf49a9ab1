"""Festival dates for greetings, read from the holiday table rather than typed in.

Lunar festivals move every year; `holidays.China` computes them, so the greeting
dates come from the names it gives the holidays. A festival that is not a public
holiday in a year (or a year beyond the library's data) is simply absent.
"""
from __future__ import annotations

from datetime import date

from .holiday_table import dates_named

# festival code -> the exact English name holidays.China gives its first day
FESTIVAL_HOLIDAY_NAMES: dict[str, str] = {
    "spring_festival": "Chinese New Year (Spring Festival)",
    "dragon_boat": "Dragon Boat Festival",
    "mid_autumn": "Mid-Autumn Festival",
    "national_day": "National Day",
}


def festival_dates(year: int) -> dict[str, date]:
    found: dict[str, date] = {}
    for code, name in FESTIVAL_HOLIDAY_NAMES.items():
        days = dates_named(year, name)
        if days:
            found[code] = days[0]
    return found
