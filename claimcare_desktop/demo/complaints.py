"""Complaints with event histories that the complaint state machine accepts.

A complaint's final state is chosen from its age (young ones are still being worked,
old ones are closed); the history is then laid out in order, with response and
solution times that mostly meet the 24 h / 48 h targets and sometimes breach them.
If the history would run past `now`, it is squeezed proportionally into the time since
the complaint opened, which keeps its order.
"""
from __future__ import annotations

from datetime import datetime, timedelta

from .context import ChunkContext, Weights, local_day

STATES_BY_AGE = (  # (younger than hours, {state: weight})
    (24, Weights({"open": 40, "acknowledged": 40, "escalated": 10, "paused": 5, "resolved": 5})),
    (72, Weights({"open": 5, "acknowledged": 35, "paused": 15, "escalated": 15, "resolved": 30})),
    (24 * 15, Weights({"acknowledged": 8, "paused": 6, "escalated": 6, "resolved": 40,
                       "closed": 40})),
    (None, Weights({"resolved": 6, "closed": 94})),
)
# (this year, the year before): acknowledged after more than 24 h, solved after 48 h
RESPOND_LATE_SHARES = (0.08, 0.18)
SOLVE_LATE_SHARES = (0.12, 0.18)
PAUSE_REASONS = ("awaiting_customer", "awaiting_third_party", "awaiting_documents",
                 "customer_request")
ROOT_CAUSES = ("process", "staff", "system", "third_party", "customer_expectation")
RESOLUTIONS = ("已向客户解释赔付依据，客户表示理解", "已协调加快赔款支付", "补发资料清单并协助提交",
               "客户经理上门致歉并说明情况", "核实后补付差额")
SUMMARIES = {
    "payout_delay": "赔款迟迟未到账", "payout_amount": "对赔付金额有异议",
    "service_attitude": "对客户经理服务态度不满", "process": "理赔流程繁琐",
    "communication": "多次联系未得到回复", "documents": "资料要求反复补充", "other": "其他问题",
}
_RESOLVED = ("resolved", "closed")
VISIT_CATEGORIES = Weights({"service_attitude": 3, "payout_amount": 3, "payout_delay": 2,
                            "communication": 2, "process": 2, "other": 1})
OTHER_CLAIM_CATEGORIES = Weights({"documents": 3, "process": 3, "communication": 2,
                                  "service_attitude": 1, "other": 1})


def _target_state(ctx: ChunkContext, opened_at: datetime) -> str:
    age_hours = (ctx.clock.now - opened_at).total_seconds() / 3600
    for younger_than, weights in STATES_BY_AGE:
        if younger_than is None or age_hours < younger_than:
            return ctx.pick(weights)
    raise AssertionError("unreachable")


def _hours(ctx: ChunkContext, low: float, high: float) -> timedelta:
    return timedelta(hours=ctx.rng.uniform(low, high))


def _mostly_on_time(ctx: ChunkContext, on_time: tuple[float, float], late: tuple[float, float],
                    late_share: float) -> timedelta:
    return _hours(ctx, *(late if ctx.chance(late_share) else on_time))


def _plan_events(ctx: ChunkContext, target: str, earlier: bool) -> list[tuple[str, timedelta]]:
    """(kind, time since opening) in an order the state machine accepts."""
    steps = [("opened", timedelta(0))]
    if target == "open":
        return steps
    at = _mostly_on_time(ctx, (0.3, 20), (25, 60), RESPOND_LATE_SHARES[earlier])
    steps.append(("acknowledged", at))
    if ctx.chance(0.3):
        at += _hours(ctx, 1, 12)
        steps.append(("note", at))
    if target == "escalated" or (target in _RESOLVED and ctx.chance(0.08)):
        at += _hours(ctx, 1, 20)
        steps.append(("escalated", at))
    if target == "paused" or (target in _RESOLVED and ctx.chance(0.12)):
        at += _hours(ctx, 1, 10)
        steps.append(("paused", at))
        if target == "paused":
            return steps
        at += _hours(ctx, 12, 72)
        steps.append(("resumed", at))
    if target in _RESOLVED:
        at += _mostly_on_time(ctx, (3, 30), (40, 160), SOLVE_LATE_SHARES[earlier])
        steps.append(("resolved", at))
    if target == "closed":
        at += _hours(ctx, 12, 24 * 7)
        steps.append(("closed", at))
    return steps


