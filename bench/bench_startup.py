"""Start-up vs a bare PySide6 window, each a fresh process, medians of alternating runs.

What a user waits for, measured from just before the process is spawned (or from the click
on "Sign in") to the first event-loop idle after a window is shown (offscreen):
- the sign-in dialog, the app's first window, which takes typing at once (the profile
  opens and the main window's modules load behind it: the GUI thread's longest stall
  meanwhile is in the note);
- the main window, from the click on "Sign in" made the moment that background work is
  done (a user who typed for that long; the sign-in itself, at HQ or against the verifier
  kept on the PC, is left out);
- no target: the first queue page after the click, and the whole start-up for a user who
  clicks "Sign in" that moment (dialog, background work, main window), with the app's
  phases.
Both sides run with their bytecode cached (in bench/out/pycache), as an installed app does.
The verdicts use the CPU time the process spent (every thread, from its start, or from the
click): on these shared machines another job's load moves wall-clock start-ups by 2-3x in
either direction within a run, CPU time hardly. The wall-clock medians are in the notes.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from .datasets import OUT, Dataset
from .measure import Result, median, ratio_result

ROOT = Path(__file__).resolve().parent.parent
MAX_RATIO = 1.5


def _child_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(OUT / "pycache")
    return env


def _spawn(*args: str) -> tuple[float, dict]:
    started = time.time()
    out = subprocess.run([sys.executable, "-m", "bench.startup_child", *args], cwd=ROOT,
                         check=True, capture_output=True, text=True, timeout=600,
                         env=_child_env()).stdout
    report = json.loads(out.strip().splitlines()[-1])
    return started, report


def _phases(started: float, report: dict) -> str:
    steps, previous = [], started
    for label, at in report.get("marks", []):
        steps.append(f"{label} +{(at - previous) * 1000:.0f}")
        previous = at
    return ", ".join(steps)


def _after(report: dict, key: str, start: float) -> float:
    return (report[key] - start) * 1000


def run(dataset: Dataset, runs: int = 7) -> list[Result]:
    bare, dialog, main, page, whole, phases = [], [], [], [], [], []
    bare_cpu, dialog_cpu, main_cpu = [], [], []
    stalls, bare_stalls = [], []
    _spawn("bare")  # warm the OS file cache for Qt's libraries, and the bytecode caches
    _spawn("app", str(dataset.directory))
    for _ in range(runs):
        started, report = _spawn("bare")
        bare.append(_after(report, "idle", started))
        bare_cpu.append(report["idle_cpu"] * 1000)
        bare_stalls.append(report["stall_ms"])
        started, report = _spawn("app", str(dataset.directory))
        dialog.append(_after(report, "sign_in_idle", started))
        dialog_cpu.append(report["sign_in_idle_cpu"] * 1000)
        main.append(_after(report, "idle", report["submitted"]))
        main_cpu.append((report["idle_cpu"] - report["submitted_cpu"]) * 1000)
        page.append(_after(report, "first_page", report["submitted"]))
        whole.append(_after(report, "idle", started))
        stalls.append(report["stall_ms"])
        phases.append(_phases(started, report))
    base, base_cpu = median(bare), median(bare_cpu)
    middle = sorted(range(runs), key=lambda i: whole[i])[runs // 2]
    at = f"@ {dataset.name}"
    wall = f"wall medians {{:.0f}} vs {base:.0f} ms"
    return [
        ratio_result("start-up", f"sign-in dialog interactive (the first window) {at}",
                     median(dialog_cpu), base_cpu, MAX_RATIO,
                     note=f"CPU, median of {runs}; {wall.format(median(dialog))}; the profile"
                     " opens behind it: the GUI thread's"
                     f" longest stall meanwhile {median(stalls):.0f} ms (median of runs),"
                     f" {max(stalls):.0f} ms at worst; a bare window's in 0.5 s with nothing"
                     f" behind it {median(bare_stalls):.0f} ms, {max(bare_stalls):.0f} ms"),
        ratio_result("start-up", f"main window interactive, from the click on Sign in {at}",
                     median(main_cpu), base_cpu, MAX_RATIO,
                     note=f"CPU, median of {runs}; {wall.format(median(main))}; clicked the"
                     " moment the profile was open and the"
                     " main window's modules loaded, the sign-in itself (HQ or the PC's"
                     " verifier) left out"),
        Result("start-up", f"first queue page on screen, from the click on Sign in {at}",
               median(page), base, "ms", "(no target)", True, f"wall, median of {runs}"),
        Result("start-up", f"whole start-up, clicking Sign in the moment the app is ready"
               f" {at}", median(whole), base, "ms", "(no target)", True,
               f"wall, median of {runs}; dialog, profile open and modules loaded behind it, main"
               f" window (ms per phase:"
               f" {phases[middle]})"),
    ]
