"""After a change (a visit logged, a sync) the queue reads its rows again but keeps the
user's place: the row they worked on, or the one that took its place, selected at the
same height on screen, even several pages down."""
import pytest

from claimcare_desktop.ui.visit_queue import workspace as queue_workspace
from claimcare_desktop.ui.visit_queue.workspace import ROW_HEIGHT, Workspace

PAGE = 3  # the upcoming tab's 10 visits are four pages


@pytest.fixture
def ws(qtbot, seeded, make_ctx, monkeypatch):
    monkeypatch.setattr(queue_workspace, "PAGE_SIZE", PAGE)
    ws = Workspace(make_ctx(seeded.supervisor))
    qtbot.addWidget(ws)
    ws.resize(1000, 400)
    ws.show()
    qtbot.waitExposed(ws)
    ws.filters.tabs.setCurrentIndex(2)  # upcoming
    ws.table.setFixedHeight(ROW_HEIGHT * 4 + 4)  # four rows on screen
    qtbot.waitUntil(lambda: not ws.model.is_loading() and ws.model.rowCount() > 0)
    while ws.model.canFetchMore():
        ws.model.fetchMore()
        qtbot.waitUntil(lambda: not ws.model.is_loading())
    assert ws.model.rowCount() >= 3 * PAGE
    return ws


def _work_at(qtbot, ws, row, top):
    ws.table.selectRow(row)
    ws.table.verticalScrollBar().setValue(top)
    assert ws.table.verticalScrollBar().value() == top
    return ws.model.row_at(row), ws.model.row_at(row + 1)


def _selected(ws):
    return ws.model.row_at(ws.table.currentIndex().row())


def _reloaded(qtbot, ws, change):
    with qtbot.waitSignal(ws.model.sig_reloaded, timeout=10_000):
        change()
    assert ws.model.rowCount() > PAGE  # read on past the first page, to the place
    shown = [ws.model.row_at(row).visit_id for row in range(ws.model.rowCount())]
    assert len(shown) == len(set(shown))  # each page read once (the reset used to read two)


def test_a_change_elsewhere_keeps_the_selected_visit_where_it_was(qtbot, ws):
    worked, _ = _work_at(qtbot, ws, 2 * PAGE + 1, top=PAGE + 1)
    _reloaded(qtbot, ws, lambda: ws.ctx.changes.notify({"customers"}))
    assert _selected(ws).visit_id == worked.visit_id
    assert ws.table.currentIndex().row() == 2 * PAGE + 1
    assert ws.table.verticalScrollBar().value() == PAGE + 1


def test_a_logged_visit_that_left_the_tab_gives_its_place_to_the_next(qtbot, ws):
    worked, following = _work_at(qtbot, ws, 2 * PAGE, top=PAGE + 1)
    ws.log_visit()
    dialog = ws.log_dialog
    dialog.result.setCurrentIndex(dialog.result.findData("reached"))
    dialog.set_score(5)
    _reloaded(qtbot, ws, dialog.save)
    assert ws.model.row_of(worked.visit_id) == -1  # done: no longer upcoming
    assert _selected(ws).visit_id == following.visit_id
    row = ws.table.currentIndex().row()
    assert row - ws.table.verticalScrollBar().value() == 2 * PAGE - (PAGE + 1)  # same height


def test_without_a_selection_the_top_row_stays_on_top(qtbot, ws):
    top_visit = ws.model.row_at(PAGE + 2)
    ws.table.clearSelection()
    ws.table.verticalScrollBar().setValue(PAGE + 2)
    _reloaded(qtbot, ws, lambda: ws.ctx.changes.notify({"visits"}))
    assert ws.model.row_at(ws.table.verticalScrollBar().value()).visit_id == top_visit.visit_id
    assert not ws.table.selectionModel().hasSelection()

