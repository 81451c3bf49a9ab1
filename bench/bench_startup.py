"""Start-up vs a bare PySide6 window, each a fresh process, medians of alternating runs.

Measured from just before the process is spawned to the first event-loop idle after a
window is shown (offscreen): the sign-in dialog (the app's first window), and the main
window when signing in takes no time (the moment the profile is open). Also shown (no
target): until the visit queue's first page is on screen, and the app's phases.
"""
from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from .datasets import Dataset
from .measure import Result, median, ratio_result

ROOT = Path(__file__).resolve().parent.parent
MAX_RATIO = 1.5


def _spawn(*args: str) -> tuple[float, dict]:
    started = time.time()
    out = subprocess.run([sys.executable, "-m", "bench.startup_child", *args], cwd=ROOT,
                         check=True, capture_output=True, text=True, timeout=600).stdout
    report = json.loads(out.strip().splitlines()[-1])
    return started, report


def _phases(started: float, report: dict) -> str:
    steps, previous = [], started
    for label, at in report.get("marks", []):
        steps.append(f"{label} +{(at - previous) * 1000:.0f}")
        previous = at
    return ", ".join(steps)


def run(dataset: Dataset, runs: int = 5) -> list[Result]:
    bare_ms, app_ms, page_ms, phases, sign_in_ms = [], [], [], [], []
    _spawn("bare")  # warm the OS file cache for Qt's libraries
    _spawn("app", str(dataset.directory))
    for _ in range(runs):
        started, report = _spawn("bare")
        bare_ms.append((report["idle"] - started) * 1000)
        started, report = _spawn("app", str(dataset.directory))
        app_ms.append((report["idle"] - started) * 1000)
        page_ms.append((report["first_page"] - started) * 1000)
        sign_in_ms.append((report["sign_in_idle"] - started) * 1000)
        phases.append(_phases(started, report))
    bare = median(bare_ms)
    middle = sorted(range(runs), key=lambda i: app_ms[i])[runs // 2]
    return [
        ratio_result("start-up", f"sign-in dialog interactive (the first window) @ {dataset.name}",
                     median(sign_in_ms), bare, MAX_RATIO, note=f"median of {runs}; the profile"
                     " opens on the DB lane behind it"),
        ratio_result("start-up", f"main window interactive, signing in the moment the profile is"
                     f" open @ {dataset.name}", median(app_ms), bare, MAX_RATIO,
                     note=f"median of {runs} (ms per phase: {phases[middle]})"),
        Result("start-up", f"first queue page on screen @ {dataset.name}", median(page_ms), bare, "ms",
               "(no target)", True, f"median of {runs}"),
    ]
