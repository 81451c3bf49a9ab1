"""The visit queue on screen: first paint at two sizes, and one scroll frame.

Run as a child process (one QApplication, offscreen):
    python -m bench.bench_queue_view SMALL_PROFILE SMALL_NAME BIG_PROFILE BIG_NAME

- First paint: the real queue workspace in a 1280x800 window; from `set_filter` (what a
  tab or filter change calls) to the end of the viewport's first paint showing rows, as
  the event loop makes it: the DB job on the worker, the queued result, rows formatted,
  the delayed layout, the viewport painted. Same moves at both sizes,
  alternated; timed on the process's CPU clock (the GUI thread and the DB worker
  together: the work, without the waits other jobs on the machine cause), wall clock in
  the note; p95 compared (target: big at most 1.2x small). The count of the tab, started
  after the first frame, is waited for before the next run.
- Scroll frame: with 1,000 rows loaded, move the scroll bar by three rows (a wheel
  notch) and paint the viewport, in the real view and in a QTableView over a
  QStandardItemModel holding the same rows with the same roles (text, alignment,
  risk background, overdue foreground), painted by Qt's own delegate. The two views
  alternate frame by frame; each frame is timed on the GUI thread's CPU clock (all of a
  frame's work is on that thread, offscreen), so another job taking the CPU does not
  count; the wall-clock p95 is in the note. Target: p95 at most 1.5x.
"""
from __future__ import annotations

import sys
import time
from dataclasses import replace
from pathlib import Path

from .qt_harness import application, close_context, make_context, wait_until  # noqa: I001

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from claimcare_desktop.store.visit_queue import QueueFilter
from claimcare_desktop.ui.visit_queue.columns import COLUMNS
from claimcare_desktop.ui.visit_queue.workspace import ROW_HEIGHT, Workspace

from .datasets import TODAY
from .measure import Result, median, p95, ratio_result

FIRST_PAINT_RUNS = 40
SCROLL_ROWS = 1000
SCROLL_FRAMES = 600
WHEEL_ROWS = 3
TABS = ("today", "overdue")


def open_workspace(profile_dir: Path) -> Workspace:
    ctx = make_context(profile_dir)
    ws = Workspace(ctx)
    ws.resize(1280, 800)
    ws.show()
    wait_settled(ws)
    return ws


def wait_settled(ws: Workspace) -> None:
    """Until no page or count job of this workspace is still on the DB lane."""
    wait_until(lambda: not ws.ctx.tasks.busy())


class FirstFrame(QObject):
    """When the view's first paint showing rows ended: (process CPU, wall) clock values."""

    def __init__(self, ws: Workspace) -> None:
        super().__init__()
        self.ws = ws
        self.at: tuple[float, float] | None = None
        ws.table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Paint or not self.ws.model.rowCount():
            return False
        watched.removeEventFilter(self)
        QCoreApplication.sendEvent(watched, event)  # the paint, done now, inside its own frame
        self.at = (time.process_time(), time.perf_counter())
        return True


def first_paint_ms(ws: Workspace, flt: QueueFilter) -> tuple[float, float]:
    """(CPU, wall) milliseconds from the filter set to its first page painted, the way the
    event loop paints it."""
    counts = []
    ws.model.sig_count.connect(counts.append)
    cpu, wall = time.process_time(), time.perf_counter()
    ws.model.set_filter(flt)
    frame = FirstFrame(ws)
    wait_until(lambda: frame.at is not None)
    elapsed = ((frame.at[0] - cpu) * 1000, (frame.at[1] - wall) * 1000)
    wait_until(lambda: bool(counts))  # the count (started after the first frame) too,
    ws.model.sig_count.disconnect(counts.append)  # so the next run starts from a quiet lane
    return elapsed


def _filters(ws: Workspace) -> dict[str, QueueFilter]:
    base = QueueFilter(ws.ctx.user.branch_id, TODAY)
    return {tab: replace(base, tab=tab) for tab in TABS}