def _squeeze(steps: list[tuple[str, timedelta]], room: timedelta) -> list[tuple[str, timedelta]]:
    last = steps[-1][1]
    if last <= room or last == timedelta(0):
        return steps
    factor = room / last * 0.95
    return [(kind, offset * factor) for kind, offset in steps]


def _event(ctx: ChunkContext, complaint: dict, kind: str, at: datetime, user_id: str) -> dict:
    return ctx.add("complaint_events", {
        "id": ctx.new_id(), "complaint_id": complaint["id"], "user_id": user_id, "at": at,
        "kind": kind, "reason": ctx.rng.choice(PAUSE_REASONS) if kind == "paused" else None,
        "note": {"note": "已电话联系客户了解情况", "escalated": "升级至主管处理"}.get(kind),
        "new_owner_id": None,
    })


def _apply(ctx: ChunkContext, complaint: dict, kind: str, at: datetime) -> None:
    if kind == "acknowledged":
        complaint["acknowledged_at"] = at
    elif kind == "escalated":
        complaint["escalation_level"] += 1
    elif kind == "resolved":
        complaint.update(resolved_at=at, resolution=ctx.rng.choice(RESOLUTIONS),
                         root_cause=ctx.rng.choice(ROOT_CAUSES))
    elif kind == "closed":
        complaint["closed_at"] = at


def _maybe_reassign(ctx: ChunkContext, complaint: dict, at: datetime) -> None:
    others = [m for m in ctx.staff.manager_ids if m != complaint["owner_id"]]
    if not others or complaint["state"] in _RESOLVED or not ctx.chance(0.06):
        return
    new_owner = ctx.rng.choice(others)
    event = _event(ctx, complaint, "reassigned", at, ctx.staff.supervisor_id)
    event["new_owner_id"] = new_owner
    complaint["owner_id"] = new_owner


def add_complaint(ctx: ChunkContext, customer: dict, opened_at: datetime, category: str,
                  claim_id: str | None = None, visit_id: str | None = None,
                  target: str | None = None) -> dict:
    target = target or _target_state(ctx, opened_at)
    complaint = ctx.add("complaints", {
        "id": ctx.new_id(), "customer_id": customer["id"], "claim_id": claim_id,
        "visit_id": visit_id, "owner_id": customer["manager_id"], "category": category,
        "complexity": "complex" if ctx.chance(0.2) else "simple", "state": target,
        "summary": SUMMARIES[category], "opened_at": opened_at, "acknowledged_at": None,
        "resolved_at": None, "closed_at": None, "escalation_level": 0, "resolution": None,
        "root_cause": None,
    })
    earlier = ctx.earlier_year(local_day(opened_at))
    steps = _squeeze(_plan_events(ctx, target, earlier), ctx.clock.now - opened_at)
    for kind, offset in steps:
        _event(ctx, complaint, kind, opened_at + offset, complaint["owner_id"])
        _apply(ctx, complaint, kind, opened_at + offset)
    last = opened_at + steps[-1][1]
    _maybe_reassign(ctx, complaint, last + (ctx.clock.now - last) / 2)
    return complaint


def add_visit_complaint(ctx: ChunkContext, customer: dict, claim: dict, visit: dict,
                        at: datetime) -> dict:
    category = ctx.pick(VISIT_CATEGORIES)
    return add_complaint(ctx, customer, at + timedelta(minutes=5), category, claim["id"], visit["id"])


def _claim_category(ctx: ChunkContext, claim: dict) -> str | None:
    """Claims that went badly draw more complaints; the year before drew a few more."""
    late = claim["paid_at"] and claim["paid_at"] - claim["documents_confirmed_at"] > timedelta(hours=48)
    factor = 1.35 if ctx.earlier_year(local_day(claim["closed_at"])) else 1.0
    if late and ctx.chance(0.35 * factor):
        return "payout_delay"
    if claim["status"] in ("partial", "rejected") and ctx.chance(0.3 * factor):
        return "payout_amount"
    if ctx.chance(0.03 * factor):
        return ctx.pick(OTHER_CLAIM_CATEGORIES)
    return None


def add_claim_complaint(ctx: ChunkContext, customer: dict, claim: dict) -> dict | None:
    category = _claim_category(ctx, claim)
    if category is None:
        return None
    opened = claim["closed_at"] + timedelta(hours=ctx.rng.uniform(2, 24 * 10))
    if opened >= ctx.clock.now:
        return None
    return add_complaint(ctx, customer, opened, category, claim["id"])
