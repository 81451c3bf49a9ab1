"""Signing in again from the status bar after HQ stopped accepting the PC's token, against a
real HQ over HTTP: the waiting changes drain at once; a wrong password, an unreachable HQ and
HQ's slow-down say so as the first sign-in does and lose nothing; another account is refused."""
from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from claimcare_desktop.store import models as m
from claimcare_desktop.sync import token_store
from claimcare_desktop.sync.errors import SignedInAsAnotherUser
from claimcare_desktop.ui.changes import ChangeBus
from claimcare_desktop.ui.context import AppContext
from claimcare_desktop.ui.i18n import Translations
from claimcare_desktop.ui.shell import Shell
from claimcare_desktop.ui.sign_in.dialog import SignInDialog
from claimcare_desktop.ui.sign_in.flow import sign_in, sign_in_again

from .hq_server import PASSWORD, free_port, seeded_hq_engine, serving
from .test_sign_in_expired import _age_token


@dataclass
class Expired:
    shell: Shell
    ctx: AppContext
    hq_engine: object
    username: str
    old_token: str
    customer_id: str


@pytest.fixture
def english(qapp):
    translations = Translations()
    translations.install("en")
    yield translations
    translations.uninstall()


@contextmanager
def _hq(tmp_path):
    engine, users = seeded_hq_engine(tmp_path)
    try:
        with serving(engine, free_port()) as url:
            yield engine, url, next(u[1] for u in users if u[2] == "supervisor")
    finally:
        engine.dispose()


def _round(qtbot, shell) -> None:
    with qtbot.waitSignal(shell.sync.sig_status, timeout=30_000,
                          check_params_cb=lambda status: not status.running):
        shell.sync.sync_now()


def _pending_shown(qtbot, shell, count: int) -> None:
    text = f"{count} change(s) waiting"
    qtbot.waitUntil(lambda: shell.status_bar.pending.text() == text, timeout=10_000)


def _expired_with_a_change_waiting(qtbot, profile, runner, settings, translations,
                                   hq_engine, url, username) -> Expired:
    """A synced session, then an edit made while HQ let the sign-in expire."""
    from claimcare_hq.auth import TOKEN_IDLE_LIMIT

    signed = sign_in(profile, url, username, PASSWORD)
    ctx = AppContext(profile, signed.user, runner, ChangeBus(), settings, url, signed.token)
    shell = Shell(ctx, translations)
    qtbot.addWidget(shell.window)
    shell.window.show()
    _round(qtbot, shell)
    with profile.session(signed.user.id) as s, s.begin():
        customer = s.scalars(select(m.Customer).order_by(m.Customer.id)).first()
        customer.tags = ["while-expired"]
        customer_id = customer.id
    _age_token(hq_engine, signed.token, TOKEN_IDLE_LIMIT + timedelta(minutes=1))
    _round(qtbot, shell)
    _pending_shown(qtbot, shell, 1)
    assert shell.sync.status.problem == "sign_in_expired"
    return Expired(shell, ctx, hq_engine, username, signed.token, customer_id)


@pytest.fixture
def expired(qtbot, profile, runner, settings, tmp_path, english):
    """HQ serving for the whole test; the session's sign-in expired, one change waiting."""
    with _hq(tmp_path) as (hq_engine, url, username):
        yield _expired_with_a_change_waiting(qtbot, profile, runner, settings, english,
                                             hq_engine, url, username)


def _open_dialog(qtbot, shell) -> SignInDialog:
    button = shell.status_bar.sign_in_again
    assert button.isVisible() and button.text() == "Sign in again…"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = shell.sign_in_again.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def _attempt(qtbot, dialog: SignInDialog, password: str) -> None:
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, password)
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled() or dialog.signed_in is not None,
                    timeout=15_000)


def _hq_tags(hq_engine, customer_id: str):
    from claimcare_hq.schema import SYNCED_TABLES

    customers = SYNCED_TABLES["customers"]
    with hq_engine.connect() as conn:
        return conn.execute(select(customers.c.tags).where(customers.c.id == customer_id)).scalar()


