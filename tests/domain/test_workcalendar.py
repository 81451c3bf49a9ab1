from datetime import date, timedelta

import pytest
from hypothesis import given

from claimcare_desktop.domain.errors import DomainError
from claimcare_desktop.domain.holiday_table import holiday_year
from claimcare_desktop.domain.workcalendar import (
    add_calendar_hours, add_working_hours, add_working_time, calendar_hours_between,
    is_working_day, next_working_day, previous_working_day, working_day_on_or_after,
    working_hours_between, working_time_between,
)

from .timehelpers import durations, local, utc_moments


def test_make_up_saturday_is_a_working_day():
    assert is_working_day(date(2026, 2, 14))


def test_spring_festival_tuesday_is_not():
    assert not is_working_day(date(2026, 2, 17))


def test_plain_weekdays_and_weekends():
    assert is_working_day(date(2026, 3, 4))
    assert not is_working_day(date(2026, 3, 7))


def test_years_beyond_the_holiday_data_fall_back_to_weekends():
    assert holiday_year(2150).names == {}
    assert is_working_day(date(2150, 1, 1))  # a Thursday, no holiday data
    assert not is_working_day(date(2150, 1, 3))  # Saturday


def test_make_up_workdays_of_other_years_do_not_leak_in():
    assert all(d.year == 2026 for d in holiday_year(2026).make_up_workdays)


def test_next_and_previous_working_day_skip_the_spring_festival():
    assert next_working_day(date(2026, 2, 14)) == date(2026, 2, 24)
    assert previous_working_day(date(2026, 2, 24)) == date(2026, 2, 14)
    assert working_day_on_or_after(date(2026, 2, 14)) == date(2026, 2, 14)


def test_adding_hours_spans_the_holiday():
    # Friday 16:00: 2 h left that day, 9 h on make-up Saturday, then back on 24 Feb.
    start = local(2026, 2, 13, 16)
    assert add_working_hours(start, 24) == local(2026, 2, 25, 13)


def test_time_outside_hours_starts_at_next_opening():
    assert add_working_hours(local(2026, 3, 4, 20), 1) == local(2026, 3, 5, 10)
    assert add_working_hours(local(2026, 3, 4, 7), 1) == local(2026, 3, 4, 10)


def test_filling_a_day_exactly_ends_at_closing_time():
    assert add_working_hours(local(2026, 3, 4, 9), 9) == local(2026, 3, 4, 18)


def test_adding_zero_is_identity_even_off_hours():
    saturday_night = local(2026, 3, 7, 23)
    assert add_working_hours(saturday_night, 0) == saturday_night


def test_between_counts_only_working_hours_and_is_signed():
    assert working_hours_between(local(2026, 3, 6, 17), local(2026, 3, 9, 10)) == 2
    assert working_hours_between(local(2026, 3, 9, 10), local(2026, 3, 6, 17)) == -2


def test_custom_branch_hours():
    assert add_working_hours(local(2026, 3, 4, 8), 2, day_start=8, day_end=20) == local(2026, 3, 4, 10)
    with pytest.raises(DomainError):
        add_working_hours(local(2026, 3, 4, 8), 2, day_start=18, day_end=9)


def test_negative_amount_refused():
    with pytest.raises(DomainError):
        add_working_time(local(2026, 3, 4, 9), timedelta(hours=-1))


def test_calendar_hours():
    start = local(2026, 3, 4, 9)
    assert add_calendar_hours(start, 30) == local(2026, 3, 5, 15)
    assert calendar_hours_between(start, local(2026, 3, 5, 15)) == 30


@given(utc_moments(), durations())
def test_working_time_between_inverts_addition(start, amount):
    assert working_time_between(start, add_working_time(start, amount)) == amount


@given(utc_moments(), durations(), durations())
def test_addition_is_monotone_in_amount(start, a, b):
    low, high = sorted((a, b))
    assert add_working_time(start, low) <= add_working_time(start, high)


@given(utc_moments(), utc_moments(), durations())
def test_addition_is_monotone_in_start(a, b, amount):
    early, late = sorted((a, b))
    assert add_working_time(early, amount) <= add_working_time(late, amount)


@given(utc_moments(), durations(100), durations(100))
def test_addition_composes(start, a, b):
    assert add_working_time(add_working_time(start, a), b) == add_working_time(start, a + b)
    assert working_time_between(start, add_working_time(add_working_time(start, a), b)) == a + b


@given(utc_moments())
def test_next_working_day_is_working_and_nothing_in_between(moment):
    day = moment.date()
    following = next_working_day(day)
    assert following > day and is_working_day(following)
    gap = (following - day).days
    assert all(not is_working_day(day + timedelta(days=i)) for i in range(1, gap))
