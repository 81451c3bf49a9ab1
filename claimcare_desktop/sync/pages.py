"""Pull pages fetched one ahead on a helper thread, so HQ serves the next page while this PC
writes the current one (on a first sync each side is about half of the time).

The next page's cursor is known as soon as a page arrives, so fetching ahead changes nothing
about what is applied or when the cursor is stored: pages are still applied one by one, in
order, each with its cursor. At most `ahead` pages wait in memory.
"""
from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterator

from .protocol import PullPage

_DONE = object()


class _Failed:
    def __init__(self, error: BaseException):
        self.error = error


def _fetch_all(fetch: Callable[[int], PullPage], cursor: int, out: queue.Queue,
               stop: threading.Event) -> None:
    try:
        while not stop.is_set():
            page = fetch(cursor)
            out.put(page)
            if not page["has_more"]:
                break
            cursor = page["next_cursor"]
    except BaseException as exc:  # handed to the consumer, which raises it on its thread
        out.put(_Failed(exc))
    out.put(_DONE)


def prefetched_pages(fetch: Callable[[int], PullPage], cursor: int,
                     ahead: int = 1) -> Iterator[PullPage]:
    """Pages from `cursor` until HQ has no more; closing the iterator stops the fetching."""
    pages: queue.Queue = queue.Queue(maxsize=ahead)
    stop = threading.Event()
    worker = threading.Thread(target=_fetch_all, args=(fetch, cursor, pages, stop),
                              name="sync-pull", daemon=True)
    worker.start()
    try:
        while (item := pages.get()) is not _DONE:
            if isinstance(item, _Failed):
                raise item.error
            yield item
    finally:
        stop.set()
        while worker.is_alive():  # unblock a worker waiting to put, then let it finish
            try:
                pages.get(timeout=0.1)
            except queue.Empty:
                pass
        worker.join()
