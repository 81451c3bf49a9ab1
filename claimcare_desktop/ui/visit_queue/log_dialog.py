"""Logging one contact attempt: channel, result, score, feedback, follow-up.

The write runs on the DB lane; the dialog stays open (buttons disabled) until it is
done, and shows a refused input's message in the current language without closing.
"""
from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QDate, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from claimcare_desktop.domain.errors import DomainError
from claimcare_desktop.domain.vocab import AttemptResult
from claimcare_desktop.store.visit_ops import Actor, AttemptInput, AttemptLogged, log_attempt
from claimcare_desktop.store.visit_queue import QueueRow

from ..context import AppContext
from ..labels import codes, error_message, label
from ..widgets import fill_combo


log = logging.getLogger(__name__)


def actor_of(ctx: AppContext) -> Actor:
    return Actor(ctx.user.id, ctx.user.role, ctx.user.branch_id)


def describe_failure(error: BaseException) -> str:
    """A refused input as "<field>: <message>"; anything else as a short save failure."""
    if isinstance(error, DomainError):
        field = getattr(error, "field", None)
        prefix = f"{label('field', field)}: " if field else ""
        return prefix + error_message(error)
    log.error("saving failed", exc_info=error)
    message = QCoreApplication.translate("LogVisitDialog", "Could not save: %1")
    return message.replace("%1", str(error))


class LogVisitDialog(QDialog):
    sig_logged = Signal(object)  # AttemptLogged

    def __init__(self, ctx: AppContext, row: QueueRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("log_visit_dialog")
        self._ctx = ctx
        self._row = row
        self.logged: AttemptLogged | None = None
        self.setWindowTitle(self.tr("Log a visit — %1").replace("%1", row.customer_name))
        self._build()
        self._result_changed()

    def _build(self) -> None:
        self.header = QLabel(self.tr("%1 · %2 · claim %3").replace("%1", self._row.customer_name)
                             .replace("%2", self._row.masked_phone)
                             .replace("%3", self._row.claim_no or "—"), self)
        self.channel = fill_combo(QComboBox(self), "channel", codes("channel"))
        if self._row.preferred_channel:
            self.channel.setCurrentIndex(self.channel.findData(self._row.preferred_channel))
        self.result = fill_combo(QComboBox(self), "attempt_result", codes("attempt_result"))
        self.result.currentIndexChanged.connect(self._result_changed)
        self.score_row, self.scores = self._score_buttons()
        self.call_back_on = QDateEdit(QDate.currentDate().addDays(1), self)
        self.call_back_on.setCalendarPopup(True)
        self.feedback = QPlainTextEdit(self)
        self.feedback.setPlaceholderText(
            self.tr("Questions the customer asked, feedback in their words"))
        self.feedback.setTabChangesFocus(True)
        self.follow_up = QCheckBox(self.tr("Follow-up needed"), self)
        self.complained = QCheckBox(self.tr("The customer wants to complain"), self)
        self.error = QLabel(self)
        self.error.setObjectName("error")
        self.error.setStyleSheet("color: #b3261e")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Channel"), self.channel)
        form.addRow(self.tr("Result"), self.result)
        form.addRow(self.tr("Satisfaction"), self.score_row)
        form.addRow(self.tr("Call back on"), self.call_back_on)
        form.addRow(self.tr("Questions and feedback"), self.feedback)
        form.addRow("", self.follow_up)
        form.addRow("", self.complained)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(480, 420)

    def _score_buttons(self) -> tuple[QWidget, QButtonGroup]:
        box = QWidget(self)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        group = QButtonGroup(box)
        for score in range(1, 6):
            button = QRadioButton(str(score), box)
            button.setToolTip(self.tr("1 = very unhappy, 5 = very happy"))
            group.addButton(button, score)
            row.addWidget(button)
        row.addStretch(1)
        return box, group

    def _result_changed(self) -> None:
        reached = self.result.currentData() == AttemptResult.REACHED
        self.score_row.setEnabled(reached)
        if not reached:
            self._clear_score()
        self.call_back_on.setEnabled(self.result.currentData() == AttemptResult.CALL_BACK)

    def _clear_score(self) -> None:
        self.scores.setExclusive(False)
        for button in self.scores.buttons():
            button.setChecked(False)
        self.scores.setExclusive(True)

    def set_score(self, score: int) -> None:
        self.scores.button(score).setChecked(True)

    def entry(self) -> AttemptInput:
        score = self.scores.checkedId()
        call_back = self.call_back_on.date().toPython() if self.call_back_on.isEnabled() else None
        return AttemptInput(channel=self.channel.currentData() or "",
                            result=self.result.currentData() or "",
                            satisfaction=score if score > 0 else None,
                            feedback=self.feedback.toPlainText(),
                            follow_up_needed=self.follow_up.isChecked(),
                            customer_complained=self.complained.isChecked(),
                            call_back_on=call_back)

    def save(self) -> None:
        entry, actor, visit_id = self.entry(), actor_of(self._ctx), self._row.visit_id
        if entry.result == AttemptResult.REACHED and entry.satisfaction is None:
            self.show_error(self.tr("Choose how satisfied the customer is (1 to 5)."))
            return
        self.buttons.setEnabled(False)
        self.error.clear()
        profile = self._ctx.profile
        self._ctx.tasks.run_db(lambda state: log_attempt(profile, actor, visit_id, entry),
                               on_done=self._saved, on_error=self._failed)

    def _saved(self, logged: AttemptLogged) -> None:
        self.logged = logged
        self._ctx.changes.notify({"visits", "visit_attempts", "customers"})
        self.sig_logged.emit(logged)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.show_error(describe_failure(error))

    def show_error(self, message: str) -> None:
        self.error.setText(message)
