"""The queue model holds a bounded number of rows however far the view scrolls, and reads
let-go pages again by keyset when the view comes back to them."""
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTableView

from claimcare_desktop.store.visit_queue import QueueFilter, fetch_page
from claimcare_desktop.ui.visit_queue.model import QueueModel

from ..seed import TODAY

PAGE, KEPT = 5, 3


def _view(qtbot, model):
    view = QTableView()
    view.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no current row unless a test selects one
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(20)
    view.setModel(model)
    view.resize(600, 150)  # about five rows on screen
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    return view


def _everything(profile, flt):
    with profile.engine.connect() as conn:
        return fetch_page(conn, flt, limit=100_000)


def _scroll_down(qtbot, view, model, until=lambda: False):
    """Page by page to the end (or `until()`), as the view does at the bottom: fetch the
    next page, then paint it."""
    most_held = model.rows_held()
    while not until():
        qtbot.waitUntil(lambda: not model.is_loading())  # the view may have asked itself
        most_held = max(most_held, model.rows_held())
        if not model.canFetchMore():
            break
        model.fetchMore()
        qtbot.waitUntil(lambda: not model.is_loading())
        view.scrollToBottom()
        view.viewport().repaint()
    return most_held


def _show(qtbot, view, model, row):
    """Scroll `row` into view and paint, as a user would; wait until its page is held."""
    view.scrollTo(model.index(row, 0))
    view.viewport().repaint()
    qtbot.waitUntil(lambda: model.row_at(row) is not None)


def test_rows_held_stay_bounded_to_the_end_and_back(qtbot, qtmodeltester, seeded, make_ctx):
    ctx = make_ctx(seeded.supervisor)
    flt = QueueFilter(seeded.branch_id, TODAY, "done")
    expected = _everything(ctx.profile, flt)
    assert len(expected) > 4 * PAGE * KEPT  # many more pages than are kept
    model = QueueModel(ctx, page_size=PAGE, max_pages=KEPT)
    view = _view(qtbot, model)
    model.set_filter(flt)
    qtbot.waitUntil(lambda: model.rowCount() > 0 and not model.is_loading())
    most_held = _scroll_down(qtbot, view, model)
    assert model.rowCount() == len(expected)
    assert most_held <= PAGE * KEPT
    last = len(expected) - 1
    assert model.row_at(last) == expected[last]
    assert model.row_at(0) is None  # let go long ago
    for row in (0, 1, len(expected) // 2, 2):  # back up: read again from each page's key
        _show(qtbot, view, model, row)
        assert model.row_at(row) == expected[row]
        assert model.data(model.index(row, 0)) == expected[row].customer_name
    assert model.rows_held() <= PAGE * KEPT
    qtmodeltester.check(model)


def test_the_selected_row_is_kept_while_far_pages_come_and_go(qtbot, seeded, make_ctx):
    ctx = make_ctx(seeded.supervisor)
    flt = QueueFilter(seeded.branch_id, TODAY, "done")
    expected = _everything(ctx.profile, flt)
    model = QueueModel(ctx, page_size=PAGE, max_pages=KEPT)
    view = _view(qtbot, model)
    model.set_filter(flt)
    qtbot.waitUntil(lambda: model.rowCount() > 0 and not model.is_loading())
    view.selectRow(1)
    _scroll_down(qtbot, view, model, until=lambda: model.rowCount() >= 6 * PAGE * KEPT)
    assert model.rowCount() >= 6 * PAGE * KEPT
    assert view.currentIndex().row() == 1
    assert model.row_at(1) == expected[1]  # its page is pinned by the selection
    assert model.rows_held() <= PAGE * (KEPT + 1)


def test_a_filter_change_forgets_every_page(qtbot, seeded, make_ctx):
    ctx = make_ctx(seeded.supervisor)
    model = QueueModel(ctx, page_size=PAGE, max_pages=KEPT)
    model.set_filter(QueueFilter(seeded.branch_id, TODAY, "done"))
    qtbot.waitUntil(lambda: model.rowCount() > 0 and not model.is_loading())
    upcoming = QueueFilter(seeded.branch_id, TODAY, "upcoming")
    model.set_filter(upcoming)
    qtbot.waitUntil(lambda: model.rowCount() > 0 and not model.is_loading())
    assert model.rowCount() == PAGE
    assert [model.row_at(i) for i in range(PAGE)] == _everything(ctx.profile, upcoming)[:PAGE]
