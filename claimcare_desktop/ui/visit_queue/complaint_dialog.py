"""After a low score or a stated complaint: open a complaint with the visit filled in."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from claimcare_desktop.store.visit_ops import ComplaintInput, open_complaint_from_visit
from claimcare_desktop.store.visit_queue import QueueRow

from ..context import AppContext
from ..labels import codes
from ..widgets import fill_combo
from .log_dialog import actor_of, describe_failure


class ComplaintFromVisitDialog(QDialog):
    sig_opened = Signal(str)  # the new complaint's id

    def __init__(self, ctx: AppContext, row: QueueRow, feedback: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("complaint_from_visit_dialog")
        self._ctx = ctx
        self._row = row
        self.complaint_id: str | None = None
        self.setWindowTitle(self.tr("Open a complaint?"))
        question = self.tr("%1 was not satisfied. Open a complaint now so it gets an owner "
                           "and its response clock starts?")
        intro = QLabel(question.replace("%1", row.customer_name), self)
        intro.setWordWrap(True)
        self.category = fill_combo(QComboBox(self), "complaint_category",
                                   codes("complaint_category"))
        self.complexity = fill_combo(QComboBox(self), "complaint_complexity",
                                     codes("complaint_complexity"))
        self.summary = QPlainTextEdit(feedback, self)
        self.summary.setPlaceholderText(self.tr("What the customer is unhappy about"))
        self.summary.setTabChangesFocus(True)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b3261e")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.open_button = self.buttons.addButton(self.tr("Open complaint"),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("Not now"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Customer"), QLabel(f"{row.customer_name}  {row.masked_phone}", self))
        form.addRow(self.tr("Claim no."), QLabel(row.claim_no or "—", self))
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Complexity"), self.complexity)
        form.addRow(self.tr("Summary"), self.summary)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(460, 360)

    def save(self) -> None:
        entry = ComplaintInput(self.category.currentData(), self.summary.toPlainText(),
                               self.complexity.currentData())
        actor, visit_id, profile = actor_of(self._ctx), self._row.visit_id, self._ctx.profile
        self.buttons.setEnabled(False)
        self._ctx.tasks.run_db(
            lambda state: open_complaint_from_visit(profile, actor, visit_id, entry),
            on_done=self._opened, on_error=self._failed)

    def _opened(self, complaint_id: str) -> None:
        self.complaint_id = complaint_id
        self._ctx.changes.notify({"complaints", "complaint_events"})
        self.sig_opened.emit(complaint_id)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.error.setText(describe_failure(error))
