"""Run every benchmark of issue 6 and write docs/BENCHMARKS.md.

    .venv/bin/python bench/run_all.py                 # full scale (datasets cached in bench/out/)
    .venv/bin/python bench/run_all.py --quick         # small data, a sanity run of the whole suite
    .venv/bin/python bench/run_all.py --only queue,search --out /tmp/b.md

Each result is printed as it comes (figure, baseline, ratio, target, PASS/MISS); the
missed targets are listed again at the end and at the top of the report. Results are kept
per group in bench/out/results/, so `--only` re-measures some groups and the report still
shows the latest figures of every group.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import (  # noqa: E402
    bench_care_profile,
    bench_kpi,
    bench_memory,
    bench_queue_sql,
    bench_search,
    bench_startup,
    bench_visit_save,
    datasets,
    report,
)
from bench.measure import Result  # noqa: E402

OTHER_SCRIPTS = ("export.py", "sync_first.py", "hq_load.py")
GROUPS = ("startup", "queue", "queue_view", "search", "profile", "kpi", "save", "memory")


def _qt_child(module: str, *args: str) -> list[Result]:
    """Results of a Qt benchmark run in its own process (one QApplication each)."""
    out = subprocess.run([sys.executable, "-m", f"bench.{module}", *args], cwd=ROOT, check=True,
                         capture_output=True, text=True, timeout=1200).stdout
    return [Result.from_json(line) for line in out.splitlines() if line.startswith("{")]


def _plan(sets: dict[str, datasets.Dataset], quick: bool):
    branch, big, million = sets["branch"], sets["big"], sets["queue_1m"]
    runs = 20 if quick else 100
    return {
        "startup": lambda: bench_startup.run(big, runs=2 if quick else 5),
        "queue": lambda: [r for d in (big, million) for r in bench_queue_sql.run(d, runs)],
        "queue_view": lambda: _qt_child("bench_queue_view", str(sets["queue_100k"].directory),
                                        sets["queue_100k"].name, str(million.directory), million.name),
        "search": lambda: bench_search.run(big, runs),
        "profile": lambda: bench_care_profile.run(big, runs) + _qt_child(
            "bench_care_profile_view", str(big.directory), big.name),
        "kpi": lambda: bench_kpi.run(big, runs=5 if quick else 10),
        "save": lambda: bench_visit_save.run(big, saves=50 if quick else 200),
        "memory": lambda: bench_memory.run(big, million, max_rows=5_000 if quick else 200_000),
    }


def _results_file(quick: bool, group: str) -> Path:
    return datasets.OUT / ("results_quick" if quick else "results") / f"{group}.jsonl"


def _save(quick: bool, group: str, results: list[Result]) -> None:
    path = _results_file(quick, group)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(r.to_json() + "\n" for r in results), encoding="utf-8")


def _all_saved(quick: bool) -> list[Result]:
    """Every group's latest results, so a run of some groups still writes the whole report."""
    found = []
    for group in GROUPS:
        path = _results_file(quick, group)
        if path.exists():
            found += [Result.from_json(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return found


def _note_runs(quick: bool, groups: list[str], note: dict[str, str]) -> list[str]:
    """Record which run measured `groups`; one line per run behind the saved results."""
    for group in groups:
        _results_file(quick, group).with_suffix(".run.json").write_text(json.dumps(note), encoding="utf-8")
    by_run: dict[str, list[str]] = {}
    for group in GROUPS:
        path = _results_file(quick, group).with_suffix(".run.json")
        if path.exists():
            run = json.loads(path.read_text(encoding="utf-8"))
            by_run.setdefault(f"`{run['command']}` — {run['load']}", []).append(group)
    return [f"{run} (groups: {', '.join(found)})" for run, found in by_run.items()]


def _others() -> dict[str, str]:
    """Output of the other areas' bench scripts that exist, run with their defaults
    (they also write their own sections of the report)."""
    found = {}
    for name in OTHER_SCRIPTS:
        if (ROOT / "bench" / name).exists():
            module = f"bench.{name.removesuffix('.py')}"
            done = subprocess.run([sys.executable, "-m", module], cwd=ROOT, capture_output=True,
                                  text=True, timeout=3600)
            found[f"python -m {module}"] = done.stdout + (
                f"\n(exit status {done.returncode}: {done.stderr.strip()[-500:]})" if done.returncode else "")
            print(found[f"python -m {module}"], flush=True)
    return found


def _load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.1f} (1 min), {five:.1f} (5 min) on {os.cpu_count()} cores"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="small data: a fast sanity run")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "BENCHMARKS.md")
    parser.add_argument("--only", default=",".join(GROUPS),
                        help=f"comma list of {', '.join(GROUPS)}; empty: only rewrite the report")
    parser.add_argument("--with-others", action="store_true",
                        help="also run the exports, first-sync and HQ-load scripts (long; they"
                             " write their own sections, which the report keeps either way)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    load_before = _load()
    sets = datasets.ensure(datasets.QUICK if args.quick else datasets.FULL)
    described = [f"{d.name}: " + ", ".join(f"{n:,} {t}" for t, n in datasets.row_counts(d).items())
                 for d in sets.values()]
    print("\n".join(described), flush=True)
    plan = _plan(sets, args.quick)
    groups = [g.strip() for g in args.only.split(",") if g.strip()]
    for group in groups:
        results = []
        for result in plan[group]():
            print(result.line(), "|", result.note, flush=True)
            results.append(result)
        _save(args.quick, group, results)
    results = _all_saved(args.quick)
    others = _others() if args.with_others and not args.quick else {}
    command = " ".join(["bench/run_all.py", *(argv if argv is not None else sys.argv[1:])])
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    runs = _note_runs(args.quick, groups, {"command": f".venv/bin/python {command}",
                                           "load": f"{when}; {load_before} before, {_load()} after"})
    report.write(args.out, results, runs, described, others)
    missed = [r for r in results if not r.passed]
    print(f"\n{len(results) - len(missed)} PASS, {len(missed)} MISS in {time.perf_counter() - started:.0f} s;"
          f" report: {args.out}")
    for r in missed:
        print("MISSED:", r.line())
    return 0


if __name__ == "__main__":
    sys.exit(main())
