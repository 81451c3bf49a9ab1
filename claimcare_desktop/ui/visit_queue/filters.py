"""The filter bar above the queue: tabs, scope, step, claim type, channel and search."""
from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QTabBar, QVBoxLayout, QWidget

from claimcare_desktop.domain.timeutil import local_date
from claimcare_desktop.store.visit_queue import TABS, QueueFilter

from ..context import AppContext
from ..labels import codes
from ..widgets import fill_combo

SEARCH_DELAY_MS = 250


class FilterBar(QWidget):
    sig_changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.tabs = QTabBar(self)
        self.tabs.setObjectName("queue_tabs")
        self.tabs.setExpanding(False)
        self.tabs.setDrawBase(False)
        titles = (self.tr("Due today"), self.tr("Overdue"), self.tr("Upcoming"), self.tr("Done"))
        for title in titles:
            self.tabs.addTab(title)
        self.scope = QComboBox(self)
        self.scope.addItem(self.tr("My visits"), "mine")
        if ctx.user.is_supervisor:
            self.scope.addItem(self.tr("Whole branch"), "branch")
            self.scope.setCurrentIndex(1)
        self.scope.setEnabled(ctx.user.is_supervisor)
        self.step = fill_combo(QComboBox(self), "visit_step", codes("visit_step"),
                               self.tr("All steps"))
        self.claim_type = fill_combo(QComboBox(self), "claim_type", codes("claim_type"),
                                     self.tr("All claim types"))
        self.channel = fill_combo(QComboBox(self), "channel", codes("channel"),
                                  self.tr("All channels"))
        self.search = QLineEdit(self)
        self.search.setObjectName("queue_search")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Name, pinyin, initials, phone last 4, claim no."))
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.sig_changed)
        self._layout()
        self._connect()

    def _layout(self) -> None:
        row = QHBoxLayout()
        for widget in (self.scope, self.step, self.claim_type, self.channel):
            row.addWidget(widget)
        row.addWidget(self.search, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        layout.addLayout(row)

    def _connect(self) -> None:
        self.tabs.currentChanged.connect(self.sig_changed)
        for combo in (self.scope, self.step, self.claim_type, self.channel):
            combo.currentIndexChanged.connect(self.sig_changed)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.search.returnPressed.connect(self._search_now)

    def _search_now(self) -> None:
        self._search_timer.stop()
        self.sig_changed.emit()

    def tab(self) -> str:
        return TABS[max(self.tabs.currentIndex(), 0)]

    def queue_filter(self, today=None) -> QueueFilter:
        user = self._ctx.user
        mine = self.scope.currentData() != "branch"
        flt = QueueFilter(branch_id=user.branch_id,
                          today=today or local_date(datetime.now(UTC)),
                          tab=self.tab(),
                          assignee_id=user.id if mine else None,
                          step=self.step.currentData(), claim_type=self.claim_type.currentData(),
                          channel=self.channel.currentData(), text=self.search.text().strip())
        return replace(flt, descending=flt.tab == "done")

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()
