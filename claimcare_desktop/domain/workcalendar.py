"""Branch working days and working hours (local time, 09:00-18:00 by default).

A working day is a weekday that is not a public holiday, or a weekend day that the
State Council made a make-up workday. Durations are exact `timedelta`s; the `*_hours`
functions are float conveniences over them.
"""
from __future__ import annotations

from datetime import date, datetime, time, timedelta

from .errors import DomainError
from .holiday_table import holiday_year
from .timeutil import CHINA_TZ, UTC, as_utc

DAY_START_HOUR = 9
DAY_END_HOUR = 18
_ONE_DAY = timedelta(days=1)
_ZERO = timedelta(0)


def is_working_day(day: date) -> bool:
    table = holiday_year(day.year)
    if day in table.make_up_workdays:
        return True
    return day.weekday() < 5 and day not in table.names


def working_day_on_or_after(day: date) -> date:
    while not is_working_day(day):
        day += _ONE_DAY
    return day


def next_working_day(day: date) -> date:
    """The first working day strictly after `day`."""
    return working_day_on_or_after(day + _ONE_DAY)


def previous_working_day(day: date) -> date:
    """The last working day strictly before `day`."""
    day -= _ONE_DAY
    while not is_working_day(day):
        day -= _ONE_DAY
    return day


def _check_hours(day_start: int, day_end: int) -> None:
    if not 0 <= day_start < day_end <= 24:
        raise DomainError("invalid_working_hours")


def _shift_bounds(day: date, day_start: int, day_end: int) -> tuple[datetime, datetime]:
    midnight = datetime.combine(day, time(0), tzinfo=CHINA_TZ)
    return midnight + timedelta(hours=day_start), midnight + timedelta(hours=day_end)


def add_working_time(
    start: datetime, amount: timedelta, day_start: int = DAY_START_HOUR, day_end: int = DAY_END_HOUR
) -> datetime:
    """The UTC moment when `amount` of working time has passed after `start`.

    Adding nothing returns `start` unchanged, even outside working hours; an amount that
    exactly fills a day ends at that day's closing time, not the next morning.
    """
    _check_hours(day_start, day_end)
    if amount < _ZERO:
        raise DomainError("negative_duration")
    cursor = as_utc(start, "start").astimezone(CHINA_TZ)
    if amount == _ZERO:
        return cursor.astimezone(UTC)
    day = cursor.date()
    remaining = amount
    while True:
        if is_working_day(day):
            opens, closes = _shift_bounds(day, day_start, day_end)
            begin = max(cursor, opens)
            if begin < closes:
                available = closes - begin
                if remaining <= available:
                    return (begin + remaining).astimezone(UTC)
                remaining -= available
        day += _ONE_DAY
        cursor = datetime.combine(day, time(0), tzinfo=CHINA_TZ)


def working_time_between(
    a: datetime, b: datetime, day_start: int = DAY_START_HOUR, day_end: int = DAY_END_HOUR
) -> timedelta:
    """Working time from `a` to `b`; negative when `b` is before `a`."""
    _check_hours(day_start, day_end)
    a_local = as_utc(a, "a").astimezone(CHINA_TZ)
    b_local = as_utc(b, "b").astimezone(CHINA_TZ)
    if b_local < a_local:
        return -working_time_between(b, a, day_start, day_end)
    total = _ZERO
    day = a_local.date()
    while day <= b_local.date():
        if is_working_day(day):
            opens, closes = _shift_bounds(day, day_start, day_end)
            overlap = min(closes, b_local) - max(opens, a_local)
            if overlap > _ZERO:
                total += overlap
        day += _ONE_DAY
    return total


def add_working_hours(
    start_utc: datetime, hours: float, day_start: int = DAY_START_HOUR, day_end: int = DAY_END_HOUR
) -> datetime:
    return add_working_time(start_utc, timedelta(hours=hours), day_start, day_end)


def working_hours_between(
    a_utc: datetime, b_utc: datetime, day_start: int = DAY_START_HOUR, day_end: int = DAY_END_HOUR
) -> float:
    return working_time_between(a_utc, b_utc, day_start, day_end) / timedelta(hours=1)


def add_calendar_hours(start_utc: datetime, hours: float) -> datetime:
    return as_utc(start_utc, "start") + timedelta(hours=hours)


def calendar_hours_between(a_utc: datetime, b_utc: datetime) -> float:
    return (as_utc(b_utc, "b") - as_utc(a_utc, "a")) / timedelta(hours=1)
