from datetime import date, datetime, timedelta, timezone

import pytest

from claimcare_desktop.domain.errors import DomainError
from claimcare_desktop.domain.timeutil import (
    CHINA_TZ, as_utc, from_naive_utc, local_date, local_start_of_day_utc, to_naive_utc,
)


def test_china_tz_is_fixed_utc_plus_8():
    assert CHINA_TZ.utcoffset(None) == timedelta(hours=8)


def test_local_date_crosses_midnight_at_16_utc():
    assert local_date(datetime(2026, 3, 1, 15, 59, tzinfo=timezone.utc)) == date(2026, 3, 1)
    assert local_date(datetime(2026, 3, 1, 16, 0, tzinfo=timezone.utc)) == date(2026, 3, 2)


def test_naive_datetimes_are_refused():
    with pytest.raises(DomainError) as caught:
        as_utc(datetime(2026, 1, 1), "closed_at")
    assert caught.value.code == "naive_datetime"


def test_aware_non_utc_is_normalised():
    moment = datetime(2026, 1, 1, 8, tzinfo=CHINA_TZ)
    assert as_utc(moment) == datetime(2026, 1, 1, 0, tzinfo=timezone.utc)
    assert as_utc(moment).tzinfo is timezone.utc


def test_local_start_of_day_and_naive_round_trip():
    assert local_start_of_day_utc(date(2026, 1, 2)) == datetime(2026, 1, 1, 16, tzinfo=timezone.utc)
    moment = datetime(2026, 5, 5, 5, 5, tzinfo=timezone.utc)
    assert from_naive_utc(to_naive_utc(moment)) == moment
