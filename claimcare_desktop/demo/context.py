"""What every part of the generator draws from: one seeded RNG, the clock, the branch's staff.

A `ChunkContext` covers one chunk of customers of one branch; its rows are buffered per
table until the chunk is emitted, so memory depends on the chunk size, not the scale.
"""
from __future__ import annotations

import random
from bisect import bisect
from itertools import accumulate
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone

from .places import BranchSite

CHINA_OFFSET = timedelta(hours=8)
EARLIER_YEAR_AFTER_DAYS = 183

# Foreign-key order: a table only refers to tables before it.
TABLE_ORDER = (
    "branches", "users", "customers", "policies", "claims", "visits", "visit_attempts",
    "complaints", "complaint_events", "care_items", "communications",
)


class Weights:
    """Choices with relative weights, summed once (drawing happens ~100,000 times a run)."""

    __slots__ = ("choices", "cumulative", "total")

    def __init__(self, weighted: dict[str, float]) -> None:
        self.choices = tuple(weighted)
        self.cumulative = list(accumulate(weighted.values()))
        self.total = self.cumulative[-1]

    def draw(self, rng: random.Random) -> str:
        return self.choices[bisect(self.cumulative, rng.random() * self.total)]


def random_uuid(rng: random.Random) -> str:
    """A version-4 UUID string from `rng` (same text as uuid.UUID(int=..., version=4))."""
    n = rng.getrandbits(128)
    n = (n & ~(0xF000 << 64) | (0x4000 << 64)) & ~(0xC000 << 48) | (0x8000 << 48)
    h = f"{n:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


@dataclass(frozen=True)
class Staff:
    branch_id: str
    site: BranchSite
    supervisor_id: str
    manager_ids: tuple[str, ...]


@dataclass(frozen=True)
class DemoClock:
    """`today` is the branch-local date the data is built around; `now` 10:30 local on it."""

    today: date

    @property
    def now(self) -> datetime:
        return local_moment(self.today, 10, 30)

    def aware(self, naive_utc: datetime) -> datetime:
        return naive_utc.replace(tzinfo=timezone.utc)


def local_moment(day: date, hour: int, minute: int = 0) -> datetime:
    """Naive UTC for a branch-local wall-clock time (China has no DST)."""
    return datetime.combine(day, time(hour, minute)) - CHINA_OFFSET


def local_day(naive_utc: datetime) -> date:
    return (naive_utc + CHINA_OFFSET).date()


@dataclass
class ChunkContext:
    rng: random.Random
    clock: DemoClock
    staff: Staff
    chunk: int
    tables: dict[str, list[dict]] = field(default_factory=lambda: {t: [] for t in TABLE_ORDER})
    counter: int = 0

    def new_id(self) -> str:
        return random_uuid(self.rng)

    def serial(self, prefix: str) -> str:
        """A number unique in the whole data set: branch, chunk, running counter."""
        self.counter += 1
        return f"{prefix}{self.staff.site.code.upper()}{self.chunk:04d}{self.counter:06d}"

    def add(self, table: str, row: dict) -> dict:
        row.setdefault("branch_id", self.staff.branch_id)
        row.setdefault("deleted", False)
        self.tables[table].append(row)
        return row

    def office_time(self, day: date) -> datetime:
        """A moment during office hours on a local day, as naive UTC."""
        return local_moment(day, self.rng.randint(9, 17), self.rng.randint(0, 59))

    def earlier_year(self, day: date) -> bool:
        """Whether `day` lies in the older half of the history (about last year), where
        the branch did a little worse: it makes the year-over-year KPIs show progress."""
        return day < self.clock.today - timedelta(days=EARLIER_YEAR_AFTER_DAYS)

    def chance(self, probability: float) -> bool:
        return self.rng.random() < probability

    def pick(self, weights: Weights) -> str:
        return weights.draw(self.rng)
