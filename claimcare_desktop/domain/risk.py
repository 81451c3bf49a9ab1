"""Explainable churn / renewal risk: a sum of weighted, named reasons.

RISK_WEIGHTS is the one table of weights. A reason counted per item (complaints,
visits, claims) adds its weight per item up to its cap. The score is the sum, capped
at 100; level: high >= 50, medium >= 25, else low.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .vocab import RiskLevel

RENEWAL_HORIZON_DAYS = 60
HIGH_FROM = 50
MEDIUM_FROM = 25
MAX_SCORE = 100


@dataclass(frozen=True)
class RiskWeight:
    per_item: int
    cap: int


RISK_WEIGHTS: dict[str, RiskWeight] = {
    "low_satisfaction": RiskWeight(25, 25),  # last visit score 1-2
    "lukewarm_satisfaction": RiskWeight(10, 10),  # last visit score 3
    "open_complaint": RiskWeight(15, 30),
    "breached_complaint": RiskWeight(20, 40),
    "late_payout": RiskWeight(10, 20),  # paid later than 48 h after documents confirmed
    "unreachable_visit": RiskWeight(10, 20),
    "renewal_due": RiskWeight(15, 15),  # a policy ends within RENEWAL_HORIZON_DAYS
    "rejected_claim": RiskWeight(20, 20),
    "partial_claim": RiskWeight(10, 20),
}


@dataclass(frozen=True)
class RiskFacts:
    last_satisfaction: int | None = None
    open_complaints: int = 0
    breached_complaints: int = 0
    late_payouts: int = 0
    unreachable_visits: int = 0
    next_renewal: date | None = None  # earliest end date of the customer's active policies
    rejected_claims: int = 0
    partial_claims: int = 0


@dataclass(frozen=True)
class RiskReason:
    code: str
    weight: int
    detail_params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class RiskScore:
    score: int
    level: str
    reasons: list[RiskReason]


def _counted(code: str, count: int) -> RiskReason | None:
    if count <= 0:
        return None
    rule = RISK_WEIGHTS[code]
    return RiskReason(code, min(rule.per_item * count, rule.cap), {"count": count})


def _satisfaction_reason(score: int | None) -> RiskReason | None:
    if score is None or score > 3:
        return None
    code = "lukewarm_satisfaction" if score == 3 else "low_satisfaction"
    return RiskReason(code, RISK_WEIGHTS[code].per_item, {"score": score})


def _renewal_reason(next_renewal: date | None, today: date) -> RiskReason | None:
    if next_renewal is None:
        return None
    days = (next_renewal - today).days
    if not 0 <= days <= RENEWAL_HORIZON_DAYS:
        return None
    return RiskReason("renewal_due", RISK_WEIGHTS["renewal_due"].per_item, {"days": days})


def _level(score: int) -> str:
    if score >= HIGH_FROM:
        return RiskLevel.HIGH
    if score >= MEDIUM_FROM:
        return RiskLevel.MEDIUM
    return RiskLevel.LOW


def score_risk(facts: RiskFacts, today: date) -> RiskScore:
    candidates = [
        _satisfaction_reason(facts.last_satisfaction),
        _counted("open_complaint", facts.open_complaints),
        _counted("breached_complaint", facts.breached_complaints),
        _counted("late_payout", facts.late_payouts),
        _counted("unreachable_visit", facts.unreachable_visits),
        _renewal_reason(facts.next_renewal, today),
        _counted("rejected_claim", facts.rejected_claims),
        _counted("partial_claim", facts.partial_claims),
    ]
    reasons = sorted((r for r in candidates if r), key=lambda r: (-r.weight, r.code))
    score = min(sum(r.weight for r in reasons), MAX_SCORE)
    return RiskScore(score, _level(score), reasons)
