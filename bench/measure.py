"""Timing helpers and the one result shape every benchmark reports.

A figure is always shown next to a baseline taken in the same run: on these noisy
machines ratios hold, absolute times do not.
"""
from __future__ import annotations

import gc
import json
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Result:
    area: str
    name: str
    figure: float
    baseline: float | None  # None: an absolute target only
    unit: str  # "ms" or "MiB"
    target: str  # what PASS means, in words
    passed: bool
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if not self.baseline:
            return None
        return self.figure / self.baseline

    def line(self) -> str:
        ratio = "" if self.ratio is None else f"{self.ratio:5.2f}x"
        base = "—" if self.baseline is None else f"{self.baseline:.1f} {self.unit}"
        verdict = "PASS" if self.passed else "MISS"
        return (f"{verdict}  {self.area} / {self.name}: {self.figure:.1f} {self.unit}"
                f" (baseline {base}, ratio {ratio or '—'}; target {self.target})")

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @staticmethod
    def from_json(text: str) -> "Result":
        return Result(**json.loads(text))


def samples_ms(fn: Callable[[], object], runs: int, warmup: int = 3) -> list[float]:
    """Wall times of `runs` calls of `fn` in milliseconds, after `warmup` untimed calls.

    The garbage collector is left on: the app runs with it on too.
    """
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return times


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2]


@dataclass(frozen=True)
class Paired:
    """p95 of a subject and its baseline, on the thread's CPU clock and on the wall clock."""

    subject_cpu: float
    baseline_cpu: float
    subject_wall: float
    baseline_wall: float

    def wall_note(self) -> str:
        return f"wall p95 {self.subject_wall:.2f} vs {self.baseline_wall:.2f} ms"


def _both_ms(fn: Callable[[], object]) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.thread_time()
    fn()
    return (time.thread_time() - cpu) * 1000, (time.perf_counter() - wall) * 1000


def repeated(fn: Callable[[], object], times: int) -> Callable[[], None]:
    """`fn` called `times` times in a row, as one call."""
    def calls() -> None:
        for _ in range(times):
            fn()
    return calls


def calls_per_sample(fn: Callable[[], object], sample_ms: float = 0.25) -> int:
    """How many calls of `fn` in a row last about `sample_ms` of CPU (at least one): a call
    of a few microseconds is as long as the clock reads around it and the odd cache miss
    or interrupt, so such calls are timed in runs (see `interleaved_p95`'s `batch`)."""
    fn()
    cpu = time.thread_time()
    for _ in range(20):
        fn()
    per_call_ms = (time.thread_time() - cpu) * 1000 / 20
    return max(1, min(1000, round(sample_ms / max(per_call_ms, 1e-6))))


def interleaved_p95(subject: Callable[[], object], baseline: Callable[[], object],
                    runs: int, batch: int = 1) -> Paired:
    """p95 of subject and baseline, measured alternately so both see the same noise.

    With `batch` > 1 each sample is `batch` calls in a row and counts as their mean.

    The verdicts use the thread CPU clock: on a shared 2-core machine under load a job of a
    millisecond is often preempted for 10-20 ms, which says nothing about the job. Only
    single-threaded work with a warm page cache is timed this way (no fsync, no Qt); the
    wall-clock p95 is kept in the notes.
    """
    samples: dict[str, list[float]] = {"s_cpu": [], "s_wall": [], "b_cpu": [], "b_wall": []}
    for _ in range(3):
        subject(), baseline()
    if batch > 1:
        subject, baseline = repeated(subject, batch), repeated(baseline, batch)
    gc.collect()
    for _ in range(runs):
        for key, fn in (("s", subject), ("b", baseline)):
            cpu, wall = _both_ms(fn)
            samples[f"{key}_cpu"].append(cpu / batch)
            samples[f"{key}_wall"].append(wall / batch)
    return Paired(*(p95(samples[k]) for k in ("s_cpu", "b_cpu", "s_wall", "b_wall")))


def ratio_result(area: str, name: str, figure: float, baseline: float, max_ratio: float,
                 max_ms: float | None = None, note: str = "") -> Result:
    """PASS when figure <= max_ratio x baseline (and, if given, figure < max_ms)."""
    ok = figure <= max_ratio * baseline and (max_ms is None or figure < max_ms)
    target = f"≤ {max_ratio:g}x" + (f" and < {max_ms:g} ms" if max_ms is not None else "")
    return Result(area, name, figure, baseline, "ms", target, ok, note)


def limit_result(area: str, name: str, figure: float, max_ms: float, note: str = "",
                 baseline: float | None = None) -> Result:
    return Result(area, name, figure, baseline, "ms", f"< {max_ms:g} ms", figure < max_ms, note)
