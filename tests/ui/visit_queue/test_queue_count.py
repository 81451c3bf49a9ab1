"""The tab's count is read after its first page is painted (so the count's read never
shares the machine with the first frame), and still once per filter without a view."""
from PySide6.QtCore import QEvent, QObject

from claimcare_desktop.store.visit_queue import QueueFilter
from claimcare_desktop.ui.visit_queue.model import QueueModel
from claimcare_desktop.ui.visit_queue.workspace import Workspace

from ..seed import TODAY


class Journal(QObject):
    """Records the viewport's paints next to the model's count requests, in order."""

    def __init__(self, ws: Workspace) -> None:
        super().__init__()
        self.events: list[str] = []
        ws.table.viewport().installEventFilter(self)
        self.ws = ws

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint and self.ws.model.rowCount():
            self.events.append("paint with rows")
        return False


def test_the_count_is_read_after_the_first_page_is_painted(qtbot, seeded, make_ctx):
    ws = Workspace(make_ctx(seeded.supervisor))
    qtbot.addWidget(ws)
    ws.show()
    qtbot.waitUntil(lambda: ws.count.text() != "")
    journal = Journal(ws)
    original = ws.model._load_count
    ws.model._load_count = lambda: journal.events.append("count read") or original()
    with qtbot.waitSignal(ws.model.sig_count, timeout=10_000) as counted:
        ws.filters.tabs.setCurrentIndex(2)  # upcoming
    assert journal.events[0] == "paint with rows" and journal.events.count("count read") == 1
    assert journal.events.index("count read") > 0
    assert counted.args[0].visits >= ws.model.rowCount() > 0
    assert str(counted.args[0].visits) in ws.count.text()


def test_a_model_without_a_view_reads_its_count_after_the_first_page(qtbot, seeded, make_ctx):
    ctx = make_ctx(seeded.manager)
    model = QueueModel(ctx)
    flt = QueueFilter(ctx.user.branch_id, TODAY, "upcoming", assignee_id=ctx.user.id)
    with qtbot.waitSignal(model.sig_count, timeout=10_000) as counted:
        model.set_filter(flt)
    assert not model.count_pending
    assert counted.args[0].visits >= model.rowCount() > 0
