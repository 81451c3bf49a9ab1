"""The tracker's table: keyset pages from the database lane, clocks ticking in memory.

Static cells are formatted once per page; `tick(now)` re-reads every loaded clock from
its precomputed deadline (no database) and repaints the clock columns only.
"""
from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QColor

from claimcare_desktop.store import complaint_queries as queries
from claimcare_desktop.store.complaint_queries import ComplaintFilter, ComplaintRow

from ..common.table_roles import ALIGN, BACKGROUND, DISPLAY, HORIZONTAL, LEFT, TOOLTIP
from ..context import AppContext
from .clocks import clock_reading, deadline_tip
from .columns import (
    CLOCK_HEADERS,
    COLUMN_COUNT,
    CONTEXT,
    FIRST_CLOCK,
    STATIC_COLUMNS,
    SUMMARY_COLUMN,
    SUMMARY_HEADER,
    clocks_of,
)

log = logging.getLogger(__name__)
Cell = tuple[str, QColor | None, str]  # text, background, tooltip


class ComplaintsModel(QAbstractTableModel):
    sig_loading = Signal(bool)
    sig_count = Signal(int)
    sig_page_loaded = Signal()

    def __init__(self, ctx: AppContext, now, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._now = now  # () -> aware UTC datetime
        self._filter: ComplaintFilter | None = None
        self._rows: list[ComplaintRow] = []
        self._cells: list[list[Cell]] = []
        self._generation = 0
        self._cursor: queries.PageCursor | None = None
        self._exhausted = True
        self._loading = False
        headers = [c.header for c in STATIC_COLUMNS] + list(CLOCK_HEADERS) + [SUMMARY_HEADER]
        self._headers = [QCoreApplication.translate(CONTEXT, h) for h in headers]

    # ---- loading ----
    def set_filter(self, flt: ComplaintFilter) -> None:
        self.beginResetModel()
        self._filter = flt
        self._generation += 1
        self._rows, self._cells, self._cursor = [], [], None
        self._exhausted, self._loading = False, False
        self.endResetModel()
        self._load_page()
        self._load_count()

    def reload(self) -> None:
        if self._filter is not None:
            self.set_filter(self._filter)

    def is_loading(self) -> bool:
        return self._loading

    def canFetchMore(self, parent: QModelIndex = QModelIndex()) -> bool:
        return not parent.isValid() and not self._exhausted and not self._loading

    def fetchMore(self, parent: QModelIndex = QModelIndex()) -> None:
        if self.canFetchMore(parent):
            self._load_page()

    def _load_page(self) -> None:
        flt, generation, after, now = self._filter, self._generation, self._cursor, self._now()
        engine = self._ctx.profile.engine
        self._loading = True
        self.sig_loading.emit(True)

        def job(state):
            with engine.connect() as conn:
                return generation, queries.list_complaints(conn, flt, now, after=after)

        self._ctx.tasks.run_db(job, on_done=self._add_page, on_error=self._load_failed)

    def _add_page(self, result: tuple[int, queries.ComplaintPage]) -> None:
        generation, page = result
        if generation != self._generation:
            return
        self._loading = False
        self._cursor = page.next_cursor
        self._exhausted = page.next_cursor is None
        if page.rows:
            first = len(self._rows)
            now = self._now()
            self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
            self._rows.extend(page.rows)
            self._cells.extend(self._format(row, now) for row in page.rows)
            self.endInsertRows()
        self.sig_loading.emit(False)
        self.sig_page_loaded.emit()

    def _load_failed(self, error: BaseException) -> None:
        log.error("loading complaints failed", exc_info=error)
        self._loading, self._exhausted = False, True
        self.sig_loading.emit(False)

    def _load_count(self) -> None:
        flt, generation, engine = self._filter, self._generation, self._ctx.profile.engine

        def job(state):
            with engine.connect() as conn:
                return generation, queries.count_complaints(conn, flt)

        def done(result):
            if result[0] == self._generation:
                self.sig_count.emit(result[1])

        self._ctx.tasks.run_db(job, on_done=done)

    # ---- formatting and ticking ----
    @staticmethod
    def _clock_cells(row: ComplaintRow, now: datetime) -> list[Cell]:
        cells = []
        for clock in clocks_of(row):
            _state, text, colour = clock_reading(clock, now)
            cells.append((text, colour, deadline_tip(clock)))
        return cells

    def _format(self, row: ComplaintRow, now: datetime) -> list[Cell]:
        static = [(c.text(row), None, c.text(row)) for c in STATIC_COLUMNS]
        return static + self._clock_cells(row, now) + [(row.summary, None, row.summary)]

    def tick(self, now: datetime) -> None:
        if not self._rows:
            return
        for cells, row in zip(self._cells, self._rows):
            cells[FIRST_CLOCK:SUMMARY_COLUMN] = self._clock_cells(row, now)
        self.dataChanged.emit(self.index(0, FIRST_CLOCK),
                              self.index(len(self._rows) - 1, SUMMARY_COLUMN - 1))

    # ---- Qt model ----
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else COLUMN_COUNT

    def data(self, index: QModelIndex, role: int = DISPLAY) -> Any:
        if role == DISPLAY:
            return self._cells[index.row()][index.column()][0]
        if role == BACKGROUND:
            return self._cells[index.row()][index.column()][1]
        if role == TOOLTIP:
            return self._cells[index.row()][index.column()][2]
        if role == ALIGN:
            return LEFT
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if role == DISPLAY and orientation == HORIZONTAL:
            return self._headers[section]
        return None

    def row_at(self, row: int) -> ComplaintRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, complaint_id: str) -> int:
        return next((i for i, row in enumerate(self._rows) if row.id == complaint_id), -1)

    def clock_state(self, row: int, clock: int, now: datetime) -> str:
        return clock_reading(clocks_of(self._rows[row])[clock], now)[0]