def test_signing_in_again_from_the_status_bar_syncs_the_waiting_changes_at_once(
        qtbot, profile, expired):
    shell = expired.shell
    dialog = _open_dialog(qtbot, shell)
    assert dialog.username.text() == expired.username and dialog.username.isReadOnly()
    assert dialog.windowTitle() == "Sign in again"
    _attempt(qtbot, dialog, PASSWORD)
    _pending_shown(qtbot, shell, 0)
    assert not dialog.isVisible()
    assert shell.status_bar.state.text() == "Online"
    assert not shell.status_bar.sign_in_again.isVisible()
    assert _hq_tags(expired.hq_engine, expired.customer_id) == ["while-expired"]
    new_token = expired.ctx.hq_token
    assert new_token != expired.old_token and token_store.load(profile) == new_token


def test_a_wrong_password_says_so_and_keeps_the_sign_in_expired_and_the_change_waiting(
        qtbot, profile, expired):
    shell = expired.shell
    dialog = _open_dialog(qtbot, shell)
    _attempt(qtbot, dialog, "not-the-password")
    assert dialog.signed_in is None and dialog.isVisible()
    assert dialog.message.text() == "Wrong user name or password."
    _round(qtbot, shell)
    assert shell.sync.status.problem == "sign_in_expired"
    _pending_shown(qtbot, shell, 1)
    assert _hq_tags(expired.hq_engine, expired.customer_id) != ["while-expired"]
    assert token_store.load(profile) == expired.old_token


def test_signing_in_again_needs_hq_and_says_when_it_cannot_be_reached(
        qtbot, profile, runner, settings, tmp_path, english):
    with _hq(tmp_path) as (_hq_engine, url, username):
        signed = sign_in(profile, url, username, PASSWORD)  # a verifier for offline sign-in
    dialog = SignInDialog(profile, runner, settings, hq_url=f"http://127.0.0.1:{free_port()}",
                          again_as=signed.user)
    qtbot.addWidget(dialog)
    _attempt(qtbot, dialog, PASSWORD)
    assert dialog.signed_in is None  # no offline fallback: that would give no token
    assert dialog.message.text() == "HQ cannot be reached. Check the network or the HQ address."


def test_hq_slowing_down_sign_ins_is_said_as_at_the_first_sign_in(
        qtbot, profile, runner, settings, tmp_path, english):
    with _hq(tmp_path) as (_hq_engine, url, username):
        signed = sign_in(profile, url, username, PASSWORD)
        dialog = SignInDialog(profile, runner, settings, hq_url=url, again_as=signed.user)
        qtbot.addWidget(dialog)
        for _ in range(6):
            _attempt(qtbot, dialog, "guess")
        assert dialog.message.text() == "Too many failed attempts. Try again in 1 minute(s)."
    assert token_store.load(profile) == signed.token


def test_signing_in_again_as_another_account_is_refused_and_stores_nothing(
        profile, tmp_path):
    with _hq(tmp_path) as (_hq_engine, url, username):
        signed = sign_in(profile, url, username, PASSWORD)
        someone_else = replace(signed.user, id="00000000-0000-0000-0000-000000000000")
        with pytest.raises(SignedInAsAnotherUser):
            sign_in_again(profile, url, someone_else, PASSWORD)
    assert token_store.load(profile) == signed.token


def test_the_file_menu_offers_signing_in_again_too(qtbot, profile, expired):
    shell = expired.shell
    action = shell.window.act_sign_in_again
    assert action in shell.window.menu_file.actions() and action.text() == "Sign &in again…"
    action.trigger()
    dialog = shell.sign_in_again.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.username.text() == expired.username and dialog.username.isReadOnly()
    _attempt(qtbot, dialog, PASSWORD)
    _pending_shown(qtbot, shell, 0)
