"""Memory: the app's peak RSS at the big branch and at 1,000,000 visits (fresh processes).

Target: the peak must not grow with the row count; PASS when the peak at 1M visits is
at most 1.1x the peak at the big branch, for the same moves (bench.memory_child).
"""
from __future__ import annotations

import json
import subprocess
import sys

from .bench_startup import ROOT
from .datasets import Dataset
from .measure import Result

MAX_RATIO = 1.1


def _child(dataset: Dataset, max_rows: int) -> dict:
    out = subprocess.run([sys.executable, "-m", "bench.memory_child", str(dataset.directory),
                          str(max_rows)], cwd=ROOT, check=True, capture_output=True, text=True,
                         timeout=600).stdout
    return json.loads(out.strip().splitlines()[-1])


def _result(step: str, big: Dataset, million: Dataset, small: dict, large: dict, note: str) -> Result:
    figure, baseline = large[f"{step}_mib"], small[f"{step}_mib"]
    return Result("memory", f"peak RSS, {step.replace('_', ' ')} @ {million.name} (baseline @ {big.name})",
                  figure, baseline, "MiB", f"≤ {MAX_RATIO:g}x (no growth with rows)",
                  figure <= MAX_RATIO * baseline, note)


def _scrolled(million: Dataset, large: dict, max_rows: int) -> Result:
    grown = large["scrolled_mib"] - large["jump_to_end_mib"]
    rows = max(large["scrolled_rows"] - large["jump_to_end_rows"], 1)
    return Result("memory", f"peak RSS, scrolled to the end @ {million.name} (baseline: jump to end)",
                  large["scrolled_mib"], large["jump_to_end_mib"], "MiB",
                  f"≤ {MAX_RATIO:g}x (no growth with rows)",
                  large["scrolled_mib"] <= MAX_RATIO * large["jump_to_end_mib"],
                  f"scroll bar dragged to the bottom until the end or {max_rows:,} rows:"
                  f" {large['scrolled_rows']:,} rows listed"
                  f" ({'end reached' if large['exhausted'] else 'stopped'}),"
                  f" +{grown * 100_000 / rows:.0f} MiB per 100k rows")


def run(big: Dataset, million: Dataset, max_rows: int = 200_000) -> list[Result]:
    small, large = _child(big, max_rows), _child(million, max_rows)
    return [
        _result("started", big, million, small, large, "main window up, queue first page"),
        _result("jump_to_end", big, million, small, large,
                f"done tab, reversed: {small['jump_to_end_rows']} / {large['jump_to_end_rows']} rows listed"),
        _scrolled(million, large, max_rows),
    ]
