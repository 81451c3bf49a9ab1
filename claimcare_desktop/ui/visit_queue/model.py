"""The queue's table model: pages of ~200 rows fetched on the DB lane as the view scrolls.

Rows are formatted once per page (`row_look`: display strings, colours) so `data()` is a
couple of lookups, and the view paints through `QueueCellDelegate`, which reads the same
looks without asking `data()` role by role; roles are compared with cached ints
(FIELD-NOTES: the enum lookup costs more than the rest of `data()`). A filter change bumps `_generation`, so a page that arrives
for an older filter is dropped.

A reload after a change (`reload(reach=key)`) reads pages until the list passes the user's
place, then says so (`sig_reloaded`), so the screen can select and show it again.

The row count grows as the view fetches more, but only a few pages keep their rows
(`pages.PageMemory`): memory stays flat at a million visits. A row whose page was let
go is blank until its page, asked for again by keyset, comes back (`dataChanged`).
"""
from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, Signal

from claimcare_desktop.store import visit_queue as queue
from claimcare_desktop.store.visit_queue import QueueCount, QueueFilter, QueuePlan, QueueRow

from ..common.table_roles import ALIGN, BACKGROUND, DISPLAY, FOREGROUND, HORIZONTAL, TOOLTIP
from ..context import AppContext
from ..tasks import Task
from .columns import COLUMNS, DUE_COLUMN, RISK_COLUMN
from .pages import Key, PageMemory
from .row_look import ALIGNMENTS, OVERDUE, RISK_COLOURS, page_looks

log = logging.getLogger(__name__)

_ALIGNMENTS = tuple(int(alignment) for alignment in ALIGNMENTS)
MAX_PAGES = 10  # rows held: 2,000 (a few MiB), many screens around the view


@dataclass
class _Page:
    generation: int
    rows: list[QueueRow]
    plan: QueuePlan
    after: Key | None

    def take_rows(self) -> list[QueueRow]:
        """The rows, handed over once, so the finished Task that returned this page does
        not keep them (see `_run_db`)."""
        rows, self.rows = self.rows, []
        return rows


