"""The tracker's filters: state, owner (supervisors only), category, age."""
from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from claimcare_desktop.domain.timeutil import to_naive_utc
from claimcare_desktop.domain.vocab import COMPLAINT_CATEGORIES, COMPLAINT_STATES
from claimcare_desktop.store.complaint_queries import ACTIVE_STATES, ComplaintFilter

from ..context import AppContext
from ..labels import label
from ..widgets import fill_combo

AGE_DAYS = (1, 2, 7, 15, 30)
ACTIVE = "active"


class FilterBar(QWidget):
    sig_changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.state = QComboBox(self)
        self.state.setObjectName("filter_state")
        self.state.addItem(self.tr("Active (not resolved)"), ACTIVE)
        self.state.addItem(self.tr("Every state"), None)
        for code in COMPLAINT_STATES:
            self.state.addItem(label("complaint_state", code), code)
        self.owner = QComboBox(self)
        self.owner.setObjectName("filter_owner")
        self.category = fill_combo(QComboBox(self), "complaint_category", COMPLAINT_CATEGORIES,
                                   self.tr("Every category"))
        self.category.setObjectName("filter_category")
        self.age = QComboBox(self)
        self.age.setObjectName("filter_age")
        self.age.addItem(self.tr("Any age"), None)
        for days in AGE_DAYS:
            self.age.addItem(self.tr("Older than %n day(s)", "", days), days)
        self._fill_owner([])
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for caption, combo in ((self.tr("State"), self.state), (self.tr("Owner"), self.owner),
                               (self.tr("Category"), self.category), (self.tr("Age"), self.age)):
            layout.addWidget(QLabel(caption, self))
            layout.addWidget(combo)
        layout.addStretch(1)
        for combo in (self.state, self.owner, self.category, self.age):
            combo.currentIndexChanged.connect(lambda _i: self.sig_changed.emit())

    def _fill_owner(self, users: list[tuple[str, str, str]]) -> None:
        user = self._ctx.user
        self.owner.blockSignals(True)
        self.owner.clear()
        if user.is_supervisor:
            self.owner.addItem(self.tr("Everyone"), None)
            for user_id, name, _role in users:
                self.owner.addItem(name, user_id)
        else:
            self.owner.addItem(self.tr("Mine"), user.id)
        self.owner.setEnabled(user.is_supervisor)
        self.owner.blockSignals(False)

    def set_users(self, users: list[tuple[str, str, str]]) -> None:
        chosen = self.owner.currentData()
        self._fill_owner(users)
        self.owner.setCurrentIndex(max(self.owner.findData(chosen), 0) if chosen else 0)

    def complaint_filter(self, now: datetime) -> ComplaintFilter:
        state = self.state.currentData()
        states = ACTIVE_STATES if state == ACTIVE else (() if state is None else (state,))
        days = self.age.currentData()
        before = to_naive_utc(now - timedelta(days=days)) if days else None
        return ComplaintFilter(branch_id=self._ctx.user.branch_id, states=states,
                               owner_id=self.owner.currentData(), category=self.category.currentData(),
                               opened_before=before)
