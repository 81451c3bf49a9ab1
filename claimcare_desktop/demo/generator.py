"""Demo data for a desktop profile, HQ's seed, the tests and the benchmarks.

`generate(spec)` streams (table, rows) batches in foreign-key order. Each branch's
customers are built in chunks of CHUNK_CUSTOMERS from their own seeded RNG
(`random.Random(f"{seed}/{branch}/{chunk}")`), so the output depends only on the spec,
memory depends only on the chunk size, and a branch's data does not change when more
branches are asked for. Pieces are independent, so `parallel.generate_in_processes`
can build them in worker processes and still yield exactly the same batches.
"""
from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, timezone

from .context import TABLE_ORDER, ChunkContext, DemoClock
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
Tables = dict[str, list[dict]]


@dataclass(frozen=True)
class Piece:
    """One unit of work: a branch's staff (chunk None) or one chunk of its customers."""

    branch: int
    chunk: int | None
    chunk_size: int


def pieces(spec: DemoSpec) -> Iterator[Piece]:
    """The pieces of a spec, in the order their rows must be written."""
    size = CHUNK_CUSTOMERS
    for index in range(spec.branches):
        yield Piece(index, None, size)
        for chunk in range(-(-spec.customers_per_branch // size)):
            yield Piece(index, chunk, size)


def piece_tables(spec: DemoSpec, piece: Piece) -> Tables:
    """The rows of one piece; `spec.today` must be resolved (it is in `generate`)."""
    branch, users, staff = make_branch(spec.seed, piece.branch, spec.customers_per_branch)
    if piece.chunk is None:
        return {"branches": [branch], "users": users}
    rng = random.Random(f"{spec.seed}/{staff.site.code}/{piece.chunk}")
    ctx = ChunkContext(rng, DemoClock(spec.resolved_today()), staff, piece.chunk)
    first = piece.chunk * piece.chunk_size
    for number in range(first, min(first + piece.chunk_size, spec.customers_per_branch)):
        manager = staff.manager_ids[number % len(staff.manager_ids)]
        story = STORIES[number] if number < len(STORIES) else None
        add_customer_history(ctx, manager, story)
    return ctx.tables


def batches(tables: Tables) -> Iterator[Batch]:
    """A piece's rows as batches of at most MAX_BATCH_ROWS, in foreign-key order."""
    for table in TABLE_ORDER:
        rows = tables.get(table, ())
        for start in range(0, len(rows), MAX_BATCH_ROWS):
            yield table, rows[start:start + MAX_BATCH_ROWS]


def generate(spec: DemoSpec) -> Iterator[Batch]:
    spec = replace(spec, today=spec.resolved_today())
    for piece in pieces(spec):
        yield from batches(piece_tables(spec, piece))


def load_into_profile(profile, spec: DemoSpec, workers: int = 1) -> dict[str, int]:
    """Write the demo data into a desktop profile (see `loader.load_into_profile`)."""
    from .loader import load_into_profile as load

    return load(profile, spec, workers)
