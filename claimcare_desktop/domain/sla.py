"""Complaint clocks: respond within 24 h, solve within 48 h, statutory answer in 15 / 30 days.

How a clock runs:
- It starts when the complaint is opened and stops at the first event that meets it:
  respond -> acknowledged / resolved / closed; solve and statutory -> resolved / closed.
  Reopening restarts solve and statutory (time spent resolved does not count); the
  respond clock is met once and for all.
- While paused (with a reason) the internal 24 h / 48 h clocks stand still, so a pause
  pushes their deadlines later and never earlier. The statutory deadline ignores
  pauses and always counts calendar days.
- `mode="working"` counts the internal clocks in branch working hours (workcalendar);
  `mode="calendar"` in plain hours.

States, checked in this order: breached (more time used than the window, even if met
late or paused afterwards), met, paused, due_soon (less than DUE_SOON_SHARE of the
window left: 6 h of 24, 12 h of 48, 3.75 days of 15), on_track.
`remaining` is signed: negative says by how much a breached clock is over.
For a paused clock, `deadline_utc` is projected as if work resumed at `now`.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Callable, Iterable

from .complaint_flow import ComplaintEvent, check_pause_reason, validate_transition
from .timeutil import as_utc
from .vocab import (
    CLOCK_MODES,
    COMPLAINT_COMPLEXITIES,
    ClockMode,
    ClockState,
    ComplaintComplexity,
    ComplaintEventKind as K,
    require_member,
)
from .workcalendar import add_working_time, working_time_between

__all__ = [
    "Clock", "ComplaintClocks", "ComplaintEvent", "complaint_clocks", "validate_transition",
    "RESPOND_WITHIN", "SOLVE_WITHIN", "STATUTORY_WITHIN", "DUE_SOON_SHARE",
]

RESPOND_WITHIN = timedelta(hours=24)
SOLVE_WITHIN = timedelta(hours=48)
STATUTORY_WITHIN = {
    ComplaintComplexity.SIMPLE: timedelta(days=15),
    ComplaintComplexity.COMPLEX: timedelta(days=30),
}
DUE_SOON_SHARE = 0.25

_RESPONSE_KINDS = frozenset({K.ACKNOWLEDGED, K.RESOLVED, K.CLOSED})
_SOLUTION_KINDS = frozenset({K.RESOLVED, K.CLOSED})


@dataclass(frozen=True)
class Clock:
    deadline_utc: datetime
    state: str
    remaining: timedelta


@dataclass(frozen=True)
class ComplaintClocks:
    respond: Clock
    solve: Clock
    statutory: Clock


@dataclass(frozen=True)
class _Ruler:
    """How time is measured: span between two moments, and moving a moment forward."""

    span: Callable[[datetime, datetime], timedelta]
    advance: Callable[[datetime, timedelta], datetime]


_CALENDAR = _Ruler(span=lambda a, b: b - a, advance=lambda a, d: a + d)
_WORKING = _Ruler(span=working_time_between, advance=add_working_time)


@dataclass(frozen=True)
class _ClockRules:
    window: timedelta
    stops: frozenset[str]
    restarts: frozenset[str]
    pausable: bool


class _ClockRun:
    """Folds a complaint history into the time one clock has used."""

    def __init__(self, rules: _ClockRules, ruler: _Ruler, opened_at: datetime) -> None:
        self.rules = rules
        self.ruler = ruler
        self.used = timedelta(0)
        self.running_since: datetime | None = opened_at
        self.used_before_run = timedelta(0)
        self.last_run_start = opened_at
        self.stopped = False
        self.paused = False
        self.reached_at: datetime | None = None

    def _halt(self, at: datetime) -> None:
        start = self.running_since
        if start is None:
            return
        span = max(self.ruler.span(start, at), timedelta(0))
        if self.reached_at is None and self.used + span >= self.rules.window:
            self.reached_at = self.ruler.advance(start, self.rules.window - self.used)
        self.used_before_run, self.last_run_start = self.used, start
        self.used += span
        self.running_since = None

    def _run(self, at: datetime) -> None:
        self.running_since = at

    def apply(self, event: ComplaintEvent, at: datetime) -> None:
        kind = event.kind
        if kind in self.rules.stops and not self.stopped:
            self._halt(at)
            self.stopped, self.paused = True, False
        elif kind in self.rules.restarts and self.stopped:
            self.stopped = False
            self._run(at)
        elif not self.rules.pausable or self.stopped:
            return
        elif kind == K.PAUSED and not self.paused:
            self._halt(at)
            self.paused = True
        elif kind == K.RESUMED and self.paused:
            self.paused = False
            self._run(at)

    def clock(self, now: datetime) -> Clock:
        if self.running_since is not None:
            self._halt(now)  # measure the run so far; the clock is read once
        remaining = self.rules.window - self.used
        return Clock(self._deadline(now, remaining), self._state(remaining), remaining)

    def _deadline(self, now: datetime, remaining: timedelta) -> datetime:
        if self.reached_at is not None:
            return self.reached_at
        if self.paused:
            return self.ruler.advance(now, remaining)
        return self.ruler.advance(self.last_run_start, self.rules.window - self.used_before_run)

    def _state(self, remaining: timedelta) -> str:
        if remaining < timedelta(0):
            return ClockState.BREACHED
        if self.stopped:
            return ClockState.MET
        if self.paused:
            return ClockState.PAUSED
        if remaining < self.rules.window * DUE_SOON_SHARE:
            return ClockState.DUE_SOON
        return ClockState.ON_TRACK


def _measure(
    rules: _ClockRules, ruler: _Ruler, opened_at: datetime, events: list[ComplaintEvent],
    now: datetime,
) -> Clock:
    run = _ClockRun(rules, ruler, opened_at)
    for event in events:
        run.apply(event, max(as_utc(event.at_utc, "event.at_utc"), opened_at))
    return run.clock(now)


def _history_until(events: Iterable[ComplaintEvent], now: datetime) -> list[ComplaintEvent]:
    """Events up to `now`, in time order (a merged history may arrive shuffled)."""
    ordered = sorted(events, key=lambda e: as_utc(e.at_utc, "event.at_utc"))
    for event in ordered:
        if event.kind == K.PAUSED:
            check_pause_reason(event.reason)
    return [e for e in ordered if as_utc(e.at_utc) <= now]


def complaint_clocks(
    events: Iterable[ComplaintEvent],
    complexity: str,
    opened_at_utc: datetime,
    now_utc: datetime,
    mode: str = ClockMode.CALENDAR,
) -> ComplaintClocks:
    require_member(complexity, COMPLAINT_COMPLEXITIES, "complaint_complexity")
    require_member(mode, CLOCK_MODES, "clock_mode")
    opened_at = as_utc(opened_at_utc, "opened_at_utc")
    now = max(as_utc(now_utc, "now_utc"), opened_at)
    history = _history_until(events, now)
    internal = _WORKING if mode == ClockMode.WORKING else _CALENDAR
    none: frozenset[str] = frozenset()
    reopen = frozenset({K.REOPENED})
    respond = _ClockRules(RESPOND_WITHIN, _RESPONSE_KINDS, none, pausable=True)
    solve = _ClockRules(SOLVE_WITHIN, _SOLUTION_KINDS, reopen, pausable=True)
    statutory = _ClockRules(STATUTORY_WITHIN[complexity], _SOLUTION_KINDS, reopen, pausable=False)
    return ComplaintClocks(
        respond=_measure(respond, internal, opened_at, history, now),
        solve=_measure(solve, internal, opened_at, history, now),
        statutory=_measure(statutory, _CALENDAR, opened_at, history, now),
    )