class QueueModel(QAbstractTableModel):
    sig_loading = Signal(bool)
    sig_count = Signal(object)  # QueueCount
    sig_page_loaded = Signal()
    sig_reloaded = Signal()  # a reload has read as far as the key it was asked to reach

    def __init__(self, ctx: AppContext, parent: QObject | None = None,
                 page_size: int = queue.PAGE_SIZE, max_pages: int = MAX_PAGES) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._filter: QueueFilter | None = None
        self._pages = PageMemory(page_size, max_pages)
        self.looks = self._pages.by_row  # row -> RowLook of the rows held: data()'s one lookup
        self._refills: dict[int, Task] = {}  # page number -> its re-read on the DB lane
        self._last_key: Key | None = None
        self._generation = 0
        self._plan: QueuePlan | None = None
        self._reach: Key | None = None  # a reload reads on until its pages pass this key
        self._exhausted = True
        self._loading = False
        self._headers = [c.title() for c in COLUMNS]
        # The view's owner sets this and calls `start_pending_count()` once the first page
        # is painted: at a million visits the count reads up to 20,000 index entries
        # (~40 ms), which would otherwise share the machine with the first frame.
        self.count_after_paint = False
        self.count_pending = False

    # ---- loading ----
    @property
    def filter(self) -> QueueFilter | None:
        return self._filter

    def set_filter(self, flt: QueueFilter) -> None:
        self.beginResetModel()
        self._filter = flt
        self._generation += 1
        self._pages = PageMemory(self._pages.page_size, self._pages.max_pages)
        self.looks = self._pages.by_row
        for task in self._refills.values():
            task.cancel()
        self._refills.clear()
        self._last_key = None
        self._plan = None
        self._reach = None
        self._exhausted = False
        # Loading from here on: the view, told of the reset, must not ask for the first
        # page too (it did, through fetchMore, and every row was shown twice).
        self._loading = True
        self.count_pending = False
        self.endResetModel()
        self._load_page()

    def reload(self, reach: Key | None = None) -> None:
        """The same filter read again from its start; with `reach`, page after page until
        the rows pass that key (or the list ends), then `sig_reloaded`."""
        if self._filter is not None:
            self.set_filter(self._filter)
            self._reach = reach

    def is_reloading(self) -> bool:
        return self._reach is not None

    def _read_on(self, last_key: Key | None) -> bool:
        """After a page of a reload: read the next one too? (else the reload is done)"""
        if self._reach is None:
            return False
        passed = last_key is not None and (
            last_key <= self._reach if self._filter.descending else last_key >= self._reach)
        if passed or self._exhausted:
            self._reach = None
            self.sig_reloaded.emit()
            return False
        return True

    def is_loading(self) -> bool:
        return self._loading

    def canFetchMore(self, parent: QModelIndex = QModelIndex()) -> bool:
        return not parent.isValid() and not self._exhausted and not self._loading

    def fetchMore(self, parent: QModelIndex = QModelIndex()) -> None:
        if self.canFetchMore(parent):
            self._load_page()

    def _read_job(self, after: Key | None):
        """A DB-lane job reading the page after `after` for the current filter."""
        flt, generation, known_plan = self._filter, self._generation, self._plan
        limit = self._pages.page_size

        def job(state):
            if generation != self._generation or state.cancelled():  # no longer wanted
                return _Page(generation, [], known_plan, after)
            with self._ctx.profile.engine.connect() as conn:
                qplan = known_plan or queue.plan(conn, flt)
                rows = queue.fetch_page(conn, flt, after, limit=limit, qplan=qplan)
                return _Page(generation, rows, qplan, after)

        return job

    def _run_db(self, job, on_done, on_error) -> Task:
        task = self._ctx.tasks.run_db(job, on_done=on_done, on_error=on_error)
        # A finished Task is otherwise never freed (a connection of the TaskRunner's holds
        # it, ~6 KiB) nor its result. deleteLater needs the app's event loop; where there
        # is none (tests, benchmarks) the page's rows are still let go by `take_rows`.
        task.sig_finished.connect(task.deleteLater)
        return task

    def _load_page(self) -> None:
        self._loading = True
        self.sig_loading.emit(True)
        self._run_db(self._read_job(self._last_key), self._add_page, self._load_failed)

    def _add_page(self, page: _Page) -> None:
        if page.generation != self._generation:
            return
        self._loading = False
        first_page = self._plan is None
        self._plan = page.plan
        rows = page.take_rows()
        self._exhausted = len(rows) < self._pages.page_size
        if rows:
            first = self._pages.rows
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._pages.add_page(page.after, self._looks(rows))
            self._last_key = rows[-1].key
            self.endInsertRows()
            self._let_go()
        self.sig_loading.emit(False)
        self.sig_page_loaded.emit()
        if first_page:
            self.count_pending = True
            if not (self.count_after_paint and rows):
                self.start_pending_count()
        if self._read_on(self._last_key) and not self._loading:  # the view may have asked already
            self._load_page()

    def _looks(self, rows: list[QueueRow]):
        return page_looks(rows, self._filter.today if self._filter else None)

    # ---- pages let go and read again ----
    def _refill(self, number: int) -> None:
        """Read page `number` again (the view needs a row of it); at most `max_pages`
        re-reads wait at a time, the oldest is dropped (the view has moved on)."""
        if number in self._refills or self._plan is None:
            return
        self._pages.focus = number
        if len(self._refills) >= self._pages.max_pages:
            oldest = next(iter(self._refills))
            self._refills.pop(oldest).cancel()
        self._refills[number] = self._run_db(
            self._read_job(self._pages.starts[number]),
            lambda page, number=number: self._refilled(number, page),
            lambda error, number=number: self._refill_failed(number, error))

    def _refilled(self, number: int, page: _Page) -> None:
        if page.generation != self._generation:
            return
        self._refills.pop(number, None)
        self._pages.refill(number, self._looks(page.take_rows()))
        first = number * self._pages.page_size
        last = min(first + self._pages.page_size, self._pages.rows) - 1
        self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))
        self._let_go()

    def _refill_failed(self, number: int, error: BaseException) -> None:
        log.error("reading page %d of the visit queue again failed", number, exc_info=error)
        self._refills.pop(number, None)

    def _let_go(self) -> None:
        pinned = {self._pages.page_of(index.row()) for index in self.persistentIndexList()}
        self._pages.let_go(pinned)

    def rows_held(self) -> int:
        """Rows whose data is in memory (at most `max_pages` pages)."""
        return self._pages.rows_held()

    def _load_failed(self, error: BaseException) -> None:
        log.error("loading the visit queue failed", exc_info=error)
        self._loading = False
        self._exhausted = True
        self._reach = None
        self.sig_loading.emit(False)

    def start_pending_count(self) -> None:
        """Read how many visits the filter has, once per filter, after its first page."""
        if self.count_pending:
            self.count_pending = False
            self._load_count()

    def _load_count(self) -> None:
        flt, generation, qplan = self._filter, self._generation, self._plan

        def job(state):
            if generation != self._generation:
                return generation, None
            with self._ctx.profile.engine.connect() as conn:
                return generation, queue.count(conn, flt, qplan)

        self._run_db(job, self._count_loaded, None)  # a method: skipped once the model is gone

    def _count_loaded(self, result: tuple[int, QueueCount | None]) -> None:
        if result[0] == self._generation:
            self.sig_count.emit(result[1])

    # ---- Qt model ----
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._pages.rows

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def row_needed(self, row: int) -> str:
        """A row whose page is not held: blank until the page is read again."""
        number = self._pages.page_of(row)
        if number not in self._pages.held:  # else: it came back shorter (rows changed)
            self._refill(number)
        return ""

    def data(self, index: QModelIndex, role: int = DISPLAY):
        if role == DISPLAY or role == TOOLTIP:
            look = self.looks.get(index.row())
            return look.texts[index.column()] if look is not None else self.row_needed(index.row())
        if role == ALIGN:
            return _ALIGNMENTS[index.column()]
        if role == BACKGROUND and index.column() == RISK_COLUMN:
            look = self.looks.get(index.row())
            return RISK_COLOURS[look.risk_level] if look is not None and look.risk_level else None
        if role == FOREGROUND and index.column() == DUE_COLUMN:
            look = self.looks.get(index.row())
            return OVERDUE if look is not None and look.overdue else None
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY):
        if role == DISPLAY and orientation == HORIZONTAL:
            return self._headers[section]
        return None

    def row_at(self, row: int) -> QueueRow | None:
        """The row's data, or None when it is out of range or its page is not held."""
        return self._pages.row(row) if 0 <= row < self._pages.rows else None

    def row_of(self, visit_id: str) -> int:
        """The row of `visit_id` among the pages held, else -1."""
        return next((number for number, look in self.looks.items()
                     if look.row.visit_id == visit_id), -1)

    def first_row_after(self, key: Key) -> int:
        """The first row held that comes after `key` in the list's order, else -1."""
        descending = self._filter is not None and self._filter.descending
        after = [number for number, look in self.looks.items()
                 if (look.row.key < key if descending else look.row.key > key)]
        return min(after, default=-1)
