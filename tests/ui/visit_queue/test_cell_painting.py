"""The cell delegate paints what the model's data() says, role for role, and the pixels show
it: text, alignment, the risk cell's background and the overdue due date's red."""
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QStyleOptionViewItem

from claimcare_desktop.ui.visit_queue.columns import DUE_COLUMN, RISK_COLUMN
from claimcare_desktop.ui.visit_queue.row_look import OVERDUE, RISK_COLOURS
from claimcare_desktop.ui.visit_queue.workspace import Workspace

ROLE = Qt.ItemDataRole


def _workspace(qtbot, ctx, tab):
    ws = Workspace(ctx)
    qtbot.addWidget(ws)
    ws.resize(1280, 800)
    ws.show()
    ws.filters.tabs.setCurrentIndex(tab)
    qtbot.waitUntil(lambda: ws.model.rowCount() > 0 and not ws.model.is_loading())
    return ws


def _option(ws, index) -> QStyleOptionViewItem:
    option = QStyleOptionViewItem()
    option.palette = ws.table.palette()
    ws.table.itemDelegate().initStyleOption(option, index)
    return option


def test_the_delegate_fills_each_cell_as_data_describes_it(qtbot, seeded, make_ctx):
    ws = _workspace(qtbot, make_ctx(seeded.supervisor), tab=1)  # overdue: red due dates
    model, seen_risk, seen_overdue = ws.model, 0, 0
    for row in range(min(model.rowCount(), 40)):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            option = _option(ws, index)
            assert option.text == model.data(index, ROLE.DisplayRole)
            assert option.features & QStyleOptionViewItem.ViewItemFeature.HasDisplay
            assert int(option.displayAlignment) == model.data(index, ROLE.TextAlignmentRole)
            background = model.data(index, ROLE.BackgroundRole)
            if background is not None:
                seen_risk += 1
                assert option.backgroundBrush.color() == background
            foreground = model.data(index, ROLE.ForegroundRole)
            if foreground is not None:
                seen_overdue += 1
                assert option.palette.color(QPalette.ColorRole.Text) == foreground
    assert seen_risk and seen_overdue


def test_the_painted_table_shows_the_risk_and_overdue_colours(qtbot, seeded, make_ctx):
    ws = _workspace(qtbot, make_ctx(seeded.supervisor), tab=1)
    image = ws.table.viewport().grab().toImage()
    row = next(r for r in range(20) if ws.model.looks[r].risk_level)  # on the first screen
    look = ws.model.looks[row]
    risk_rect = ws.table.visualRect(ws.model.index(row, RISK_COLUMN))
    corner = image.pixelColor(risk_rect.right() - 2, risk_rect.bottom() - 2)
    assert corner == RISK_COLOURS[look.risk_level]
    due_rect = ws.table.visualRect(ws.model.index(row, DUE_COLUMN))
    assert look.overdue
    reds = {image.pixelColor(x, y).name() for x in range(due_rect.left(), due_rect.right())
            for y in range(due_rect.top(), due_rect.bottom())}
    assert OVERDUE.name() in reds or any(_near(name, OVERDUE.name()) for name in reds)


def _near(a: str, b: str) -> bool:
    """Antialiased text: a pixel of the glyph close to the pen's colour."""
    return sum(abs(int(a[i:i + 2], 16) - int(b[i:i + 2], 16)) for i in (1, 3, 5)) < 60
