"""Signing in through the real dialog: online against a real HQ, then offline."""
import pytest
from sqlalchemy import select

from claimcare_desktop.store import models as m
from claimcare_desktop.ui import settings as opt
from claimcare_desktop.ui.sign_in.dialog import SignInDialog

from .hq_server import PASSWORD, free_port, running_hq


@pytest.fixture(scope="module")
def hq(tmp_path_factory):
    with running_hq(tmp_path_factory.mktemp("hq")) as (url, users):
        yield url, users


def _dialog(qtbot, profile, runner, settings, url, username="", password=""):
    dialog = SignInDialog(profile, runner, settings, hq_url=url)
    qtbot.addWidget(dialog)
    dialog.username.setText(username)
    qtbot.keyClicks(dialog.password, password)
    return dialog


def _attempt(qtbot, dialog):
    dialog.sign_in_button.click()
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled() or dialog.signed_in is not None, timeout=10000)


def test_online_then_offline_sign_in(qtbot, profile, runner, settings, hq):
    url, users = hq
    code, username, role = next(u for u in users if u[2] == "manager")
    online = _dialog(qtbot, profile, runner, settings, url, username, PASSWORD)
    _attempt(qtbot, online)
    assert online.signed_in is not None and online.signed_in.token
    assert (online.signed_in.user.username, online.signed_in.user.role) == (username, "manager")
    with profile.engine.connect() as conn:
        verifier = conn.execute(select(m.LocalCredential.verifier)).scalar_one()
    assert verifier.startswith("$argon2id$") and PASSWORD not in verifier

    unreachable = f"http://127.0.0.1:{free_port()}"
    offline = _dialog(qtbot, profile, runner, settings, unreachable, username, PASSWORD)
    _attempt(qtbot, offline)
    assert offline.signed_in is not None
    assert offline.signed_in.user == online.signed_in.user
    # the token of the last online sign-in comes back, so sync resumes when HQ does
    assert offline.signed_in.token == online.signed_in.token

    wrong = _dialog(qtbot, profile, runner, settings, unreachable, username, "not-it")
    _attempt(qtbot, wrong)
    assert wrong.signed_in is None and wrong.message.text() == wrong.tr("Wrong user name or password.")


def test_wrong_password_online_is_refused(qtbot, profile, runner, settings, hq):
    url, users = hq
    dialog = _dialog(qtbot, profile, runner, settings, url, users[0][1], "bad-password")
    _attempt(qtbot, dialog)
    assert dialog.signed_in is None
    assert dialog.message.text() == dialog.tr("Wrong user name or password.")


def test_unknown_user_offline_says_why(qtbot, profile, runner, settings):
    dialog = _dialog(qtbot, profile, runner, settings, f"http://127.0.0.1:{free_port()}",
                     "bj99.mgr1", "whatever")
    _attempt(qtbot, dialog)
    assert dialog.signed_in is None
    assert "offline" in dialog.message.text()


def test_empty_fields_are_refused_before_any_attempt(qtbot, profile, runner, settings):
    dialog = _dialog(qtbot, profile, runner, settings, None)
    dialog.sign_in_button.click()
    assert dialog.message.text() == dialog.tr("Enter your user name and password.")
    assert not runner.busy()


def test_signed_in_session_syncs_with_hq(qtbot, profile, runner, settings, hq):
    from claimcare_desktop.ui.changes import ChangeBus
    from claimcare_desktop.ui.context import AppContext
    from claimcare_desktop.ui.status.sync_controller import SyncController

    url, users = hq
    code, username, role = next(u for u in users if u[2] == "supervisor")
    dialog = _dialog(qtbot, profile, runner, settings, url, username, PASSWORD)
    _attempt(qtbot, dialog)
    signed = dialog.signed_in
    ctx = AppContext(profile, signed.user, runner, ChangeBus(), settings, signed.hq_url, signed.token)
    sync = SyncController(ctx)
    with qtbot.waitSignal(ctx.changes.sig_changed, timeout=20000) as changed:
        sync.sync_now()
    assert "visits" in changed.args[0]
    qtbot.waitUntil(lambda: sync.status.last_sync_at is not None and not sync.status.running,
                    timeout=10000)
    assert sync.status.online and sync.status.pending == 0
    with profile.engine.connect() as conn:
        assert conn.execute(select(m.Visit.id)).first() is not None


def test_every_failure_has_its_own_message(qtbot, profile, runner, settings):
    from claimcare_desktop.sync.errors import AccountDisabled, HqUnreachable, RateLimited
    from claimcare_desktop.ui.sign_in.credentials import UnknownOfflineUser, WrongPassword

    dialog = _dialog(qtbot, profile, runner, settings, None)
    messages = {name: dialog.describe(error) for name, error in {
        "disabled": AccountDisabled("off"), "limited": RateLimited(130),
        "unreachable": HqUnreachable("down"), "unknown": UnknownOfflineUser("x"),
        "wrong": WrongPassword("x")}.items()}
    assert messages["limited"] == "Too many failed attempts. Try again in 2 minute(s)."
    assert messages["disabled"].startswith("This account is disabled")
    assert messages["unreachable"].startswith("HQ cannot be reached.")
    assert "not signed in online on this PC" in messages["unknown"]
    assert messages["wrong"] == "Wrong user name or password."
    assert len(set(messages.values())) == 5


def test_hq_rate_limit_after_repeated_failures(qtbot, profile, runner, settings, hq):
    from claimcare_desktop.sync.errors import BadCredentials
    from claimcare_desktop.ui.sign_in.flow import sign_in

    url, _users = hq
    for _ in range(5):
        with pytest.raises(BadCredentials):
            sign_in(profile, url, "nobody.ratelimit", "guess")
    dialog = _dialog(qtbot, profile, runner, settings, url, "nobody.ratelimit", "guess")
    _attempt(qtbot, dialog)
    assert dialog.signed_in is None
    assert dialog.message.text() == "Too many failed attempts. Try again in 1 minute(s)."


@pytest.mark.parametrize("address", ["http://127.0.0.1:8765wrongpass", "127.0.0.1:8765",
                                     "ftp://hq.example.com", "http://hq:99999"])
def test_a_mistyped_hq_address_is_named_in_the_users_language_and_nothing_is_stored(
        qtbot, profile, runner, settings, address):
    from claimcare_desktop.ui.i18n import Translations

    translations = Translations()
    translations.install("zh_CN")
    try:
        dialog = _dialog(qtbot, profile, runner, settings, address, "sh01.mgr1", PASSWORD)
        _attempt(qtbot, dialog)
        assert dialog.signed_in is None
        assert dialog.message.text() == ("总部地址无效。格式如 http://hq.example.com:8765"
                                         "（请向总部索取）。")
        assert dialog.hq_url.hasFocus() or not dialog.isActiveWindow()
        assert dialog.hq_url.text() == address  # kept, to be corrected
    finally:
        translations.uninstall()
    with profile.engine.connect() as conn:
        assert conn.execute(select(m.LocalCredential)).first() is None
    assert settings.get(opt.HQ_URL) == opt.HQ_URL.default  # the mistyped address not kept
