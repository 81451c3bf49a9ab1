"""Demo data for a desktop profile, HQ's seed, the tests and the benchmarks.

`generate(spec)` streams (table, rows) batches in foreign-key order. Each branch's
customers are built in chunks of CHUNK_CUSTOMERS from their own seeded RNG
(`random.Random(f"{seed}/{branch}/{chunk}")`), so the output depends only on the spec,
memory depends only on the chunk size, and a branch's data does not change when more
branches are asked for.
"""
from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from .context import TABLE_ORDER, ChunkContext, DemoClock, Staff
from .history import add_customer_history
from .showcase import STORIES
from .staff import make_branch

CHUNK_CUSTOMERS = 1000
MAX_BATCH_ROWS = 5000
CHINA_TZ = timezone(timedelta(hours=8))


@dataclass(frozen=True)
class DemoSpec:
    seed: int = 7
    branches: int = 2
    customers_per_branch: int = 50
    today: date | None = None  # the branch-local date the data is built around

    def resolved_today(self) -> date:
        return self.today or datetime.now(CHINA_TZ).date()


Batch = tuple[str, list[dict]]


def _batches(tables: dict[str, list[dict]]) -> Iterator[Batch]:
    for table in TABLE_ORDER:
        rows = tables[table]
        for start in range(0, len(rows), MAX_BATCH_ROWS):
            yield table, rows[start:start + MAX_BATCH_ROWS]


def _chunk(spec: DemoSpec, clock: DemoClock, staff: Staff, chunk: int) -> ChunkContext:
    rng = random.Random(f"{spec.seed}/{staff.site.code}/{chunk}")
    ctx = ChunkContext(rng, clock, staff, chunk)
    first = chunk * CHUNK_CUSTOMERS
    for number in range(first, min(first + CHUNK_CUSTOMERS, spec.customers_per_branch)):
        manager = staff.manager_ids[number % len(staff.manager_ids)]
        story = STORIES[number] if number < len(STORIES) else None
        add_customer_history(ctx, manager, story)
    return ctx


def _branch(spec: DemoSpec, clock: DemoClock, index: int) -> Iterator[Batch]:
    branch, users, staff = make_branch(spec.seed, index, spec.customers_per_branch)
    yield "branches", [branch]
    yield "users", users
    chunks = -(-spec.customers_per_branch // CHUNK_CUSTOMERS)
    for chunk in range(chunks):
        yield from _batches(_chunk(spec, clock, staff, chunk).tables)


def generate(spec: DemoSpec) -> Iterator[Batch]:
    clock = DemoClock(spec.resolved_today())
    for index in range(spec.branches):
        yield from _branch(spec, clock, index)


def load_into_profile(profile, spec: DemoSpec) -> dict[str, int]:
    """Write the demo data into a desktop profile (see `loader.load_into_profile`)."""
    from .loader import load_into_profile as load

    return load(profile, spec)
