"""Which actions a complaint allows now, and the dialog that gathers what an action needs."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtCore import QCoreApplication, Signal
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

from claimcare_desktop.domain.complaint_flow import validate_transition
from claimcare_desktop.domain.errors import DomainError
from claimcare_desktop.domain.vocab import COMPLAINT_CATEGORIES, PAUSE_REASONS, ComplaintEventKind as K, Role
from claimcare_desktop.store.complaint_ops import ComplaintAction

from ..labels import label
from ..widgets import fill_combo

CONTEXT = "ComplaintActions"
# (event kind, button text); the order of the buttons in the detail pane
ACTIONS = (
    (K.ACKNOWLEDGED, QT_TRANSLATE_NOOP("ComplaintActions", "Acknowledge")),
    (K.NOTE, QT_TRANSLATE_NOOP("ComplaintActions", "Add note…")),
    (K.PAUSED, QT_TRANSLATE_NOOP("ComplaintActions", "Pause…")),
    (K.RESUMED, QT_TRANSLATE_NOOP("ComplaintActions", "Resume")),
    (K.ESCALATED, QT_TRANSLATE_NOOP("ComplaintActions", "Escalate…")),
    (K.REASSIGNED, QT_TRANSLATE_NOOP("ComplaintActions", "Reassign…")),
    (K.RESOLVED, QT_TRANSLATE_NOOP("ComplaintActions", "Resolve…")),
    (K.CLOSED, QT_TRANSLATE_NOOP("ComplaintActions", "Close…")),
    (K.REOPENED, QT_TRANSLATE_NOOP("ComplaintActions", "Reopen…")),
)
# What each action does to the complaint, said once in its dialog.
EXPLANATIONS = {
    K.NOTE: QT_TRANSLATE_NOOP("ComplaintActions", "Notes stay in the history for good; they cannot be edited."),
    K.PAUSED: QT_TRANSLATE_NOOP("ComplaintActions", "While paused, the 24 h and 48 h clocks stand still. "
                                                    "The statutory deadline keeps running."),
    K.ESCALATED: QT_TRANSLATE_NOOP("ComplaintActions", "Escalating raises the complaint one level."),
    K.REASSIGNED: QT_TRANSLATE_NOOP("ComplaintActions", "The new owner becomes the one person responsible "
                                                        "for this complaint."),
    K.RESOLVED: QT_TRANSLATE_NOOP("ComplaintActions", "Record what was done and the root cause; both feed "
                                                      "the periodic complaint analysis."),
    K.CLOSED: QT_TRANSLATE_NOOP("ComplaintActions", "Closing ends the work on this complaint; it can be "
                                                    "reopened later."),
    K.REOPENED: QT_TRANSLATE_NOOP("ComplaintActions", "Reopening restarts the solution clocks."),
}
IMMEDIATE = frozenset({K.ACKNOWLEDGED, K.RESUMED})  # nothing to ask: done on click
_PLACEHOLDER_OWNERS = ("current", "other")


def allowed_actions(state: str, role: str, is_owner: bool) -> frozenset[str]:
    """Kinds the state machine accepts now from this user (managers: own complaints only)."""
    if role != Role.SUPERVISOR and not is_owner:
        return frozenset()
    allowed = set()
    for kind, _text in ACTIONS:
        try:
            validate_transition(state, kind, role, reason=PAUSE_REASONS[0],
                                current_owner=_PLACEHOLDER_OWNERS[0], new_owner=_PLACEHOLDER_OWNERS[1])
        except DomainError:
            continue
        allowed.add(kind)
    return frozenset(allowed)


def action_text(kind: str) -> str:
    source = dict(ACTIONS)[kind]
    return QCoreApplication.translate(CONTEXT, source).replace("…", "")


class ActionDialog(QDialog):
    """Asks for what `kind` needs; `sig_submit` carries the ComplaintAction."""

    sig_submit = Signal(object)

    def __init__(self, kind: str, owners: list[tuple[str, str]], current_owner: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("complaint_action_dialog")
        self.kind = kind
        self.setWindowTitle(action_text(kind))
        self.explanation = QLabel(QCoreApplication.translate(CONTEXT, EXPLANATIONS.get(kind, "")), self)
        self.explanation.setWordWrap(True)
        self.explanation.setStyleSheet("color:#444")
        self.form = QFormLayout()
        self.reason = self.owner = self.resolution = self.root_cause = None
        if kind == K.PAUSED:
            self.reason = fill_combo(QComboBox(self), "pause_reason", PAUSE_REASONS)
            self.form.addRow(self.tr("Reason"), self.reason)
        if kind == K.REASSIGNED:
            self.owner = QComboBox(self)
            for user_id, name in owners:
                if user_id != current_owner:
                    self.owner.addItem(name, user_id)
            self.form.addRow(self.tr("New owner"), self.owner)
        if kind == K.RESOLVED:
            self.resolution = self._text_box(self.tr("What was done for the customer"))
            self.root_cause = fill_combo(QComboBox(self), "complaint_category", COMPLAINT_CATEGORIES)
            self.form.addRow(self.tr("Resolution"), self.resolution)
            self.form.addRow(self.tr("Root cause"), self.root_cause)
        self.note = self._text_box(self.tr("Required") if kind == K.NOTE else self.tr("Optional"))
        self.form.addRow(self.tr("Note"), self.note)
        self.error = QLabel(self)
        self.error.setObjectName("action_error")
        self.error.setStyleSheet("color:#b3261e")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(420, 260)

    def _text_box(self, placeholder: str) -> QPlainTextEdit:
        box = QPlainTextEdit(self)
        box.setPlaceholderText(placeholder)
        box.setTabChangesFocus(True)
        box.setMaximumHeight(80)
        return box

    def action(self) -> ComplaintAction:
        def data(combo):
            return combo.currentData() if combo is not None else None

        return ComplaintAction(
            self.kind, note=self.note.toPlainText() or None, reason=data(self.reason),
            new_owner_id=data(self.owner), root_cause=data(self.root_cause),
            resolution=self.resolution.toPlainText() if self.resolution is not None else None)

    def submit(self) -> None:
        self.buttons.setEnabled(False)
        self.error.clear()
        self.sig_submit.emit(self.action())

    def failed(self, message: str) -> None:
        self.buttons.setEnabled(True)
        self.error.setText(message)

