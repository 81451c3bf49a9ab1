"""The queue's table model: pages of ~200 rows fetched on the DB lane as the view scrolls.

Rows are formatted once per page (display strings, colours) so `data()` is a couple of
list lookups; roles are compared with cached ints (FIELD-NOTES: the enum lookup costs
more than the rest of `data()`). A filter change bumps `_generation`, so a page that
arrives for an older filter is dropped.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QColor

from claimcare_desktop.store import visit_queue as queue
from claimcare_desktop.store.visit_queue import QueueCount, QueueFilter, QueuePlan, QueueRow

from ..context import AppContext
from .columns import COLUMNS, DUE_COLUMN, RISK_COLUMN

log = logging.getLogger(__name__)

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_HORIZONTAL = Qt.Orientation.Horizontal
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_RISK_COLOURS = {"high": QColor("#fde2e1"), "medium": QColor("#fff1cc"), "low": QColor("#e3f4e1")}
_OVERDUE = QColor("#b3261e")


@dataclass(frozen=True)
class _Page:
    generation: int
    rows: list[QueueRow]
    plan: QueuePlan


class QueueModel(QAbstractTableModel):
    sig_loading = Signal(bool)
    sig_count = Signal(object)  # QueueCount
    sig_page_loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._filter: QueueFilter | None = None
        self._rows: list[QueueRow] = []
        self._cells: list[list[str]] = []
        self._generation = 0
        self._plan: QueuePlan | None = None
        self._exhausted = True
        self._loading = False
        self._headers = [c.title() for c in COLUMNS]

    # ---- loading ----
    @property
    def filter(self) -> QueueFilter | None:
        return self._filter

    def set_filter(self, flt: QueueFilter) -> None:
        self.beginResetModel()
        self._filter = flt
        self._generation += 1
        self._rows, self._cells = [], []
        self._plan = None
        self._exhausted = False
        self._loading = False
        self.endResetModel()
        self._load_page()

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
        flt, generation, known_plan = self._filter, self._generation, self._plan
        after = self._rows[-1].key if self._rows else None
        self._loading = True
        self.sig_loading.emit(True)

        def job(state):
            if generation != self._generation:  # the filter changed while this waited
                return _Page(generation, [], known_plan)
            with self._ctx.profile.engine.connect() as conn:
                qplan = known_plan or queue.plan(conn, flt)
                return _Page(generation, queue.fetch_page(conn, flt, after, qplan=qplan), qplan)

        self._ctx.tasks.run_db(job, on_done=self._add_page, on_error=self._load_failed)

    def _add_page(self, page: _Page) -> None:
        if page.generation != self._generation:
            return
        self._loading = False
        first_page = self._plan is None
        self._plan = page.plan
        self._exhausted = len(page.rows) < queue.PAGE_SIZE
        if page.rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
            self._rows.extend(page.rows)
            self._cells.extend([c.text(row) for c in COLUMNS] for row in page.rows)
            self.endInsertRows()
        self.sig_loading.emit(False)
        self.sig_page_loaded.emit()
        if first_page:
            self._load_count()

    def _load_failed(self, error: BaseException) -> None:
        log.error("loading the visit queue failed", exc_info=error)
        self._loading = False
        self._exhausted = True
        self.sig_loading.emit(False)

    def _load_count(self) -> None:
        flt, generation, qplan = self._filter, self._generation, self._plan

        def job(state):
            if generation != self._generation:
                return generation, None
            with self._ctx.profile.engine.connect() as conn:
                return generation, queue.count(conn, flt, qplan)

        def done(result: tuple[int, QueueCount | None]):
            if result[0] == self._generation:
                self.sig_count.emit(result[1])

        self._ctx.tasks.run_db(job, on_done=done)

    # ---- Qt model ----
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: QModelIndex, role: int = _DISPLAY):
        if role == _DISPLAY or role == _TOOLTIP:
            return self._cells[index.row()][index.column()]
        if role == _ALIGN:
            return _RIGHT if COLUMNS[index.column()].numeric else _LEFT
        if role == _BACKGROUND and index.column() == RISK_COLUMN:
            return _RISK_COLOURS.get(self._rows[index.row()].risk_level)
        if role == _FOREGROUND and index.column() == DUE_COLUMN:
            row = self._rows[index.row()]
            if row.status == "open" and self._filter and row.due_date < self._filter.today:
                return _OVERDUE
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY):
        if role == _DISPLAY and orientation == _HORIZONTAL:
            return self._headers[section]
        return None

    def row_at(self, row: int) -> QueueRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, visit_id: str) -> int:
        for i, row in enumerate(self._rows):
            if row.visit_id == visit_id:
                return i
        return -1
