"""The targets of DESIGN section 2 as pure functions over plain rows.

Each `*_rate` / measure function takes rows the SQL layer has already filtered to one
period and scope (branch, manager); it returns None when there is nothing to measure
(no denominator), so "no data" never shows as 0 % or 100 %. Rates are fractions 0..1.
`evaluate` compares a measured value with its `KpiTarget`.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from statistics import fmean
from typing import Iterable

from .periods import period_bounds, same_period_last_year
from .timeutil import as_utc
from .vocab import Comparison, VisitStatus

__all__ = [
    "KpiTarget", "KpiResult", "KPI_TARGETS", "TARGETS_BY_KEY", "evaluate",
    "period_bounds", "same_period_last_year", "PAYOUT_WITHIN",
    "profile_completeness_rate", "field_validity_rate", "payout_on_time_rate",
    "visit_coverage", "coverage_from_counts", "rate_from_counts", "visit_satisfaction_rate", "care_coverage",
    "complaint_rate", "resolution_rate", "renewal_rate", "mean_response_hours", "satisfaction_score",
]

PAYOUT_WITHIN = timedelta(hours=48)
SATISFIED_SCORES = (4, 5)
COMPLETE_PROFILE = 1.0


@dataclass(frozen=True)
class KpiTarget:
    """`target` is a rate for at_least / at_most; for change_vs_last_year it is the
    wanted change: relative (-0.15 = 15 % lower) or, with `in_points`, absolute."""

    key: str
    label_key: str
    target: float
    comparison: str
    in_points: bool = False


@dataclass(frozen=True)
class KpiResult:
    """`target` is the value `actual` had to reach this period (for change targets,
    derived from last year's value); `on_target` is None when it cannot be judged."""

    key: str
    actual: float | None
    target: float | None
    baseline_last_year: float | None
    on_target: bool | None


def _target(key: str, target: float, comparison: str, in_points: bool = False) -> KpiTarget:
    return KpiTarget(key, f"kpi.{key}", target, comparison, in_points)


KPI_TARGETS: tuple[KpiTarget, ...] = (
    _target("profile_completeness", 0.80, Comparison.AT_LEAST),
    _target("field_validity", 0.98, Comparison.AT_LEAST),
    _target("payout_within_48h", 1.0, Comparison.AT_LEAST),
    _target("visit_coverage", 1.0, Comparison.AT_LEAST),
    _target("visit_satisfaction", 0.90, Comparison.AT_LEAST),
    _target("care_coverage", 0.80, Comparison.AT_LEAST),
    _target("complaint_rate", -0.15, Comparison.CHANGE_VS_LAST_YEAR),
    _target("resolution_rate", 0.20, Comparison.CHANGE_VS_LAST_YEAR),
    _target("renewal_rate", 0.10, Comparison.CHANGE_VS_LAST_YEAR),
    _target("response_time", -0.20, Comparison.CHANGE_VS_LAST_YEAR),
    _target("satisfaction_score", 5.0, Comparison.CHANGE_VS_LAST_YEAR, in_points=True),
)
TARGETS_BY_KEY: dict[str, KpiTarget] = {t.key: t for t in KPI_TARGETS}


def _share(hits: int, total: int) -> float | None:
    return hits / total if total else None


def _changed_goal(target: KpiTarget, baseline: float | None) -> float | None:
    if baseline is None:
        return None
    if target.in_points:
        return baseline + target.target
    return baseline * (1 + target.target)


def evaluate(key: str, actual: float | None, baseline_last_year: float | None = None) -> KpiResult:
    """Judge `actual` against the target of `key`.

    at_least: actual >= target; at_most: actual <= target; change_vs_last_year:
    goal = baseline * (1 + change) (or baseline + points), and a negative change means
    lower is better. Rounding noise below 1e-9 does not fail a target.
    """
    target = TARGETS_BY_KEY[key]
    if target.comparison == Comparison.CHANGE_VS_LAST_YEAR:
        goal = _changed_goal(target, baseline_last_year)
        lower_is_better = target.target < 0
    else:
        goal = target.target
        lower_is_better = target.comparison == Comparison.AT_MOST
    if actual is None or goal is None:
        on_target = None
    elif lower_is_better:
        on_target = actual <= goal + 1e-9
    else:
        on_target = actual >= goal - 1e-9
    return KpiResult(key, actual, goal, baseline_last_year, on_target)


def profile_completeness_rate(completeness: Iterable[float]) -> float | None:
    """Share of customers whose profile has every required field (see validation)."""
    values = list(completeness)
    return _share(sum(1 for v in values if v >= COMPLETE_PROFILE), len(values))


def field_validity_rate(counts: Iterable[tuple[int, int]]) -> float | None:
    """Sum of valid fields / sum of checked fields, over (valid, checked) per customer."""
    valid = checked = 0
    for valid_fields, checked_fields in counts:
        valid += valid_fields
        checked += checked_fields
    return _share(valid, checked)


def payout_on_time_rate(
    rows: Iterable[tuple[datetime, datetime | None]], as_of: datetime | None = None
) -> float | None:
    """Claims paid within 48 calendar hours of documents confirmed / claims measured.

    Rows are (documents_confirmed_at, paid_at). A paid claim is measured; an unpaid one
    is measured (as late) once 48 h have passed by `as_of`, else it is not yet due.
    """
    on_time = measured = 0
    for confirmed_at, paid_at in rows:
        confirmed = as_utc(confirmed_at, "documents_confirmed_at")
        if paid_at is not None:
            measured += 1
            on_time += as_utc(paid_at, "paid_at") - confirmed <= PAYOUT_WITHIN
        elif as_of is not None and as_utc(as_of, "as_of") - confirmed > PAYOUT_WITHIN:
            measured += 1
    return _share(on_time, measured)


def visit_coverage(closed_claim_ids: Iterable[str], visits: Iterable[tuple[str, str]]) -> float | None:
    """Closed claims with at least one visit done / closed claims.

    `visits` are (claim_id, visit status); `done` covers reached and refused (the
    customer was spoken to); unreachable visits do not count.
    """
    claims = set(closed_claim_ids)
    visited = {claim for claim, status in visits if status == VisitStatus.DONE}
    return _share(len(claims & visited), len(claims))


def coverage_from_counts(covered: int, total: int) -> float | None:
    """`visit_coverage` / `care_coverage` when SQL already counted the distinct covered
    members of the scope (a subset of the `total` members)."""
    return _share(covered, total)


def rate_from_counts(hits: int, total: int) -> float | None:
    """A share SQL already counted (`resolution_rate` as resolved / opened): None without
    a denominator."""
    return _share(hits, total)


def visit_satisfaction_rate(scores: Iterable[int | None]) -> float | None:
    """Visits scored 4 or 5 / visits with a score."""
    scored = [s for s in scores if s is not None]
    return _share(sum(1 for s in scored if s in SATISFIED_SCORES), len(scored))


def care_coverage(customer_ids: Iterable[str], cared_customer_ids: Iterable[str]) -> float | None:
    """Customers who received at least one care item (done) / customers in scope."""
    customers = set(customer_ids)
    return _share(len(customers & set(cared_customer_ids)), len(customers))


def complaint_rate(complaints_opened: int, claims_closed: int) -> float | None:
    """Complaints opened / claims closed in the period (complaints per closed claim)."""
    return _share(complaints_opened, claims_closed)


def resolution_rate(
    complaints: Iterable[tuple[datetime, datetime | None]], period_end: datetime
) -> float | None:
    """Complaints opened in the period that were resolved before `period_end` / opened.

    Rows are (opened_at, resolved_at).
    """
    end = as_utc(period_end, "period_end")
    rows = list(complaints)
    resolved = sum(1 for _opened, at in rows if at is not None and as_utc(at, "resolved_at") < end)
    return _share(resolved, len(rows))


def renewal_rate(renewed_flags: Iterable[bool]) -> float | None:
    """Policies of post-claim customers that came up for renewal in the period and were
    renewed / those that came up for renewal."""
    flags = list(renewed_flags)
    return _share(sum(1 for f in flags if f), len(flags))


def mean_response_hours(rows: Iterable[tuple[datetime, datetime | None]]) -> float | None:
    """Mean hours from complaint opened to first response, over responded complaints.

    Rows are (opened_at, first_response_at); unanswered ones show up in the SLA
    breaches instead of distorting the mean.
    """
    hours = [
        (as_utc(responded, "responded_at") - as_utc(opened, "opened_at")) / timedelta(hours=1)
        for opened, responded in rows
        if responded is not None
    ]
    return fmean(hours) if hours else None


def satisfaction_score(scores: Iterable[int | None]) -> float | None:
    """Mean visit score on a 100-point scale (score x 20), the basis of "+5 points"."""
    scored = [s for s in scores if s is not None]
    return fmean(scored) * 20 if scored else None
