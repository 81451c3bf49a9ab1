"""Signing the working user in again when HQ no longer accepts this PC's token (it expired
after 30 idle days, or was revoked): the sign-in dialog with the username fixed, then the new
token goes to the sync controller, which syncs at once."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from .dialog import SignInDialog
from .flow import SignedIn

if TYPE_CHECKING:
    from ..context import AppContext
    from ..status.sync_controller import SyncController


class SignInAgain:
    """Opens the dialog (window-modal, not blocking) for the status bar's action."""

    def __init__(self, ctx: AppContext, sync: SyncController, window: QWidget) -> None:
        self._ctx = ctx
        self._sync = sync
        self._window = window
        self.dialog: SignInDialog | None = None

    def open(self) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.activateWindow()
            return
        if self.dialog is not None:
            self.dialog.deleteLater()
        ctx = self._ctx
        self.dialog = SignInDialog(ctx.profile, ctx.tasks, ctx.settings, hq_url=ctx.hq_url,
                                   parent=self._window, again_as=ctx.user)
        self.dialog.sig_signed_in.connect(self._signed_in)
        self.dialog.open()

    def _signed_in(self, signed: SignedIn) -> None:
        self._sync.signed_in_again(signed.token)
