"""UTC in and out of the domain; China Standard Time (fixed UTC+8) for local rules."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

from .errors import DomainError

CHINA_TZ = timezone(timedelta(hours=8))
UTC = timezone.utc


def as_utc(moment: datetime, name: str = "datetime") -> datetime:
    """The same instant in UTC; naive datetimes are refused (their zone is a guess)."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise DomainError("naive_datetime", name=name)
    return moment.astimezone(UTC)


def to_local(moment: datetime) -> datetime:
    return as_utc(moment).astimezone(CHINA_TZ)


def local_date(moment: datetime) -> date:
    """The branch's calendar date at `moment`."""
    return to_local(moment).date()


def local_start_of_day_utc(day: date) -> datetime:
    """Local midnight opening `day`, as a UTC datetime (for period bounds in queries)."""
    return datetime.combine(day, time(0), tzinfo=CHINA_TZ).astimezone(UTC)


def from_naive_utc(moment: datetime) -> datetime:
    """For storage layers that keep UTC as naive datetimes."""
    return moment.replace(tzinfo=UTC)


def to_naive_utc(moment: datetime) -> datetime:
    return as_utc(moment).replace(tzinfo=None)
