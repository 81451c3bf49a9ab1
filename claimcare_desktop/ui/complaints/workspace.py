"""The complaint tracker: filtered list with live clocks on the left, the chosen complaint
on the right. Clocks tick from a timer without touching the database."""
from __future__ import annotations


from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from claimcare_desktop.store.complaint_ops import Actor, ComplaintAction, apply_action
from claimcare_desktop.store.complaint_queries import ComplaintDetail, load_complaint
from claimcare_desktop.store.workload import branch_users

from ..common.clock import utc_now
from ..common.error_messages import error_text
from ..common.layout_memory import LayoutMemory
from ..common.table_views import table_view
from ..context import AppContext
from .actions import IMMEDIATE, ActionDialog
from .columns import WIDTHS
from .detail import DetailPane
from .filters import FilterBar
from .model import ComplaintsModel

TICK_MS = 30_000
COMPLAINT_TABLES = frozenset({"complaints", "complaint_events", "customers", "users"})


class Workspace(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.now = utc_now  # tests replace it to move time
        self.users: list[tuple[str, str, str]] = []
        self.complaint_id: str | None = None
        self.dialog: ActionDialog | None = None
        self.filters = FilterBar(ctx, self)
        self.model = ComplaintsModel(ctx, lambda: self.now(), self)
        self.table = table_view(self.model, WIDTHS, self, "complaint_table")
        self.table.setAlternatingRowColors(False)  # clock colours must read clearly
        self.count = QLabel(self)
        self.count.setObjectName("complaint_count")
        self.detail = DetailPane(self)
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self._layout()
        self._connect()
        self.timer.start()
        self._load_users()
        self.refresh()

    def nav_title(self) -> str:
        return self.tr("Complaints")

    def save_layout(self) -> None:
        self.layout_memory.save()

    def _layout(self) -> None:
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.filters)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([780, 480])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.layout_memory = LayoutMemory(self.ctx, "complaints", {
            "splitter": splitter, "table": self.table.horizontalHeader(),
            "history": self.detail.history.horizontalHeader()})
        self.layout_memory.restore()

    def _connect(self) -> None:
        self.filters.sig_changed.connect(self.refresh)
        self.model.sig_count.connect(self._show_count)
        self.model.sig_page_loaded.connect(self._select_first)
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.detail.sig_action.connect(self.start_action)
        self.detail.sig_open_customer.connect(
            lambda customer_id: self.ctx.navigate("care_profile", customer_id=customer_id))
        self.timer.timeout.connect(self.tick)
        self.ctx.changes.sig_changed.connect(self._on_changed)

    # ---- loading ----
    def refresh(self) -> None:
        self.model.set_filter(self.filters.complaint_filter(self.now()))
        if self.complaint_id is not None:
            self.open_complaint(self.complaint_id)

    def _load_users(self) -> None:
        engine, branch_id = self.ctx.profile.engine, self.ctx.user.branch_id

        def job(state):
            with engine.connect() as conn:
                return branch_users(conn, branch_id)

        self.ctx.tasks.run_db(job, on_done=self._users_loaded)

    def _users_loaded(self, users: list[tuple[str, str, str]]) -> None:
        self.users = users
        self.filters.set_users(users)

    def _show_count(self, total: int) -> None:
        if total:
            self.count.setText(self.tr("%n complaint(s)", "", total))
        else:
            self.count.setText(self.tr("No complaint matches these filters."))

    def _select_first(self) -> None:
        """With nothing chosen yet, show the most recent complaint rather than an empty pane;
        otherwise keep the list's highlight on the complaint the pane shows."""
        if self.complaint_id is None and self.model.rowCount():
            self.table.selectRow(0)
        else:
            self._highlight_open()

    def _highlight_open(self) -> None:
        """The list highlights the open complaint, or nothing when it is not among the rows
        loaded (filtered out, or further down): never a different complaint."""
        row = self.model.row_of(self.complaint_id) if self.complaint_id is not None else -1
        if row >= 0:
            self.table.selectRow(row)
        else:
            self.table.selectionModel().clearSelection()

    def _row_chosen(self, current, _previous) -> None:
        row = self.model.row_at(current.row())
        if row is not None and row.id != self.complaint_id:
            self.open_complaint(row.id)

    def open_complaint(self, complaint_id: str) -> None:
        self.complaint_id = complaint_id
        self._highlight_open()
        engine, now = self.ctx.profile.engine, self.now()

        def job(state):
            with engine.connect() as conn:
                return load_complaint(conn, complaint_id, now)

        self.ctx.tasks.run_db(job, on_done=self._show_detail,
                              on_error=lambda error: self.detail.error.setText(error_text(error)))

    def _show_detail(self, detail: ComplaintDetail) -> None:
        if detail.row.id != self.complaint_id:
            return
        user = self.ctx.user
        self.detail.show_detail(detail, user.role, user.id, self.now())

    def tick(self) -> None:
        now = self.now()
        self.model.tick(now)
        self.detail.tick(now)

    def _on_changed(self, tables: frozenset[str]) -> None:
        if tables & COMPLAINT_TABLES:
            self.refresh()

    # ---- actions ----
    def start_action(self, kind: str) -> None:
        if self.detail.detail is None:
            return
        if kind in IMMEDIATE:
            self.submit(ComplaintAction(kind))
            return
        owners = [(user_id, name) for user_id, name, _role in self.users]
        self.dialog = ActionDialog(kind, owners, self.detail.detail.row.owner_id, self)
        dialog = self.dialog
        dialog.sig_submit.connect(lambda action: self.submit(action, dialog))
        self.dialog.open()

    def submit(self, action: ComplaintAction, dialog: ActionDialog | None = None) -> None:
        user = self.ctx.user
        actor = Actor(user.id, user.role, user.branch_id)
        profile, complaint_id = self.ctx.profile, self.complaint_id
        self.detail.error.clear()

        def done(_state: str) -> None:
            if dialog is not None:
                dialog.accept()
            self.ctx.changes.notify({"complaints", "complaint_events"})

        def failed(error: BaseException) -> None:
            if dialog is not None:
                dialog.failed(error_text(error))
            else:
                self.detail.error.setText(error_text(error))

        self.ctx.tasks.run_db(lambda state: apply_action(profile, actor, complaint_id, action),
                              on_done=done, on_error=failed)
