from datetime import timedelta

import pytest
from hypothesis import given, strategies as st

from claimcare_desktop.domain.errors import DomainError
from claimcare_desktop.domain.sla import ComplaintEvent, complaint_clocks, validate_transition

from .timehelpers import local

H = timedelta(hours=1)
OPENED = local(2026, 3, 2, 9)  # Monday 09:00 local


def ev(kind, hours_after, reason=None):
    return ComplaintEvent(kind, OPENED + hours_after * H, reason)


def clocks(events, hours_now, complexity="simple", mode="calendar"):
    return complaint_clocks(events, complexity, OPENED, OPENED + hours_now * H, mode)


def test_validate_transition_is_reexported():
    assert validate_transition("open", "acknowledged", "manager") == "acknowledged"


def test_fresh_complaint_runs_all_clocks():
    result = clocks([ev("opened", 0)], 1)
    assert result.respond.deadline_utc == OPENED + 24 * H
    assert result.respond.remaining == 23 * H and result.respond.state == "on_track"
    assert result.solve.deadline_utc == OPENED + 48 * H
    assert result.statutory.deadline_utc == OPENED + timedelta(days=15)
    assert clocks([], 1, "complex").statutory.deadline_utc == OPENED + timedelta(days=30)


def test_due_soon_below_a_quarter_of_the_window():
    assert clocks([], 17.9).respond.state == "on_track"
    assert clocks([], 18.1).respond.state == "due_soon"


def test_breach_and_met_late():
    assert clocks([], 25).respond.state == "breached"
    assert clocks([], 25).respond.remaining == -H
    late = clocks([ev("acknowledged", 30)], 31).respond
    assert late.state == "breached" and late.deadline_utc == OPENED + 24 * H


def test_acknowledgement_meets_the_respond_clock():
    result = clocks([ev("acknowledged", 2)], 40)
    assert result.respond.state == "met" and result.respond.remaining == 22 * H
    assert result.solve.state == "due_soon"


def test_resolution_meets_solve_and_statutory():
    result = clocks([ev("acknowledged", 1), ev("resolved", 20)], 100)
    assert result.solve.state == "met" and result.solve.remaining == 28 * H
    assert result.statutory.state == "met"
    assert result.respond.state == "met"


def test_pause_stops_internal_clocks_but_not_statutory():
    events = [ev("acknowledged", 1), ev("paused", 10, "awaiting_customer")]
    result = clocks(events, 100)
    assert result.solve.state == "paused" and result.solve.remaining == 38 * H
    assert result.solve.deadline_utc == OPENED + 100 * H + 38 * H  # as if resumed now
    assert result.statutory.remaining == timedelta(days=15) - 100 * H
    resumed = clocks(events + [ev("resumed", 30)], 31)
    assert resumed.solve.deadline_utc == OPENED + 68 * H
    assert resumed.solve.state == "on_track"


def test_pause_without_reason_is_refused():
    with pytest.raises(DomainError) as caught:
        clocks([ev("acknowledged", 1), ev("paused", 2)], 3)
    assert caught.value.code == "pause_reason_required"


def test_reopen_restarts_solve_without_counting_resolved_time():
    events = [ev("acknowledged", 1), ev("resolved", 10), ev("reopened", 100)]
    result = clocks(events, 110)
    assert result.solve.state == "on_track"
    assert result.solve.remaining == 48 * H - 10 * H - 10 * H
    assert result.respond.state == "met"


def test_events_after_now_are_ignored_and_order_does_not_matter():
    events = [ev("resolved", 20), ev("acknowledged", 1)]
    assert clocks(events, 10).solve.state == "on_track"
    assert clocks(events, 30) == clocks(list(reversed(events)), 30)


def test_working_hours_mode():
    # Opened Friday 17:00 local: 1 working hour that day, then the weekend is free.
    opened = local(2026, 3, 6, 17)
    result = complaint_clocks([], "simple", opened, local(2026, 3, 9, 10), "working")
    assert result.respond.remaining == 22 * H
    assert result.respond.deadline_utc == local(2026, 3, 11, 14)  # 1 + 9 + 9 + 5 hours
    assert result.statutory.deadline_utc == opened + timedelta(days=15)


def test_unknown_mode_or_complexity():
    with pytest.raises(DomainError):
        clocks([], 1, mode="lunar")
    with pytest.raises(DomainError):
        clocks([], 1, complexity="medium")


pause_reasons = st.sampled_from(["awaiting_customer", "awaiting_documents"])


@given(
    ack=st.integers(0, 30), pause=st.integers(0, 200), length=st.integers(0, 100),
    resolve=st.one_of(st.none(), st.integers(0, 300)), now=st.integers(0, 400),
    mode=st.sampled_from(["calendar", "working"]), reason=pause_reasons,
)
def test_a_pause_never_shortens_a_deadline(ack, pause, length, resolve, now, mode, reason):
    base = [ev("acknowledged", ack)] + ([ev("resolved", resolve)] if resolve is not None else [])
    paused = base + [ev("paused", ack + pause, reason), ev("resumed", ack + pause + length)]
    without = clocks(base, now, mode=mode)
    with_pause = clocks(paused, now, mode=mode)
    for name in ("respond", "solve"):
        assert getattr(with_pause, name).deadline_utc >= getattr(without, name).deadline_utc
        assert getattr(with_pause, name).remaining >= getattr(without, name).remaining
    assert with_pause.statutory == without.statutory


@given(now=st.integers(0, 400), mode=st.sampled_from(["calendar", "working"]))
def test_remaining_only_shrinks_while_running(now, mode):
    earlier, later = clocks([], now, mode=mode), clocks([], now + 1, mode=mode)
    assert later.solve.remaining <= earlier.solve.remaining
    assert later.solve.deadline_utc == earlier.solve.deadline_utc
