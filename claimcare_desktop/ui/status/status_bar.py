"""The status bar's widgets: user and branch, sync state (with "Sign in again…" when HQ no
longer accepts the sign-in), changes HQ refused, last sync, changes waiting."""
from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QLabel, QStatusBar, QToolButton, QWidget

from claimcare_desktop.domain.timeutil import from_naive_utc, to_local
from claimcare_desktop.sync.progress import DERIVING, RECEIVING, SENDING

from ..context import AppContext
from ..labels import label
from .sync_controller import SyncController, SyncStatus


class StatusBar(QStatusBar):
    sig_sign_in_again = Signal()

    def __init__(self, ctx: AppContext, sync: SyncController,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("status_bar")
        self._ctx = ctx
        self._sync = sync
        self.user = QLabel(self)
        self.branch = QLabel(self)
        self.state = QLabel(self)
        self.state.setObjectName("sync_state")
        self.sign_in_again = QToolButton(self)
        self.sign_in_again.setObjectName("sign_in_again_button")
        self.sign_in_again.clicked.connect(self.sig_sign_in_again.emit)
        self.refused = QLabel(self)
        self.refused.setObjectName("sync_refused")
        self.refused.setStyleSheet("color: #b3261e")
        self.last_sync = QLabel(self)
        self.pending = QLabel(self)
        self.sync_button = QToolButton(self)
        self.sync_button.setObjectName("sync_button")
        self.sync_button.clicked.connect(sync.sync_now)
        for widget in (self.user, self.branch, self.state, self.sign_in_again, self.refused,
                       self.last_sync, self.pending):
            self.addPermanentWidget(widget)
        self.addPermanentWidget(self.sync_button)
        sync.sig_status.connect(self.show_status)
        self.retranslate()

    def retranslate(self) -> None:
        user = self._ctx.user
        self.user.setText(f"{user.display_name} · {label('role', user.role)}")
        self.branch.setText(user.branch_name)
        self.sync_button.setText(self.tr("Sync"))
        self.sync_button.setToolTip(self.tr("Exchange changes with HQ now (F5)"))
        self.sign_in_again.setText(self.tr("Sign in again…"))
        self.sign_in_again.setToolTip(self.tr("Enter your password again so this PC can sync"))
        self.refused.setToolTip(self.tr(
            "HQ did not accept these changes. New records it refused are kept in the conflict "
            "log (Dashboard › Sync conflicts, for supervisors); refused edits show HQ's values "
            "again."))
        self.show_status(self._sync.status)

    def show_status(self, status: SyncStatus) -> None:
        self.state.setText(self._state_text(status))
        self.state.setStyleSheet("color: #1b7f3b" if status.online else "color: #b3261e")
        self.sign_in_again.setVisible(status.needs_sign_in)
        self.refused.setText(self.tr("%n change(s) refused by HQ", "", status.refused))
        self.refused.setVisible(status.refused > 0)
        if status.last_sync_at is None:
            self.last_sync.setText(self.tr("Never synced"))
        else:
            at = status.last_sync_at
            local = to_local(from_naive_utc(at) if at.tzinfo is None else at)
            text = self.tr("Last sync %1").replace("%1", local.strftime("%m-%d %H:%M"))
            self.last_sync.setText(text)
        count = status.pending if status.pending is not None else 0
        self.pending.setText(self.tr("%n change(s) waiting", "", count))
        self.sync_button.setEnabled(not status.running)

    def _state_text(self, status: SyncStatus) -> str:
        if status.running:
            return self._progress_text(status)
        if status.online:
            return self.tr("Online")
        problems = {"signed_out": self.tr("Offline — sign in again to sync"),
                    "sign_in_expired": self.tr("Sign-in expired — sign in again to sync"),
                    "unavailable": self.tr("Offline — sync not available"),
                    "failed": self.tr("Sync failed — see the log")}
        return problems.get(status.problem, self.tr("Offline"))

    def _progress_text(self, status: SyncStatus) -> str:
        if status.stage == SENDING and status.total:
            return self.tr("Syncing — sent %1 of %2").replace(
                "%1", f"{status.done:,}").replace("%2", f"{status.total:,}")
        if status.stage == RECEIVING and status.done:
            return self.tr("Syncing — received %1").replace("%1", f"{status.done:,}")
        if status.stage == DERIVING:
            return self.tr("Syncing — updating follow-up plans and risk…")
        return self.tr("Syncing…")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
