"""The sign-in dialog. The attempt runs on the network lane; the dialog stays responsive."""
from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from claimcare_desktop.sync.errors import (
    AccountDisabled,
    BadCredentials,
    BadHqAddress,
    HqRefused,
    HqUnreachable,
    ProfileOfAnotherBranch,
    RateLimited,
    SignedInAsAnotherUser,
    SyncError,
)

from .. import settings as opt
from ..context import CurrentUser
from ..settings import Settings
from ..tasks import TaskRunner
from .failures import UnknownOfflineUser, WrongPassword
from .flow import SignedIn, sign_in, sign_in_again

if TYPE_CHECKING:
    from claimcare_desktop.store.db import Profile


class SignInDialog(QDialog):
    """The first sign-in; with `again_as`, signing that user in again (username and HQ
    fixed, online only) when HQ no longer accepts the token."""

    sig_signed_in = Signal(object)  # SignedIn

    def __init__(self, profile: Profile, tasks: TaskRunner, settings: Settings,
                 hq_url: str | None = None, username: str | None = None,
                 parent: QWidget | None = None, again_as: CurrentUser | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sign_in_dialog")
        self._profile = profile
        self._tasks = tasks
        self._settings = settings
        self._again_as = again_as
        self.signed_in: SignedIn | None = None
        self.setWindowTitle(self.tr("Sign in to ClaimCare"))
        self.username = QLineEdit(username or settings.get(opt.LAST_USER), self)
        self.username.setPlaceholderText(self.tr("e.g. bj01.mgr1"))
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Password"))
        self.hq_url = QLineEdit(hq_url or settings.get(opt.HQ_URL), self)
        self.hq_url.setToolTip(self.tr("Address of the HQ service; without it you can sign in "
                                       "offline after one online sign-in on this PC"))
        self.message = QLabel(self)
        self.message.setObjectName("sign_in_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b3261e")
        self.buttons = QDialogButtonBox(parent=self)  # by keyword: no overload check against every Qt enum (~20 ms)
        self.sign_in_button = self.buttons.addButton(self.tr("Sign in"),
                                                     QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.attempt)
        self.buttons.rejected.connect(self.reject)
        self.title = QLabel(self.tr("ClaimCare — after-claim customer care"), self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.hide()
        self._layout()
        if again_as is not None:
            self._fix_to(again_as)
        (self.password if self.username.text() else self.username).setFocus()

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("HQ address"), self.hq_url)
        layout = QVBoxLayout(self)
        self.title.setStyleSheet("font-size: 16px; font-weight: bold")
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

    def _fix_to(self, user: CurrentUser) -> None:
        self.setWindowTitle(self.tr("Sign in again"))
        self.title.setText(self.tr("Sign in again to sync with HQ"))
        self.intro.setText(self.tr("HQ no longer accepts this PC's sign-in. Enter the password "
                                   "of %1 to sync again. Your changes stay on this PC until "
                                   "they are sent.").replace("%1", user.display_name))
        self.intro.show()
        self.username.setText(user.username)
        for fixed in (self.username, self.hq_url):
            fixed.setReadOnly(True)
            fixed.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            fixed.setStyleSheet("background: #f3f5f7; color: #444")  # not for typing

    def attempt(self) -> None:
        username, password = self.username.text().strip(), self.password.text()
        if not username or not password:
            self.message.setText(self.tr("Enter your user name and password."))
            return
        profile, url, again_as = self._profile, self.hq_url.text().strip() or None, self._again_as
        self.buttons.setEnabled(False)
        self.message.setStyleSheet("color: #444")
        self.message.setText(self.tr("Signing in…"))
        job = (partial(sign_in, profile, url, username, password) if again_as is None
               else partial(sign_in_again, profile, url, again_as, password))
        self._tasks.run_net(lambda state: job(), on_done=self._succeeded, on_error=self._failed)

    def _succeeded(self, signed_in: SignedIn) -> None:
        self.signed_in = signed_in
        self._settings.set(opt.LAST_USER, signed_in.user.username)
        if signed_in.hq_url:
            self._settings.set(opt.HQ_URL, signed_in.hq_url)
        self.sig_signed_in.emit(signed_in)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.message.setStyleSheet("color: #b3261e")
        self.message.setText(self.describe(error))
        wrong_field = self.hq_url if isinstance(error, BadHqAddress) else self.password
        wrong_field.selectAll()
        wrong_field.setFocus()

    def describe(self, error: BaseException) -> str:
        if isinstance(error, BadCredentials | WrongPassword):
            return self.tr("Wrong user name or password.")
        if isinstance(error, AccountDisabled):
            return self.tr("This account is disabled. Ask your supervisor or HQ.")
        if isinstance(error, RateLimited):
            minutes = max(1, round(error.retry_after_seconds / 60))
            return self.tr("Too many failed attempts. Try again in %n minute(s).", "", minutes)
        if isinstance(error, UnknownOfflineUser):
            return self.tr("HQ cannot be reached, and this user has not signed in online on "
                           "this PC before, so an offline sign-in is not possible yet.")
        if isinstance(error, BadHqAddress):
            return self.tr("The HQ address is not valid. It looks like "
                           "http://hq.example.com:8765 (ask HQ for yours).")
        if isinstance(error, HqUnreachable):
            return self.tr("HQ cannot be reached. Check the network or the HQ address.")
        if isinstance(error, ProfileOfAnotherBranch):
            return self.tr("The data on this PC belongs to another branch. Sign in with a user "
                           "of that branch, or start the app with another profile folder.")
        if isinstance(error, SignedInAsAnotherUser):
            return self.tr("That is another account than the one working in this window. To "
                           "change users, quit and start ClaimCare again.")
        if isinstance(error, HqRefused | SyncError):
            return self.tr("HQ refused the sign-in: %1").replace("%1", str(error))
        return self.tr("Sign-in failed: %1").replace("%1", str(error))
