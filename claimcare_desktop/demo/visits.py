"""Cadence visits of a closed claim and the contact attempts made on them.

The visits are the ones `domain.cadence.plan_visits` plans (same ids, same due dates);
each attempt goes through `domain.cadence.after_attempt`, so statuses, retries and
unreachable visits follow the real rules. Visits due today or later stay open; a share
of recent overdue ones are left open too, as they would be on a busy branch.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta

from claimcare_desktop.domain.cadence import (
    AttemptOutcome,
    VisitState,
    after_attempt,
    plan_visits,
    should_open_complaint,
)

from .complaints import add_visit_complaint
from .context import ChunkContext, Weights

RESULTS = Weights({"reached": 74, "no_answer": 18, "call_back": 3, "refused": 3,
                   "wrong_number": 2})
SCORES_THIS_YEAR = Weights({"5": 56, "4": 30, "3": 8, "2": 4, "1": 2})
SCORES_LAST_YEAR = Weights({"5": 44, "4": 32, "3": 14, "2": 6, "1": 4})
FEEDBACK = {
    5: ("理赔很快，非常满意", "服务周到，感谢客户经理", "到账及时，流程简单"),
    4: ("总体满意", "速度还可以", "客户经理态度好"),
    3: ("一般，资料要求有点多", "等待时间偏长", "还行"),
    2: ("赔付金额不太满意", "打了好几次电话才有人处理"),
    1: ("非常不满意，要投诉", "赔款拖了很久"),
}
CANCEL_SHARE = 0.01
RECENT_OVERDUE_OPEN_SHARE = 0.3
OLD_OVERDUE_OPEN_SHARE = 0.01


def _score(ctx: ChunkContext, day: date) -> int:
    return int(ctx.pick(SCORES_LAST_YEAR if ctx.earlier_year(day) else SCORES_THIS_YEAR))


def _channel(ctx: ChunkContext, customer: dict) -> str:
    preferred = customer["preferred_channel"]
    if preferred and preferred != "in_person" and ctx.chance(0.6):
        return preferred
    return "in_person" if ctx.chance(0.03) else "phone"


def _finish(ctx: ChunkContext, visit: dict, outcome: AttemptOutcome, channel: str) -> None:
    visit.update(status=str(outcome.status), channel=channel, satisfaction=outcome.satisfaction,
                 completed_at=outcome.completed_at_utc.replace(tzinfo=None))
    if outcome.satisfaction is not None:
        visit["feedback"] = ctx.rng.choice(FEEDBACK[outcome.satisfaction])
        visit["follow_up_needed"] = outcome.satisfaction <= 3


def _attempt_row(ctx: ChunkContext, visit: dict, at: datetime, channel: str, result: str,
                 score: int | None) -> None:
    ctx.add("visit_attempts", {
        "id": ctx.new_id(), "visit_id": visit["id"], "user_id": visit["assignee_id"],
        "attempted_at": at, "channel": channel, "result": result, "satisfaction": score,
        "notes": "客户约定改天再联系" if result == "call_back" else None,
    })


def _one_attempt(ctx: ChunkContext, visit: dict, customer: dict, claim: dict, day: date,
                 result: str) -> tuple[AttemptOutcome, str]:
    at = ctx.office_time(day)
    channel = _channel(ctx, customer)
    score = _score(ctx, day) if result == "reached" else None
    state = VisitState(visit["id"], visit["step"], attempts=visit["attempts"], due_date=day)
    outcome = after_attempt(state, result, ctx.clock.aware(at), satisfaction=score)
    _attempt_row(ctx, visit, at, channel, result, score)
    visit["attempts"] = outcome.attempts
    visit["channel"] = channel
    if should_open_complaint(result, score, customer_complained=ctx.chance(0.01)):
        add_visit_complaint(ctx, customer, claim, visit, at)
    return outcome, channel


def work_visit(ctx: ChunkContext, visit: dict, customer: dict, claim: dict,
               script: list[str] | None = None) -> None:
    """Attempts from the due date on until the visit is settled or its retry is not yet due.

    `script` gives the attempt results in order instead of drawing them."""
    day = visit["due_date"]
    results = iter(script or ())
    while day < ctx.clock.today:
        result = next(results, None) or ctx.pick(RESULTS)
        outcome, channel = _one_attempt(ctx, visit, customer, claim, day, result)
        if not outcome.retry:
            _finish(ctx, visit, outcome, channel)
            return
        day = outcome.next_due_date
        visit["due_date"] = day  # a retry due today or later stays open


def _left_open(ctx: ChunkContext, due: date) -> bool:
    today = ctx.clock.today
    if due >= today:
        return True
    share = RECENT_OVERDUE_OPEN_SHARE if (today - due).days <= 10 else OLD_OVERDUE_OPEN_SHARE
    return ctx.chance(share)


def add_visits(ctx: ChunkContext, claim: dict, customer: dict,
               scripts: dict[str, list[str]] | None = None) -> list[dict]:
    """The claim's cadence visits; `scripts` (step -> attempt results; ["cancel"]; or []
    to leave it open) fixes what happens to some of them."""
    planned = plan_visits(claim["id"], customer["id"], ctx.clock.aware(claim["closed_at"]),
                          customer["manager_id"])
    visits = []
    for plan in planned:
        visit = ctx.add("visits", {
            "id": plan.id, "customer_id": customer["id"], "claim_id": claim["id"],
            "step": plan.step, "due_date": plan.due_date, "assignee_id": plan.manager_id,
            "status": "open", "attempts": 0, "channel": None, "satisfaction": None,
            "feedback": None, "follow_up_needed": False, "completed_at": None,
        })
        visits.append(visit)
        script = (scripts or {}).get(plan.step)
        past_due = plan.due_date < ctx.clock.today
        if script == ["cancel"] or (script is None and past_due and ctx.chance(CANCEL_SHARE)):
            visit.update(status="cancelled", feedback="客户要求不再回访")
        elif script or (script is None and not _left_open(ctx, plan.due_date)):
            work_visit(ctx, visit, customer, claim, script)
    return visits
