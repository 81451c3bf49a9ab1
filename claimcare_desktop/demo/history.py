"""One customer's whole story: policies, claims, visits, complaints, care, communications."""
from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from claimcare_desktop.domain.careplan import needs_dedicated_advisor

from .care import add_care_items
from .claims import add_claims
from .complaints import add_claim_complaint, add_complaint
from .context import ChunkContext, Weights
from .customers import add_customer
from .policies import add_policies
from .visits import add_visits

WALK_IN_COMPLAINT_SHARE = 0.01
WALK_IN_CATEGORIES = Weights({"communication": 2, "process": 2, "other": 1})
LARGE_PAYOUT_TAG = "大额理赔"


def add_paid_notice(ctx: ChunkContext, customer: dict, claim: dict) -> None:
    ctx.add("communications", {
        "id": ctx.new_id(), "customer_id": customer["id"], "user_id": None,
        "at": claim["paid_at"] + timedelta(minutes=ctx.rng.randint(1, 30)), "channel": "sms",
        "direction": "out",
        "summary": f"赔款 {claim['paid_fen'] / 100:,.2f} 元已支付（{claim['claim_no']}）",
    })


def follow_up_claim(ctx: ChunkContext, customer: dict, claim: dict,
                    scripts: dict[str, list[str]] | None = None) -> None:
    """What a closed claim brings: the payout notice, cadence visits, maybe a complaint."""
    if claim["closed_at"] is None:
        return
    if claim["paid_at"] is not None:
        add_paid_notice(ctx, customer, claim)
    add_visits(ctx, claim, customer, scripts)
    add_claim_complaint(ctx, customer, claim)


def assign_advisor(ctx: ChunkContext, customer: dict, claims: list[dict]) -> None:
    """Customers paid a large total get a dedicated advisor besides their manager."""
    if not needs_dedicated_advisor(sum(c["paid_fen"] for c in claims)):
        return
    others = [m for m in ctx.staff.manager_ids if m != customer["manager_id"]]
    customer["advisor_id"] = others[0] if others else ctx.staff.supervisor_id
    customer["tags"] = [*customer["tags"], LARGE_PAYOUT_TAG]


def _walk_in_complaint(ctx: ChunkContext, customer: dict) -> None:
    if ctx.chance(WALK_IN_COMPLAINT_SHARE):
        opened = ctx.clock.now - timedelta(hours=ctx.rng.uniform(1, 24 * 20))
        add_complaint(ctx, customer, opened, ctx.pick(WALK_IN_CATEGORIES))


Story = Callable[[ChunkContext, dict, list[dict], list[dict]], None]


def add_customer_history(ctx: ChunkContext, manager_id: str, extra: Story | None = None) -> dict:
    """`extra(ctx, customer, policies, claims)` adds scripted events before care is planned."""
    customer = add_customer(ctx, manager_id)
    policies = add_policies(ctx, customer)
    claims = [claim for policy in policies for claim in add_claims(ctx, policy)]
    for claim in claims:
        follow_up_claim(ctx, customer, claim)
    if extra is not None:
        extra(ctx, customer, policies, claims)
    assign_advisor(ctx, customer, claims)
    _walk_in_complaint(ctx, customer)
    add_care_items(ctx, customer, claims, policies)
    return customer
