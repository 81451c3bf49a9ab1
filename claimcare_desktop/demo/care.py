"""Care-plan items from `domain.careplan.plan_care`, with what became of the past ones.

Statuses: `planned` (to do; overdue if the date passed), `done`, `skipped` (the manager
decided not to, e.g. the customer asked not to be contacted). Items of the past year are
mostly done; those due today or later are planned.
"""
from __future__ import annotations

from datetime import timedelta

from claimcare_desktop.domain.careplan import CareCustomer, ClaimSummary, PolicySummary, plan_care

from claimcare_desktop.store.care_titles import care_title

from .context import ChunkContext, Weights, local_day

CARE_STATUSES = ("planned", "done", "skipped")
PAST_OUTCOMES = Weights({"done": 84, "skipped": 9, "planned": 7})
WINDOW_BEFORE_DAYS = 365
WINDOW_AFTER_DAYS = 60
GREETING_CHANNELS = Weights({"sms": 5, "wechat": 4, "phone": 1})


def _summaries(claims: list[dict], policies: list[dict]) -> tuple[list, list]:
    claim_summaries = [ClaimSummary(c["id"], c["claim_type"],
                                    local_day(c["closed_at"]) if c["closed_at"] else None,
                                    c["paid_fen"]) for c in claims]
    policy_summaries = [PolicySummary(p["id"], p["end_date"]) for p in policies]
    return claim_summaries, policy_summaries


def add_care_items(ctx: ChunkContext, customer: dict, claims: list[dict],
                   policies: list[dict]) -> list[dict]:
    today = ctx.clock.today
    who = CareCustomer(customer["id"], customer["birth_date"], customer["consent_marketing"],
                       customer["do_not_disturb"])
    claim_summaries, policy_summaries = _summaries(claims, policies)
    planned = plan_care(who, claim_summaries, policy_summaries,
                        today - timedelta(days=WINDOW_BEFORE_DAYS),
                        today + timedelta(days=WINDOW_AFTER_DAYS))
    return [_add_item(ctx, customer, item) for item in planned]


def _add_item(ctx: ChunkContext, customer: dict, item) -> dict:
    status = ctx.pick(PAST_OUTCOMES) if item.due_date < ctx.clock.today else "planned"
    row = ctx.add("care_items", {
        "id": item.id, "customer_id": customer["id"], "kind": item.kind,
        "due_date": item.due_date, "title": care_title(item.kind, item.key),
        "assignee_id": customer["manager_id"], "status": status, "done_at": None,
        "note": "客户表示近期不便联系" if status == "skipped" else None,
    })
    if status == "done":
        row["done_at"] = ctx.office_time(item.due_date)
        ctx.add("communications", {
            "id": ctx.new_id(), "customer_id": customer["id"], "user_id": customer["manager_id"],
            "at": row["done_at"], "channel": ctx.pick(GREETING_CHANNELS), "direction": "out",
            "summary": row["title"],
        })
    return row
