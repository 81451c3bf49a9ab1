from datetime import date

import pytest
from hypothesis import given, strategies as st

from claimcare_desktop.domain.cadence import (
    AttemptOutcome, VisitState, after_attempt, plan_visits, should_open_complaint,
)
from claimcare_desktop.domain.errors import DomainError, ValidationError
from claimcare_desktop.domain.ids import visit_id
from claimcare_desktop.domain.workcalendar import is_working_day

from .timehelpers import local, utc_moments


def _due_dates(closed_at):
    return {v.step: v.due_date for v in plan_visits("c1", "cust1", closed_at, "m1")}


def test_plan_on_a_plain_wednesday():
    visits = plan_visits("c1", "cust1", local(2026, 3, 4, 11), "m1")
    assert [(v.step, v.due_date) for v in visits] == [
        ("same_day", date(2026, 3, 4)), ("day_7", date(2026, 3, 11)), ("day_30", date(2026, 4, 3)),
    ]
    assert all(v.status == "open" and v.manager_id == "m1" and v.customer_id == "cust1" for v in visits)
    assert [v.id for v in visits] == [visit_id("c1", s) for s in ("same_day", "day_7", "day_30")]


def test_close_date_is_the_local_date():
    # 23:30 local on 4 March is still 4 March in Beijing, though already UTC 15:30.
    assert _due_dates(local(2026, 3, 4, 23, 30))["same_day"] == date(2026, 3, 4)


def test_due_dates_on_holidays_move_to_the_next_working_day():
    due = _due_dates(local(2026, 2, 10, 10))  # +7 is 17 Feb, Spring Festival
    assert due["day_7"] == date(2026, 2, 24)
    due = _due_dates(local(2026, 3, 7, 10))  # a Saturday close
    assert due["same_day"] == date(2026, 3, 9)


def _open(attempts=0):
    return VisitState(id="v1", step="day_7", attempts=attempts)


def test_reached_needs_a_score_and_completes():
    outcome = after_attempt(_open(), "reached", local(2026, 3, 4, 10), 4)
    assert outcome == AttemptOutcome("done", 1, satisfaction=4, completed_at_utc=local(2026, 3, 4, 10))
    assert not outcome.retry
    for bad in (None, 0, 6, True, 4.5):
        with pytest.raises(ValidationError) as caught:
            after_attempt(_open(), "reached", local(2026, 3, 4, 10), bad)
        assert caught.value.code == "satisfaction_range"


def test_score_refused_without_a_conversation():
    with pytest.raises(ValidationError) as caught:
        after_attempt(_open(), "no_answer", local(2026, 3, 4, 10), 3)
    assert caught.value.code == "satisfaction_not_allowed"


def test_refused_is_done_without_score():
    outcome = after_attempt(_open(), "refused", local(2026, 3, 4, 10))
    assert (outcome.status, outcome.satisfaction, outcome.attempts) == ("done", None, 1)


def test_wrong_number_flags_the_phone():
    outcome = after_attempt(_open(), "wrong_number", local(2026, 3, 4, 10))
    assert outcome.status == "unreachable" and outcome.phone_invalid


def test_no_answer_retries_next_working_day_then_gives_up():
    first = after_attempt(_open(), "no_answer", local(2026, 2, 13, 17))
    assert first.status == "open" and first.next_due_date == date(2026, 2, 14)  # make-up Saturday
    assert first.completed_at_utc is None
    last = after_attempt(_open(attempts=2), "no_answer", local(2026, 3, 4, 10))
    assert (last.status, last.attempts, last.next_due_date) == ("unreachable", 3, None)


def test_call_back_honours_the_requested_day():
    outcome = after_attempt(_open(), "call_back", local(2026, 3, 4, 10), call_back_on=date(2026, 3, 7))
    assert outcome.next_due_date == date(2026, 3, 7)
    plain = after_attempt(_open(), "call_back", local(2026, 3, 6, 10))
    assert plain.next_due_date == date(2026, 3, 9)
    with pytest.raises(ValidationError):
        after_attempt(_open(), "call_back", local(2026, 3, 4, 10), call_back_on=date(2026, 3, 3))


def test_max_attempts_is_configurable():
    assert after_attempt(_open(), "no_answer", local(2026, 3, 4, 10), max_attempts=1).status == "unreachable"


def test_closed_visits_and_unknown_results_are_refused():
    with pytest.raises(DomainError) as caught:
        after_attempt(VisitState("v1", "day_7", status="done"), "reached", local(2026, 3, 4), 5)
    assert caught.value.code == "visit_not_open"
    with pytest.raises(DomainError):
        after_attempt(_open(), "busy", local(2026, 3, 4))


@pytest.mark.parametrize("result, score, complained, expected", [
    ("reached", 1, False, True), ("reached", 2, False, True), ("reached", 3, False, False),
    ("reached", 5, True, True), ("refused", None, False, False), ("refused", None, True, True),
])
def test_should_open_complaint(result, score, complained, expected):
    assert should_open_complaint(result, score, complained) is expected


@given(st.text(min_size=1, max_size=20), utc_moments())
def test_plans_are_deterministic_ordered_and_on_working_days(claim_id, closed_at):
    first = plan_visits(claim_id, "cust", closed_at, None)
    assert first == plan_visits(claim_id, "cust", closed_at, None)
    assert len({v.id for v in first}) == 3
    dues = [v.due_date for v in first]
    assert dues == sorted(dues) and all(is_working_day(d) for d in dues)


@given(st.integers(0, 10), st.sampled_from(["no_answer", "call_back"]), utc_moments())
def test_retries_end_at_max_attempts(previous, result, at):
    outcome = after_attempt(_open(previous), result, at)
    assert outcome.attempts == previous + 1
    assert (outcome.status == "unreachable") == (outcome.attempts >= 3)
    assert outcome.retry == (outcome.status == "open")
