from datetime import date, timedelta

import pytest
from hypothesis import given, strategies as st

from claimcare_desktop.domain import kpi
from claimcare_desktop.domain.kpi import KPI_TARGETS, evaluate, period_bounds, same_period_last_year

from .timehelpers import local

H = timedelta(hours=1)


@pytest.mark.parametrize("kind, anchor, expected", [
    ("month", date(2026, 2, 14), (date(2026, 2, 1), date(2026, 3, 1))),
    ("month", date(2026, 12, 31), (date(2026, 12, 1), date(2027, 1, 1))),
    ("quarter", date(2026, 5, 20), (date(2026, 4, 1), date(2026, 7, 1))),
    ("quarter", date(2026, 11, 1), (date(2026, 10, 1), date(2027, 1, 1))),
    ("year", date(2026, 7, 7), (date(2026, 1, 1), date(2027, 1, 1))),
])
def test_period_bounds(kind, anchor, expected):
    assert period_bounds(kind, anchor) == expected


def test_same_period_last_year_handles_leap_day():
    assert same_period_last_year(date(2024, 2, 1), date(2024, 3, 1)) == (date(2023, 2, 1), date(2023, 3, 1))
    assert same_period_last_year(date(2024, 2, 29), date(2024, 3, 1)) == (date(2023, 2, 28), date(2023, 3, 1))


@given(st.sampled_from(["month", "quarter", "year"]), st.dates(date(1990, 1, 1), date(2090, 12, 31)))
def test_periods_contain_their_anchor_and_tile(kind, anchor):
    start, end = period_bounds(kind, anchor)
    assert start <= anchor < end
    assert period_bounds(kind, end)[0] == end


def test_every_design_target_is_in_the_table():
    keys = {t.key for t in KPI_TARGETS}
    assert keys == {
        "profile_completeness", "field_validity", "payout_within_48h", "visit_coverage",
        "visit_satisfaction", "care_coverage", "complaint_rate", "resolution_rate",
        "renewal_rate", "response_time", "satisfaction_score",
    }
    assert all(t.label_key == f"kpi.{t.key}" for t in KPI_TARGETS)


def test_at_least_targets():
    assert evaluate("visit_satisfaction", 0.9).on_target is True
    assert evaluate("visit_satisfaction", 0.89) == kpi.KpiResult("visit_satisfaction", 0.89, 0.9, None, False)
    assert evaluate("profile_completeness", None).on_target is None


def test_change_targets_derive_this_periods_goal_from_last_year():
    lower = evaluate("complaint_rate", 0.085, baseline_last_year=0.10)
    assert lower.target == pytest.approx(0.085) and lower.on_target is True
    assert evaluate("complaint_rate", 0.09, 0.10).on_target is False
    assert evaluate("resolution_rate", 0.84, 0.70).on_target is True
    assert evaluate("response_time", 10.0, 10.0).on_target is False
    points = evaluate("satisfaction_score", 85.0, 80.0)
    assert points.target == 85.0 and points.on_target is True
    assert evaluate("renewal_rate", 0.5, None).on_target is None


def test_profile_and_field_rates():
    assert kpi.profile_completeness_rate([1.0, 1.0, 0.5, 0.9]) == 0.5
    assert kpi.profile_completeness_rate([]) is None
    assert kpi.field_validity_rate([(3, 4), (4, 4)]) == 7 / 8
    assert kpi.field_validity_rate([(0, 0)]) is None


def test_payout_on_time():
    confirmed = local(2026, 3, 2, 9)
    rows = [(confirmed, confirmed + 47 * H), (confirmed, confirmed + 49 * H), (confirmed, None)]
    assert kpi.payout_on_time_rate(rows) == 0.5
    assert kpi.payout_on_time_rate(rows, as_of=confirmed + 30 * H) == 0.5
    assert kpi.payout_on_time_rate(rows, as_of=confirmed + 50 * H) == pytest.approx(1 / 3)


def test_visit_coverage_and_satisfaction():
    visits = [("a", "done"), ("a", "open"), ("b", "unreachable"), ("x", "done")]
    assert kpi.visit_coverage(["a", "b"], visits) == 0.5
    assert kpi.visit_coverage([], visits) is None
    assert kpi.coverage_from_counts(1, 2) == kpi.visit_coverage(["a", "b"], visits)
    assert kpi.coverage_from_counts(0, 0) is None
    assert kpi.visit_satisfaction_rate([5, 4, 3, None, 1]) == 0.5
    assert kpi.satisfaction_score([5, 4, None]) == 90.0
    assert kpi.satisfaction_score([None]) is None


def test_care_complaint_resolution_renewal_response():
    assert kpi.care_coverage(["a", "b", "c", "d", "e"], ["a", "b", "c", "d", "z"]) == 0.8
    assert kpi.complaint_rate(3, 100) == 0.03
    assert kpi.complaint_rate(3, 0) is None
    opened = local(2026, 3, 2, 9)
    end = local(2026, 4, 1)
    rows = [(opened, opened + H), (opened, None), (opened, end + H)]
    assert kpi.resolution_rate(rows, end) == pytest.approx(1 / 3)
    assert kpi.renewal_rate([True, False, True, True]) == 0.75
    assert kpi.mean_response_hours([(opened, opened + 2 * H), (opened, opened + 4 * H), (opened, None)]) == 3.0
    assert kpi.mean_response_hours([]) is None


@given(st.lists(st.one_of(st.none(), st.integers(1, 5))))
def test_satisfaction_rate_is_a_share(scores):
    rate = kpi.visit_satisfaction_rate(scores)
    assert rate is None or 0.0 <= rate <= 1.0
