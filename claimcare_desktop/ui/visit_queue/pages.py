"""The queue's page memory: every page's first key, but the rows of only a few pages.

A page is `page_size` rows in queue order; page k starts after the key kept in
`starts[k]` (None for the first). Only `max_pages` pages keep their rows (each a
`RowLook`: the `QueueRow` and its formatted cells, ~2 KiB a row), also indexed by row
number in `by_row` for the model's `data()` and the cell delegate (one dict lookup per
cell painted); when one more arrives, the page farthest from where the view last asked
for rows is let go, so memory stays flat however far the user scrolls. A let-go page is
read again by its start key when the view comes back to it.
"""
from __future__ import annotations

from collections.abc import Iterable

from claimcare_desktop.store.visit_queue import QueueRow

from .row_look import RowLook

Key = tuple[str, str]


class PageMemory:
    def __init__(self, page_size: int, max_pages: int) -> None:
        self.page_size = page_size
        self.max_pages = max_pages
        self.starts: list[Key | None] = []
        self.held: dict[int, list[RowLook]] = {}
        self.by_row: dict[int, RowLook] = {}
        self.rows = 0  # rows known so far: the view's row count
        self.focus = 0  # the page the view last needed

    def page_of(self, row: int) -> int:
        return row // self.page_size

    def add_page(self, start: Key | None, page: list[RowLook]) -> int:
        """Append the next page of the list; returns its number."""
        number = len(self.starts)
        self.starts.append(start)
        self.rows += len(page)
        self.refill(number, page)
        self.focus = number
        return number

    def refill(self, number: int, page: list[RowLook]) -> None:
        self._forget(number)
        self.held[number] = page
        first = number * self.page_size
        self.by_row.update(enumerate(page, first))

    def _forget(self, number: int) -> None:
        page = self.held.pop(number, None)
        if page is not None:
            first = number * self.page_size
            for row in range(first, first + len(page)):
                del self.by_row[row]

    def row(self, row: int) -> QueueRow | None:
        look = self.by_row.get(row)
        return look.row if look is not None else None

    def rows_held(self) -> int:
        return sum(len(page) for page in self.held.values())

    def let_go(self, pinned: Iterable[int] = ()) -> list[int]:
        """Drop the pages farthest from the focus until at most `max_pages` are held
        (never a pinned one: the view's current row or selection); returns those dropped."""
        keep = set(pinned)
        candidates = sorted((n for n in self.held if n not in keep),
                            key=lambda n: abs(n - self.focus))
        dropped = []
        while len(self.held) > self.max_pages and candidates:
            number = candidates.pop()
            self._forget(number)
            dropped.append(number)
        return dropped
