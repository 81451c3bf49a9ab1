"""Follow-up visit cadence after a claim closes, and what one contact attempt decides.

Due dates count calendar days from the branch-local close date (same day, +7, +30).
A due date on a weekend or public holiday moves to the next working day, because
nobody is in the branch to call; the visit keeps its step and its deterministic id.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from .errors import DomainError, ValidationError
from .ids import visit_id
from .timeutil import as_utc, local_date
from .vocab import ATTEMPT_RESULTS, AttemptResult, VisitStatus, VisitStep, require_member
from .workcalendar import next_working_day, working_day_on_or_after

CADENCE_DAYS: dict[str, int] = {
    VisitStep.SAME_DAY: 0,
    VisitStep.DAY_7: 7,
    VisitStep.DAY_30: 30,
}
DEFAULT_MAX_ATTEMPTS = 3
LOW_SATISFACTION = (1, 2)


@dataclass(frozen=True)
class PlannedVisit:
    id: str
    claim_id: str
    customer_id: str
    step: str
    due_date: date
    manager_id: str | None
    status: str = VisitStatus.OPEN


def plan_visits(
    claim_id: str, customer_id: str, closed_at_utc: datetime, manager_id: str | None
) -> list[PlannedVisit]:
    closed_on = local_date(closed_at_utc)
    return [
        PlannedVisit(
            id=visit_id(claim_id, step),
            claim_id=claim_id,
            customer_id=customer_id,
            step=str(step),
            due_date=working_day_on_or_after(closed_on + timedelta(days=offset)),
            manager_id=manager_id,
        )
        for step, offset in CADENCE_DAYS.items()
    ]


@dataclass(frozen=True)
class VisitState:
    """What the rules need to know about a visit before an attempt."""

    id: str
    step: str
    status: str = VisitStatus.OPEN
    attempts: int = 0
    due_date: date | None = None


@dataclass(frozen=True)
class AttemptOutcome:
    """The visit after one attempt. `next_due_date` is set only when another try is due."""

    status: str
    attempts: int
    next_due_date: date | None = None
    satisfaction: int | None = None
    phone_invalid: bool = False
    completed_at_utc: datetime | None = None

    @property
    def retry(self) -> bool:
        return self.next_due_date is not None


def _check_satisfaction(result: str, satisfaction: int | None) -> None:
    if result == AttemptResult.REACHED:
        if isinstance(satisfaction, bool) or satisfaction not in range(1, 6):
            raise ValidationError("satisfaction", "satisfaction_range", value=satisfaction)
    elif satisfaction is not None:
        # A score with no conversation would pollute the satisfaction KPI.
        raise ValidationError("satisfaction", "satisfaction_not_allowed", result=result)


def _retry_date(result: str, attempted_on: date, call_back_on: date | None) -> date:
    if result == AttemptResult.CALL_BACK and call_back_on is not None:
        if call_back_on < attempted_on:
            raise ValidationError("call_back_on", "call_back_in_past")
        # The customer chose the day and the manager agreed to it: keep it as given.
        return call_back_on
    return next_working_day(attempted_on)


def after_attempt(
    visit: VisitState,
    result: str,
    attempted_at_utc: datetime,
    satisfaction: int | None = None,
    max_attempts: int = DEFAULT_MAX_ATTEMPTS,
    call_back_on: date | None = None,
) -> AttemptOutcome:
    """Decide the visit's status after one attempt.

    reached -> done with a 1-5 score; refused -> done, no score; wrong_number ->
    unreachable and the phone flagged invalid; no_answer / call_back -> open again on
    the next working day (call_back: the requested day if given) until `max_attempts`
    attempts were made, then unreachable.
    """
    require_member(result, ATTEMPT_RESULTS, "attempt_result")
    if visit.status != VisitStatus.OPEN:
        raise DomainError("visit_not_open", status=visit.status)
    _check_satisfaction(result, satisfaction)
    at = as_utc(attempted_at_utc, "attempted_at_utc")
    attempts = visit.attempts + 1
    if result == AttemptResult.REACHED:
        return AttemptOutcome(VisitStatus.DONE, attempts, satisfaction=satisfaction,
                              completed_at_utc=at)
    if result == AttemptResult.REFUSED:
        return AttemptOutcome(VisitStatus.DONE, attempts, completed_at_utc=at)
    if result == AttemptResult.WRONG_NUMBER:
        return AttemptOutcome(VisitStatus.UNREACHABLE, attempts, phone_invalid=True,
                              completed_at_utc=at)
    if attempts >= max_attempts:
        return AttemptOutcome(VisitStatus.UNREACHABLE, attempts, completed_at_utc=at)
    next_due = _retry_date(result, local_date(at), call_back_on)
    return AttemptOutcome(VisitStatus.OPEN, attempts, next_due_date=next_due)


def should_open_complaint(result: str, satisfaction: int | None, customer_complained: bool) -> bool:
    """A visit opens a complaint when the customer complained or scored 1-2."""
    if customer_complained:
        return True
    return result == AttemptResult.REACHED and satisfaction in LOW_SATISFACTION
