"""docs/BENCHMARKS.md: a header (method, runs, machine), one generated section per area,
then every section this runner does not generate, kept as it was (other engineers'
`## Demo data`, `## Exports`, `## Sync`, and the hand-written `## Causes and fixes`).
"""
from __future__ import annotations

import os
import platform
import re
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from .measure import Result

TITLE = "# Benchmarks"
AREAS = ("start-up", "visit queue", "customer search", "care profile", "KPI dashboard",
         "visit save", "memory", "other areas")
SUMMARY = "Missed targets"
GENERATED = {SUMMARY, "Data sets", *(a[0].upper() + a[1:] for a in AREAS)}

METHOD = """\
Every figure is measured next to a baseline taken in the same run, alternating the two
where that is possible, because these machines are noisy: the ratio holds, the absolute
time does not. Query figures are p95 over repeated runs; start-up is the median of fresh
processes. Qt runs offscreen (`QT_QPA_PLATFORM=offscreen`).

- **Clocks.** On these shared 2-core machines (load average 4-12 while the team works) a
  job of one millisecond is often preempted for 10-20 ms, which says nothing about the
  job, so most figures are CPU time and their wall-clock figures are in the notes:
  in-process reads (queue queries, search, care profile, KPIs) on the thread's CPU clock,
  a search sample being the mean of a run of calls (a 5 µs lookup lasts as long as the
  clock reads around it); a scroll frame on the GUI thread's CPU clock, the two views
  alternating frame by frame; first paint and start-up on the process's CPU clock over
  all threads. The visit save and memory are wall clock and RSS: the save is bounded by
  the disk's fsync, which is measured beside it (one-row `sqlite3` WAL commits, alternating
  with the saves).
- **Start-up** is two figures with targets: the first window the user can type in (the
  sign-in dialog, the profile opening behind it), and the main window timed from the
  click on "Sign in" (clicked once the profile is open and the main window's modules are
  loaded; the sign-in itself, at HQ or against the PC's verifier, is left out). The whole
  start-up with an instant click is reported without a target. Both sides run with
  compiled bytecode cached (`bench/out/pycache`), as an installed app would.

- **Baselines.** Store functions are compared with *the SQL they send*, captured from
  SQLAlchemy while the function runs and replayed through plain `sqlite3` with every row
  fetched. Start-up is compared with a bare PySide6 window (same interpreter, fresh process).
  A scroll frame is compared with a `QStandardItemModel` holding the same rows and roles.
  First paint at 1,000,000 visits is compared with the same moves at 100,000 visits (the
  big branch with its visits multiplied, and thinned: same customers and claims).
- **Data** comes from the demo generator (seed 7, built around 2026-11-26) and is cached
  in `bench/out/` (gitignored); the 1,000,000-visit profile is the big branch with its
  visits copied by one `INSERT … SELECT` (fresh UUIDs, every other column kept), the
  100,000-visit one the big branch with two visits in three deleted (evenly by rowid).
- **Acting as** the branch supervisor (the whole branch: the biggest lists).
- **Other areas** measure with their own scripts and write their own sections below:
  demo data (`bench/generate.py`, `## Demo data`), exports (`bench/export.py`,
  `## Exports`), first sync and HQ load (`bench/sync_first.py`, `bench/hq_load.py`,
  `## Sync`). `bench/run_all.py --with-others` runs the last three too.
"""


def _machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    try:
        from PySide6 import __version__ as pyside
    except ImportError:
        pyside = "?"
    import sqlalchemy

    return (f"{cpu}, {os.cpu_count()} cores, {memory:.0f} GiB RAM; {platform.platform()};"
            f" CPython {platform.python_version()}, PySide6 {pyside}, SQLAlchemy"
            f" {sqlalchemy.__version__}, SQLite {sqlite3.sqlite_version}")


def _num(value: float) -> str:
    """Enough digits to tell sub-millisecond figures apart."""
    return f"{value:.2f}" if abs(value) < 10 else f"{value:.1f}"


def _table(results: Iterable[Result]) -> list[str]:
    lines = ["| figure | measured | baseline | ratio | target | verdict | notes |",
             "| --- | ---: | ---: | ---: | --- | --- | --- |"]
    for r in results:
        base = "—" if r.baseline is None else f"{_num(r.baseline)} {r.unit}"
        ratio = "—" if r.ratio is None else f"{r.ratio:.2f}x"
        verdict = "PASS" if r.passed else "**MISS**"
        lines.append(f"| {r.name} | {_num(r.figure)} {r.unit} | {base} | {ratio} | {r.target} |"
                     f" {verdict} | {r.note} |")
    return lines


def _sections(text: str) -> list[tuple[str, str]]:
    """(heading, body) of every `## ` section of an existing report."""
    parts = re.split(r"(?m)^## ", text)
    return [(p.split("\n", 1)[0].strip(), p) for p in parts[1:]]


def render(results: list[Result], runs: list[str], datasets: list[str],
           others: dict[str, str], existing: str = "") -> str:
    missed = [r for r in results if not r.passed]
    out = [TITLE, "", METHOD, "**Runs** (the latest figures of each group are shown):", ""]
    out += [f"- {run}" for run in runs]
    out += ["", f"**Machine:** {_machine()}", "", f"## {SUMMARY}", ""]
    out += [f"- {r.area}: {r.name} — {_num(r.figure)} {r.unit}"
            + ("" if r.ratio is None else f" ({r.ratio:.2f}x the baseline)") + f", target {r.target}"
            for r in missed] or ["None."]
    out += ["", "## Data sets", ""] + [f"- {d}" for d in datasets] + [""]
    for area in AREAS[:-1]:
        rows = [r for r in results if r.area == area]
        if rows:
            out += [f"## {area[0].upper() + area[1:]}", ""] + _table(rows) + [""]
    if others:
        out += ["## Other areas", "", "Raw output of the other areas' bench scripts, run by this one:", ""]
        for script, text in others.items():
            out += [f"`{script}`:", "", "```", text.rstrip(), "```", ""]
    kept = [body for heading, body in _sections(existing) if heading not in GENERATED]
    return "\n".join(out) + "\n" + "".join(f"## {body.rstrip()}\n\n" for body in kept)


def write(path: Path, results: list[Result], runs: list[str], datasets: list[str],
          others: dict[str, str]) -> None:
    existing = path.read_text(encoding="utf-8") if path.exists() else ""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(results, runs, datasets, others, existing), encoding="utf-8")
