"""Claims on a policy: amounts by product, and the reported -> confirmed -> paid timeline.

Most payouts follow document confirmation within 48 hours; about 8% take longer.
Status: `open` (still in process), `paid`, `partial` (paid less than claimed),
`rejected`, or `closed` (withdrawn by the customer, nothing paid). Every claim that is
not open has `closed_at`.
"""
from __future__ import annotations

import math
from datetime import date, datetime, timedelta

from .context import ChunkContext, Weights
from .policies import HISTORY_DAYS
from .products import PRODUCTS

LATE_PAYOUT_SHARE = 0.08
MISSING_PAPERS_SHARE = 0.1
OUTCOMES = Weights({"paid": 82, "partial": 9, "rejected": 6, "closed": 3})
SUBMISSION_CHANNELS = Weights({"app": 40, "online": 15, "phone": 15, "counter": 15,
                               "agent": 15})


def claimed_fen(ctx: ChunkContext, product: str) -> int:
    low, typical, high = PRODUCTS[product].claim_yuan
    yuan = typical * math.exp(ctx.rng.gauss(0, 0.8))
    return int(min(max(yuan, low), high)) * 100


def _claim_count(ctx: ChunkContext, product: str, days: int) -> int:
    expected = PRODUCTS[product].claims_per_year * days / 365
    whole = int(expected)
    return whole + (1 if ctx.chance(expected - whole) else 0)


def _hours(ctx: ChunkContext, low: float, high: float) -> timedelta:
    return timedelta(hours=ctx.rng.uniform(low, high))


def _documents_wait(ctx: ChunkContext) -> timedelta:
    """Usually two days; one claim in ten waits weeks for missing papers."""
    if ctx.chance(MISSING_PAPERS_SHARE):
        return _hours(ctx, 24 * 5, 24 * 45)
    return timedelta(hours=ctx.rng.lognormvariate(math.log(40), 0.7))


def _payout_delay(ctx: ChunkContext) -> timedelta:
    if ctx.chance(LATE_PAYOUT_SHARE):
        return _hours(ctx, 49, 240)
    return _hours(ctx, 1, 47)


def _settle(ctx: ChunkContext, claim: dict, outcome: str) -> None:
    """Fill confirmation, payment and closing for an outcome, as far as `now` allows."""
    now = ctx.clock.now
    confirmed = claim["reported_at"] + _documents_wait(ctx)
    if outcome == "closed":
        withdrawn = claim["reported_at"] + _hours(ctx, 24, 400)
        if withdrawn <= now:
            claim.update(status="closed", closed_at=withdrawn)
        return
    if confirmed > now:
        return
    claim["documents_confirmed_at"] = confirmed
    if outcome == "rejected":
        decided = confirmed + _hours(ctx, 24, 120)
        if decided <= now:
            claim.update(status="rejected", closed_at=decided)
        return
    paid_at = confirmed + _payout_delay(ctx)
    if paid_at > now:
        return
    share = ctx.rng.uniform(0.9, 1.0) if outcome == "paid" else ctx.rng.uniform(0.3, 0.8)
    claim.update(status=outcome, paid_at=paid_at, closed_at=paid_at,
                 paid_fen=int(claim["claimed_fen"] * share) // 100 * 100)


def claim_row(ctx: ChunkContext, policy: dict, reported_at: datetime) -> dict:
    """A claim just reported (status open), added to the chunk."""
    product = policy["product_type"]
    return ctx.add("claims", {
        "id": ctx.new_id(),
        "customer_id": policy["customer_id"],
        "policy_id": policy["id"],
        "claim_no": ctx.serial("C" + PRODUCTS[product].letter),
        "claim_type": product,
        "status": "open",
        "submission_channel": ctx.pick(SUBMISSION_CHANNELS),
        "reported_at": reported_at,
        "documents_confirmed_at": None,
        "paid_at": None,
        "closed_at": None,
        "claimed_fen": claimed_fen(ctx, product),
        "paid_fen": 0,
    })


def add_claim(ctx: ChunkContext, policy: dict, reported_at: datetime) -> dict:
    claim = claim_row(ctx, policy, reported_at)
    _settle(ctx, claim, ctx.pick(OUTCOMES))
    return claim


def _claim_window(ctx: ChunkContext, policy: dict) -> tuple[date, date]:
    today = ctx.clock.today
    return (max(policy["start_date"], today - timedelta(days=HISTORY_DAYS)),
            min(policy["end_date"], today))


def add_claims(ctx: ChunkContext, policy: dict) -> list[dict]:
    first, last = _claim_window(ctx, policy)
    days = (last - first).days
    if days <= 0:
        return []
    claims = []
    for _ in range(_claim_count(ctx, policy["product_type"], days)):
        day = first + timedelta(days=ctx.rng.randrange(days))
        reported = ctx.office_time(day)
        claims.append(add_claim(ctx, policy, min(reported, ctx.clock.now)))
    return sorted(claims, key=lambda c: c["reported_at"])
