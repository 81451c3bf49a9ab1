"""Small builders of datetimes for the domain tests."""
from datetime import datetime, timedelta, timezone

from hypothesis import strategies as st

from claimcare_desktop.domain.timeutil import CHINA_TZ

UTC = timezone.utc


def local(year, month, day, hour=0, minute=0):
    """A branch-local wall-clock time, returned as UTC (what the domain takes)."""
    return datetime(year, month, day, hour, minute, tzinfo=CHINA_TZ).astimezone(UTC)


def utc_moments(start_year=2024, end_year=2027):
    """Aware UTC datetimes to the minute, within years the holiday table knows."""
    return st.datetimes(
        min_value=datetime(start_year, 1, 1), max_value=datetime(end_year, 12, 31),
        timezones=st.just(UTC),
    ).map(lambda d: d.replace(second=0, microsecond=0))


def durations(max_hours=200):
    return st.integers(min_value=0, max_value=max_hours * 60).map(lambda m: timedelta(minutes=m))
