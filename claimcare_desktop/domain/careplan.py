"""Personal care plan of one customer over a window of dates [start, end).

Items: birthday greeting, greetings for four festivals, health reminders 30 and 90
days after a health claim closed, and a renewal reminder 30 days before a policy ends.

Consent and do-not-disturb:
- no marketing consent -> no birthday or festival greetings (those are marketing);
  health and renewal reminders are service and still planned;
- do_not_disturb -> only renewal reminders: letting a policy lapse unannounced hurts
  the customer more than one service call disturbs them.

Festival greetings fall on public holidays when the branch is closed, so they are due
on the last working day before the festival. Birthdays keep their date (the message
can be scheduled); 29 February birthdays are greeted on 28 February in common years.
Ids are deterministic (ids.care_item_id), so re-planning never duplicates an item.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Iterable

from .festivals import festival_dates
from .ids import care_item_id
from .vocab import CareItemKind, ClaimType
from .workcalendar import previous_working_day

HEALTH_REMINDER_DAYS = (30, 90)
RENEWAL_REMINDER_DAYS_BEFORE = 30
DEDICATED_ADVISOR_FROM_FEN = 100_000_00  # 100,000 yuan paid in total
_MARKETING_KINDS = frozenset({CareItemKind.BIRTHDAY, CareItemKind.FESTIVAL})


@dataclass(frozen=True)
class CareCustomer:
    customer_id: str
    birth_date: date | None = None
    consent_marketing: bool = True
    do_not_disturb: bool = False


@dataclass(frozen=True)
class ClaimSummary:
    claim_id: str
    claim_type: str
    closed_on: date | None  # branch-local date
    paid_fen: int = 0


@dataclass(frozen=True)
class PolicySummary:
    policy_id: str
    end_date: date


@dataclass(frozen=True)
class PlannedCareItem:
    id: str
    customer_id: str
    kind: str
    due_date: date
    key: str  # what the item is about: festival code, "claim:day", policy id
    params: dict[str, object]


def needs_dedicated_advisor(total_paid_fen: int, threshold_fen: int = DEDICATED_ADVISOR_FROM_FEN) -> bool:
    return total_paid_fen >= threshold_fen


def _birthday_in(year: int, birth: date) -> date:
    if birth.month == 2 and birth.day == 29:
        try:
            return date(year, 2, 29)
        except ValueError:
            return date(year, 2, 28)
    return birth.replace(year=year)


@dataclass(frozen=True)
class _Candidate:
    kind: str
    due_date: date
    key: str
    params: dict[str, object]


def _birthdays(customer: CareCustomer, years: range) -> Iterable[_Candidate]:
    if customer.birth_date is None:
        return
    for year in years:
        if year <= customer.birth_date.year:
            continue
        due = _birthday_in(year, customer.birth_date)
        yield _Candidate(CareItemKind.BIRTHDAY, due, "", {"age": year - customer.birth_date.year})


@lru_cache(maxsize=64)
def _festival_candidates(year: int) -> tuple[_Candidate, ...]:
    return tuple(
        _Candidate(CareItemKind.FESTIVAL, previous_working_day(day), code,
                   {"festival": code, "festival_date": day})
        for code, day in festival_dates(year).items()
    )


def _festivals(years: range) -> Iterable[_Candidate]:
    for year in years:
        yield from _festival_candidates(year)


def _health_reminders(claims: Iterable[ClaimSummary]) -> Iterable[_Candidate]:
    for claim in claims:
        if claim.claim_type != ClaimType.HEALTH or claim.closed_on is None:
            continue
        for days in HEALTH_REMINDER_DAYS:
            due = claim.closed_on + timedelta(days=days)
            yield _Candidate(CareItemKind.HEALTH_REMINDER, due, f"{claim.claim_id}:{days}",
                             {"claim_id": claim.claim_id, "days_after": days})


def _renewal_reminders(policies: Iterable[PolicySummary]) -> Iterable[_Candidate]:
    for policy in policies:
        due = policy.end_date - timedelta(days=RENEWAL_REMINDER_DAYS_BEFORE)
        yield _Candidate(CareItemKind.RENEWAL_REMINDER, due, policy.policy_id,
                         {"policy_id": policy.policy_id, "end_date": policy.end_date})


def _allowed(customer: CareCustomer, kind: str) -> bool:
    if customer.do_not_disturb:
        return kind == CareItemKind.RENEWAL_REMINDER
    return customer.consent_marketing or kind not in _MARKETING_KINDS


def plan_care(
    customer: CareCustomer,
    claims: Iterable[ClaimSummary],
    policies: Iterable[PolicySummary],
    start: date,
    end: date,
) -> list[PlannedCareItem]:
    """Care items due in [start, end), ordered by due date then kind then key."""
    # One year either side: a festival early in January is greeted in late December.
    years = range(start.year - 1, end.year + 2)
    candidates = (
        *_birthdays(customer, years),
        *_festivals(years),
        *_health_reminders(claims),
        *_renewal_reminders(policies),
    )
    # ids (uuid5) are the costly part, so they are made only for items that are kept
    chosen: dict[str, PlannedCareItem] = {}
    for c in candidates:
        if start <= c.due_date < end and _allowed(customer, c.kind):
            item_id = care_item_id(customer.customer_id, c.kind, c.due_date, c.key)
            chosen[item_id] = PlannedCareItem(item_id, customer.customer_id, str(c.kind),
                                              c.due_date, c.key, dict(c.params))
    return sorted(chosen.values(), key=lambda i: (i.due_date, i.kind, i.key))


def plan_care_for_year(
    customer: CareCustomer,
    claims: Iterable[ClaimSummary],
    policies: Iterable[PolicySummary],
    year: int,
) -> list[PlannedCareItem]:
    return plan_care(customer, claims, policies, date(year, 1, 1), date(year + 1, 1, 1))
