"""The same batches as `generate`, with the pieces built in worker processes.

Workers are spawned (never forked: the caller may be a threaded GUI process) and run
`piece_tables`; the parent yields their tables strictly in piece order and keeps at most
two pieces per worker in flight, so memory stays bounded.
"""
from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterator
from dataclasses import replace
from itertools import islice

from .generator import Batch, DemoSpec, batches, generate, piece_tables, pieces

IN_FLIGHT_PER_WORKER = 2


def generate_in_processes(spec: DemoSpec, workers: int) -> Iterator[Batch]:
    spec = replace(spec, today=spec.resolved_today())
    work = list(pieces(spec))
    if workers < 2 or len(work) <= spec.branches + 1:  # one chunk: nothing to share
        yield from generate(spec)
        return
    context = multiprocessing.get_context("spawn")
    with context.Pool(workers) as pool:
        queue = iter(work)
        in_flight = deque(pool.apply_async(piece_tables, (spec, piece))
                          for piece in islice(queue, workers * IN_FLIGHT_PER_WORKER))
        while in_flight:
            tables = in_flight.popleft().get()
            for piece in islice(queue, 1):
                in_flight.append(pool.apply_async(piece_tables, (spec, piece)))
            yield from batches(tables)
