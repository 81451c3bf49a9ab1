"""Opening a care profile on screen: `python -m bench.bench_care_profile_view PROFILE NAME`.

The real care profile workspace in a 1280x800 window; from `open_customer` (what a search
hit or the queue's "Open customer" calls) to the profile painted: the DB job on the
worker, the queued result, every section filled, the window repainted. The customer is
the one with the longest history (see bench_care_profile). Wall clock, p95; target 100 ms.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

from .qt_harness import application, close_context, make_context, wait_until  # noqa: I001

from claimcare_desktop.ui.care_profile.workspace import Workspace

from .bare_sql import open_bare
from .bench_care_profile import MAX_MS, richest_customer
from .measure import Result, median, p95

RUNS = 25


def open_ms(ws: Workspace, customer_id: str) -> float:
    ws.profile = None
    started = time.perf_counter()
    ws.open_customer(customer_id)
    wait_until(lambda: ws.profile is not None and ws.profile.header.id == customer_id)
    ws.repaint()
    return (time.perf_counter() - started) * 1000


def main(argv: list[str]) -> None:
    application()
    directory, name = Path(argv[0]), argv[1]
    ctx = make_context(directory)
    bare = open_bare(ctx.profile.database_path)
    customer_id, history = richest_customer(bare)
    bare.close()
    ws = Workspace(ctx)
    ws.resize(1280, 800)
    ws.show()
    open_ms(ws, customer_id)  # first build of the sections' widgets
    times = [open_ms(ws, customer_id) for _ in range(RUNS)]
    print(Result("care profile", f"open the richest profile on screen @ {name}", p95(times), None,
                 "ms", f"< {MAX_MS:g} ms", p95(times) < MAX_MS,
                 f"{history} history rows, wall p95 of {RUNS} (median {median(times):.0f} ms):"
                 " DB job, result to the GUI thread, sections filled, repaint").to_json(), flush=True)
    ws.close()
    close_context(ctx)


if __name__ == "__main__":
    main(sys.argv[1:])