def first_paint(small: Workspace, small_name: str, big: Workspace, big_name: str) -> list[Result]:
    results = []
    for tab in TABS:
        small_flt, big_flt = _filters(small)[tab], _filters(big)[tab]
        small_ms, big_ms = [], []
        for _ in range(FIRST_PAINT_RUNS):
            small_ms.append(first_paint_ms(small, small_flt))
            big_ms.append(first_paint_ms(big, big_flt))
        (small_cpu, small_wall), (big_cpu, big_wall) = zip(*small_ms), zip(*big_ms)
        results.append(ratio_result(
            "visit queue", f"first paint, {tab} tab @ {big_name} (baseline @ {small_name})",
            p95(big_cpu), p95(small_cpu), 1.2,
            note=f"CPU p95 of {FIRST_PAINT_RUNS}, medians {median(big_cpu):.0f} vs"
            f" {median(small_cpu):.0f} ms; wall p95 {p95(big_wall):.0f} vs {p95(small_wall):.0f},"
            f" medians {median(big_wall):.0f} vs {median(small_wall):.0f} ms"))
    return results


# ---- scroll frame -------------------------------------------------------------------------

def load_rows(ws: Workspace, wanted: int) -> None:
    ws.model.set_filter(QueueFilter(ws.ctx.user.branch_id, TODAY, "done", descending=True))
    wait_settled(ws)
    while ws.model.rowCount() < wanted and ws.model.canFetchMore():
        ws.model.fetchMore()
        wait_settled(ws)


def standard_model(ws: Workspace) -> QStandardItemModel:
    """The same rows and roles as the queue model, held by Qt's C++ item model."""
    source = ws.model
    plain = QStandardItemModel(source.rowCount(), source.columnCount())
    roles = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.TextAlignmentRole,
             Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole)
    for row in range(source.rowCount()):
        for column in range(source.columnCount()):
            item = QStandardItem()
            index = source.index(row, column)
            for role in roles:
                value = source.data(index, int(role))
                if value is not None:
                    item.setData(value, role)
            plain.setItem(row, column, item)
    for column in range(source.columnCount()):
        plain.setHeaderData(column, Qt.Orientation.Horizontal, source.headerData(column, Qt.Orientation.Horizontal))
    return plain


def twin_view(ws: Workspace, model: QStandardItemModel) -> QTableView:
    """A table configured like the workspace's, at the same size."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    for i, column in enumerate(COLUMNS):
        view.setColumnWidth(i, column.width)
    view.resize(ws.table.size())
    view.show()
    return view


class Scroller:
    """Moves a view down by a wheel notch a frame, back to the top near the end."""

    def __init__(self, view: QTableView) -> None:
        self.view = view
        self.bar = view.verticalScrollBar()
        self.bar.setValue(0)
        QCoreApplication.processEvents()
        self.limit = int(self.bar.maximum() * 0.8)  # stay clear of fetch-more at the end
        self.cpu_ms: list[float] = []
        self.wall_ms: list[float] = []

    def frame(self) -> None:
        value = self.bar.value() + WHEEL_ROWS
        value = value if value <= self.limit else 0
        wall, cpu = time.perf_counter(), time.thread_time()
        self.bar.setValue(value)
        self.view.viewport().repaint()
        self.cpu_ms.append((time.thread_time() - cpu) * 1000)
        self.wall_ms.append((time.perf_counter() - wall) * 1000)


def scroll_frame(ws: Workspace, name: str) -> Result:
    load_rows(ws, SCROLL_ROWS)
    plain = standard_model(ws)
    twin = twin_view(ws, plain)
    QCoreApplication.processEvents()
    real, baseline = Scroller(ws.table), Scroller(twin)
    for _ in range(SCROLL_FRAMES):  # alternate frame by frame: both see the same machine
        real.frame()
        baseline.frame()
    twin.close()
    return ratio_result("visit queue", f"scroll frame (3 rows) @ {name}", p95(real.cpu_ms),
                        p95(baseline.cpu_ms), 1.5,
                        note=f"{ws.model.rowCount()} rows loaded, CPU p95 of {SCROLL_FRAMES} frames"
                        f" each, alternated; medians {median(real.cpu_ms):.1f} vs"
                        f" {median(baseline.cpu_ms):.1f} ms; wall p95 {p95(real.wall_ms):.1f} vs"
                        f" {p95(baseline.wall_ms):.1f} ms")


def main(argv: list[str]) -> None:
    application()
    small_dir, small_name, big_dir, big_name = Path(argv[0]), argv[1], Path(argv[2]), argv[3]
    small, big = open_workspace(small_dir), open_workspace(big_dir)
    results = first_paint(small, small_name, big, big_name)
    results.append(scroll_frame(small, small_name))
    for result in results:
        print(result.to_json(), flush=True)
    for ws in (small, big):
        ws.close()
        close_context(ws.ctx)


if __name__ == "__main__":
    main(sys.argv[1:])
