"""Policies of a customer: yearly terms that were renewed or lapsed, and current ones.

A term that ended is `renewed` when the next term of the same product follows it the
next day, else `lapsed`; a term still running is `active`.
"""
from __future__ import annotations

from datetime import date, timedelta

from .context import ChunkContext
from .products import PRODUCT_SHARES, PRODUCTS

RENEWAL_SHARES = (0.84, 0.72)  # (this year, the year before)
HISTORY_DAYS = 800  # a little over two years, so last year's same period is covered


def _term_end(start: date, years: int) -> date:
    try:
        return start.replace(year=start.year + years) - timedelta(days=1)
    except ValueError:  # 29 February
        return start.replace(year=start.year + years, day=28)


def _add_term(ctx: ChunkContext, customer: dict, product: str, start: date, status: str) -> dict:
    spec = PRODUCTS[product]
    low, high = spec.premium_yuan
    return ctx.add("policies", {
        "id": ctx.new_id(),
        "customer_id": customer["id"],
        "policy_no": ctx.serial("P" + spec.letter),
        "product_type": product,
        "start_date": start,
        "end_date": _term_end(start, spec.term_years),
        "premium_fen": int(ctx.rng.uniform(low, high)) * 100,
        "status": status,
    })


def _first_start(ctx: ChunkContext, product: str) -> date:
    spec = PRODUCTS[product]
    span = HISTORY_DAYS if spec.term_years == 1 else 365 * 12
    return ctx.clock.today - timedelta(days=ctx.rng.randint(20, span))


def add_policy_line(ctx: ChunkContext, customer: dict, product: str) -> list[dict]:
    """Consecutive terms of one product until one lapses or is still running."""
    today = ctx.clock.today
    start = _first_start(ctx, product)
    terms: list[dict] = []
    while True:
        term = _add_term(ctx, customer, product, start, "active")
        terms.append(term)
        if term["end_date"] >= today:
            return terms
        renewed = ctx.chance(RENEWAL_SHARES[ctx.earlier_year(term["end_date"])])
        term["status"] = "renewed" if renewed else "lapsed"
        if not renewed:
            return terms
        start = term["end_date"] + timedelta(days=1)


def add_policies(ctx: ChunkContext, customer: dict) -> list[dict]:
    count = ctx.rng.choice((1, 1, 1, 2, 2, 3))
    products = {ctx.pick(PRODUCT_SHARES) for _ in range(count)}
    return [term for product in sorted(products) for term in add_policy_line(ctx, customer, product)]
