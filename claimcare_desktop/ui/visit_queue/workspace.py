"""The visit queue workspace: filters, the paged table, and logging a visit."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from claimcare_desktop.store import visit_queue as queue
from claimcare_desktop.store.visit_queue import QueueCount, reversed_filter

from .. import settings as opt
from ..context import AppContext
from .after_paint import AfterPaint
from .cell_delegate import QueueCellDelegate
from .columns import COLUMN_KEYS, COLUMNS
from .complaint_dialog import ComplaintFromVisitDialog
from .filters import FilterBar
from .log_dialog import LogVisitDialog
from .model import QueueModel
from .place import Place, place_of, restore

ROW_HEIGHT = 26
PAGE_SIZE = queue.PAGE_SIZE
COLUMNS_OPTION = opt.column_option("visit_queue")
HEADER_OPTION = opt.header_option("visit_queue")
REFRESH_ON = frozenset({"visits", "customers", "claims"})


class Workspace(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.log_dialog: LogVisitDialog | None = None
        self._place: Place | None = None  # kept while a reload after a change runs
        self.complaint_dialog: ComplaintFromVisitDialog | None = None
        self.model = QueueModel(ctx, self, page_size=PAGE_SIZE)
        self.filters = FilterBar(ctx, self)
        self._build_table()
        self._build_footer()
        self._layout()
        self._connect()
        self.refresh()

    def nav_title(self) -> str:
        return self.tr("Visit queue")

    # ---- building ----
    def _build_table(self) -> None:
        self.table = QTableView(self)
        self.table.setObjectName("visit_table")
        self.table.setModel(self.model)
        self.table.setItemDelegate(QueueCellDelegate(self.model, self.table))
        self.model.count_after_paint = True  # the first frame before the count's read
        self._count_after_paint = AfterPaint(self.table.viewport(), lambda: self.model.count_pending,
                                             self.model.start_pending_count)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # never ResizeToContents here
        rows.setDefaultSectionSize(ROW_HEIGHT)
        rows.hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        for i, column in enumerate(COLUMNS):
            self.table.setColumnWidth(i, column.width)
        self._apply_hidden_columns()
        self.empty = QLabel(self)
        self.empty.setObjectName("empty_state")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: #666; font-size: 14px")
        self.body = QStackedWidget(self)
        self.body.addWidget(self.table)
        self.body.addWidget(self.empty)

    def _build_footer(self) -> None:
        self.count = QLabel(self)
        self.count.setObjectName("queue_count")
        self.log_button = QPushButton(self.tr("&Log visit…"), self)
        self.log_button.setDefault(True)
        self.log_button.setToolTip(
            self.tr("Record a call or visit with the selected customer (Ctrl+L)"))
        self.customer_button = QPushButton(self.tr("Open &customer"), self)
        self.customer_button.setToolTip(self.tr("Show the selected customer's care profile"))
        self.end_button = QPushButton(self.tr("&Reverse order"), self)
        self.end_button.setToolTip(
            self.tr("Jump to the end of the list: show it from its last row"))

    def _layout(self) -> None:
        footer = QHBoxLayout()
        footer.addWidget(self.count, 1)
        for button in (self.end_button, self.customer_button, self.log_button):
            footer.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        layout.addWidget(self.body, 1)
        layout.addLayout(footer)
        self.setTabOrder(self.filters.search, self.table)
        self.setTabOrder(self.table, self.log_button)

    def _connect(self) -> None:
        self.filters.sig_changed.connect(self.refresh)
        self.model.sig_count.connect(self._show_count)
        self.model.sig_page_loaded.connect(self._show_empty_state)
        self.model.modelReset.connect(self._show_empty_state)
        self.model.sig_reloaded.connect(self._back_to_place)
        self.table.activated.connect(lambda _index: self.log_visit())  # Enter or double-click
        self.table.horizontalHeader().customContextMenuRequested.connect(self._column_menu)
        self.log_button.clicked.connect(self.log_visit)
        self.customer_button.clicked.connect(self.open_selected_customer)
        self.end_button.clicked.connect(self.jump_to_end)
        self.ctx.changes.sig_changed.connect(self._on_changed)

    # ---- behaviour ----
    def refresh(self) -> None:
        self.model.set_filter(self.filters.queue_filter())

    def jump_to_end(self) -> None:
        if self.model.filter is not None:
            self.model.set_filter(reversed_filter(self.model.filter))

    def focus_search(self) -> None:
        self.filters.focus_search()

    def _on_changed(self, tables: frozenset[str]) -> None:
        if tables & REFRESH_ON:
            if not self.model.is_reloading():  # else: keep the place the reload is after
                self._place = place_of(self.table, self.model)
            self.model.reload(reach=self._place.reach if self._place else None)

    def _back_to_place(self) -> None:
        place, self._place = self._place, None
        if place is not None:
            restore(self.table, self.model, place)

    def _show_count(self, total: QueueCount) -> None:
        if total.more:
            self.count.setText(self.tr("More than %n visit(s)", "", total.visits))
        else:
            self.count.setText(self.tr("%n visit(s)", "", total.visits))

    def _show_empty_state(self) -> None:
        if self.model.rowCount() or self.model.is_loading():
            self.body.setCurrentWidget(self.table)
            return
        self.empty.setText(self.tr("Nothing here. Try another tab or clear the filters."))
        self.body.setCurrentWidget(self.empty)

    def selected_row(self):
        index: QModelIndex = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def log_visit(self) -> None:
        row = self.selected_row()
        if row is None and self.model.rowCount():
            self.table.selectRow(0)
            row = self.model.row_at(0)
        if row is None or row.status != "open":
            return
        self.log_dialog = LogVisitDialog(self.ctx, row, self)
        self.log_dialog.sig_logged.connect(lambda logged, row=row: self._after_log(row, logged))
        self.log_dialog.open()

    def _after_log(self, row, logged) -> None:
        if not logged.offer_complaint:
            return
        feedback = self.log_dialog.entry().feedback if self.log_dialog else ""
        self.complaint_dialog = ComplaintFromVisitDialog(self.ctx, row, feedback, self)
        self.complaint_dialog.sig_opened.connect(
            lambda complaint_id: self.ctx.navigate("complaints", complaint_id=complaint_id))
        self.complaint_dialog.open()

    def open_selected_customer(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.ctx.navigate("care_profile", customer_id=row.customer_id)

    # ---- remembered columns ----
    def _apply_hidden_columns(self) -> None:
        state = self.ctx.settings.get(HEADER_OPTION)
        if not state.isEmpty():
            self.table.horizontalHeader().restoreState(state)  # widths and order
        hidden = set(self.ctx.settings.get(COLUMNS_OPTION))
        for i, key in enumerate(COLUMN_KEYS):
            self.table.setColumnHidden(i, key in hidden)

    def _column_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        for i, column in enumerate(COLUMNS):
            action = menu.addAction(column.title())
            action.setCheckable(True)
            action.setChecked(not self.table.isColumnHidden(i))
            action.toggled.connect(lambda shown, i=i: self.set_column_shown(i, shown))
        menu.popup(self.table.horizontalHeader().mapToGlobal(pos))

    def set_column_shown(self, column: int, shown: bool) -> None:
        self.table.setColumnHidden(column, not shown)
        self.save_layout()

    def save_layout(self) -> None:
        hidden = [key for i, key in enumerate(COLUMN_KEYS) if self.table.isColumnHidden(i)]
        self.ctx.settings.set(COLUMNS_OPTION, hidden)
        self.ctx.settings.set(HEADER_OPTION, self.table.horizontalHeader().saveState())
