"""One complaint: who, what, its three clocks, the full event history and the action buttons."""
from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from claimcare_desktop.store.complaint_queries import ComplaintDetail, EventEntry

from ..common.formatting import local_time
from ..common.records_model import Column, RecordsModel
from ..common.table_views import records_view
from ..labels import label
from .actions import ACTIONS, CONTEXT as ACTIONS_CONTEXT, allowed_actions
from .clocks import clock_reading, deadline_tip
from .columns import CLOCK_HEADERS, CONTEXT as COLUMNS_CONTEXT, clocks_of

CONTEXT = "ComplaintHistory"


def _event_detail(event: EventEntry) -> str:
    parts = []
    if event.reason:
        parts.append(label("pause_reason", event.reason))
    if event.new_owner_id:
        parts.append("→ " + (event.new_owner_name or event.new_owner_id))
    if event.note:
        parts.append(event.note)
    return " · ".join(parts)


EVENT_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("ComplaintHistory", "When"), lambda e: local_time(e.at), 120),
    Column(QT_TRANSLATE_NOOP("ComplaintHistory", "Event"), lambda e: label("complaint_event_kind", e.kind), 100),
    Column(QT_TRANSLATE_NOOP("ComplaintHistory", "By"), lambda e: e.user_name, 80),
    Column(QT_TRANSLATE_NOOP("ComplaintHistory", "Details"), _event_detail, 80),
)


class DetailPane(QWidget):
    sig_action = Signal(str)  # event kind the user asked for
    sig_open_customer = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail: ComplaintDetail | None = None
        self.title = QLabel(self)
        self.title.setObjectName("complaint_title")
        self.title.setStyleSheet("font-size:16px;font-weight:bold")
        self.facts = QLabel(self)
        self.facts.setObjectName("complaint_facts")
        self.facts.setWordWrap(True)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.customer_button = QPushButton(self.tr("Open customer"), self)
        self.error = QLabel(self)
        self.error.setObjectName("complaint_error")
        self.error.setStyleSheet("color:#b3261e")
        self.error.setWordWrap(True)
        self.clock_labels = [QLabel(self) for _ in CLOCK_HEADERS]
        self.events = RecordsModel(CONTEXT, EVENT_COLUMNS, self)
        self.history = records_view(self.events, self, "complaint_history")
        self.buttons = {kind: QPushButton(self._tr_action(text), self) for kind, text in ACTIONS}
        for kind, button in self.buttons.items():
            button.setObjectName(f"action_{kind}")
            button.clicked.connect(lambda _=False, kind=kind: self.sig_action.emit(kind))
        self.customer_button.clicked.connect(self._open_customer)
        self._layout()
        self.show_detail(None, "", "")

    @staticmethod
    def _tr_action(text: str) -> str:
        return QCoreApplication.translate(ACTIONS_CONTEXT, text)

    def _layout(self) -> None:
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.customer_button)
        clocks = QGridLayout()
        for i, (header, widget) in enumerate(zip(CLOCK_HEADERS, self.clock_labels)):
            widget.setObjectName(f"clock_{i}")
            widget.setStyleSheet("padding:4px")
            clocks.addWidget(QLabel(QCoreApplication.translate(COLUMNS_CONTEXT, header), self), 0, i)
            clocks.addWidget(widget, 1, i)
        actions = QGridLayout()
        for i, button in enumerate(self.buttons.values()):
            actions.addWidget(button, i // 5, i % 5)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.facts)
        layout.addWidget(self.summary)
        layout.addLayout(clocks)
        layout.addWidget(QLabel(self.tr("History"), self))
        layout.addWidget(self.history, 1)
        layout.addWidget(self.error)
        layout.addLayout(actions)

    def show_detail(self, detail: ComplaintDetail | None, role: str, user_id: str,
                    now: datetime | None = None) -> None:
        self.detail = detail
        if detail is None:
            self.title.setText(self.tr("Choose a complaint on the left to see its history."))
            for widget in (self.facts, self.summary, *self.clock_labels):
                widget.clear()
                widget.setStyleSheet("padding:4px")
            self.events.set_rows([])
            self.customer_button.setEnabled(False)
            self._enable(frozenset())
            return
        row = detail.row
        self.title.setText(self.tr("%1 — %2").replace("%1", row.customer_name)
                           .replace("%2", label("complaint_category", row.category)))
        self.facts.setText(self.tr("State: %1 · Owner: %2 · Opened %3 · Escalation level %4 · Claim %5")
                           .replace("%1", label("complaint_state", row.state)).replace("%2", row.owner_name)
                           .replace("%3", local_time(row.opened_at)).replace("%4", str(row.escalation_level))
                           .replace("%5", detail.claim_no or "—"))
        self.summary.setText(row.summary)
        self.events.set_rows(detail.events)
        self.customer_button.setEnabled(True)
        self._enable(allowed_actions(row.state, role, row.owner_id == user_id))
        if now is not None:
            self.tick(now)

    def _enable(self, allowed: frozenset[str]) -> None:
        for kind, button in self.buttons.items():
            button.setEnabled(kind in allowed)

    def tick(self, now: datetime) -> None:
        if self.detail is None:
            return
        for widget, clock in zip(self.clock_labels, clocks_of(self.detail.row)):
            _state, text, colour = clock_reading(clock, now)
            widget.setText(text)
            widget.setToolTip(deadline_tip(clock))
            widget.setStyleSheet(f"padding:4px;background:{colour.name()}")

    def _open_customer(self) -> None:
        if self.detail is not None:
            self.sig_open_customer.emit(self.detail.row.customer_id)
