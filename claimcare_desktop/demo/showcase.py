"""Scripted stories for the first customers of every branch, so that even 50 customers
show every state: complaints in each state, visits due today / overdue / upcoming /
unreachable / cancelled, every claim outcome and a large payout with its advisor."""
from __future__ import annotations

from datetime import datetime, timedelta

from .claims import claim_row
from .complaints import add_complaint
from .context import ChunkContext, local_moment
from .history import follow_up_claim
from .policies import add_policy_line

COMPLAINT_AGES_HOURS = {"open": 1, "acknowledged": 10, "paused": 40, "escalated": 50,
                        "resolved": 24 * 5, "closed": 24 * 20}
BREACHED_OPEN_AGE_HOURS = 30


def _active_policy(ctx: ChunkContext, customer: dict, policies: list[dict]) -> dict:
    active = [p for p in policies if p["status"] == "active"]
    if active:
        return active[0]
    line = add_policy_line(ctx, customer, "life")
    policies.extend(line)
    return line[-1]


def _closed_claim(ctx: ChunkContext, policy: dict, closed_at: datetime, outcome: str) -> dict:
    """A claim that ended at `closed_at` with `outcome`, reported three days earlier."""
    claim = claim_row(ctx, policy, closed_at - timedelta(days=3))
    claim.update(status=outcome, closed_at=closed_at)
    if outcome == "closed":
        return claim
    claim["documents_confirmed_at"] = closed_at - timedelta(hours=20)
    if outcome in ("paid", "partial"):
        share = 1.0 if outcome == "paid" else 0.5
        claim.update(paid_at=closed_at, paid_fen=int(claim["claimed_fen"] * share) // 100 * 100)
    return claim


def _story(days_ago: int, outcome: str, complaint_state: str | None,
           scripts: dict[str, list[str]] | None = None, product: str | None = None, **customer_fields):
    def extra(ctx: ChunkContext, customer: dict, policies: list[dict], claims: list[dict]) -> None:
        customer.update(customer_fields)
        policy = (add_policy_line(ctx, customer, product)[-1] if product
                  else _active_policy(ctx, customer, policies))
        closed_at = local_moment(ctx.clock.today - timedelta(days=days_ago), 9, 15)
        claim = _closed_claim(ctx, policy, closed_at, outcome)
        if product == "life":
            claim.update(claimed_fen=300_000_00, paid_fen=300_000_00)
        claims.append(claim)
        follow_up_claim(ctx, customer, claim, scripts)
        if complaint_state is not None:
            hours = COMPLAINT_AGES_HOURS[complaint_state]
            add_complaint(ctx, customer, ctx.clock.now - timedelta(hours=hours), "communication",
                          claim["id"], target=complaint_state)
    return extra


def open_claim_and_breached_complaint(ctx: ChunkContext, customer: dict, policies: list[dict],
                                      claims: list[dict]) -> None:
    """A claim still waiting for documents, and a complaint nobody answered for 30 hours."""
    claim = claim_row(ctx, _active_policy(ctx, customer, policies),
                      ctx.clock.now - timedelta(days=2))
    claims.append(claim)
    opened = ctx.clock.now - timedelta(hours=BREACHED_OPEN_AGE_HOURS)
    add_complaint(ctx, customer, opened, "payout_delay", claim["id"], target="open")


STORIES = (
    _story(0, "paid", "open"),
    open_claim_and_breached_complaint,
    _story(1, "partial", "acknowledged", scripts={"same_day": []}, do_not_disturb=True),
    _story(5, "rejected", "paused", consent_marketing=False),
    _story(7, "paid", "escalated"),
    _story(9, "closed", "resolved"),
    _story(30, "paid", "closed", product="life"),
    _story(50, "paid", None, scripts={"same_day": ["no_answer"] * 3, "day_7": ["wrong_number"],
                                      "day_30": ["cancel"]}),
    _story(60, "paid", None, scripts={"same_day": ["no_answer", "reached"],
                                      "day_7": ["call_back", "reached"], "day_30": ["refused"]}),
)


