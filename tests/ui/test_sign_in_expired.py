"""A sign-in HQ let expire (30 idle days) is named as such in the status bar, in both
languages, apart from the generic "sign in again" of a revoked sign-in; both offer to sign
in again (test_sign_in_again.py follows that action)."""
from datetime import timedelta

from sqlalchemy import update

from claimcare_desktop.ui.changes import ChangeBus
from claimcare_desktop.ui.context import AppContext
from claimcare_desktop.ui.i18n import Translations
from claimcare_desktop.ui.shell import Shell
from claimcare_desktop.ui.sign_in.flow import sign_in

from .hq_server import PASSWORD, free_port, seeded_hq_engine, serving

EXPIRED_EN = "Sign-in expired — sign in again to sync"
EXPIRED_ZH = "登录已过期，请重新登录后同步"
SIGNED_OUT_EN = "Offline — sign in again to sync"
ACTION_EN, ACTION_ZH = "Sign in again…", "重新登录…"


def _age_token(hq_engine, token: str, idle: timedelta) -> None:
    from claimcare_hq.auth import token_hash
    from claimcare_hq.push import utcnow
    from claimcare_hq.schema import Token

    tokens = Token.__table__
    with hq_engine.begin() as conn:
        conn.execute(update(tokens).where(tokens.c.token_hash == token_hash(token))
                     .values(last_used_at=utcnow() - idle))


def _after_a_round(qtbot, profile, runner, settings, tmp_path, translations,
                   spoil) -> Shell:
    """A shell whose sync round ran after `spoil(hq_engine, token)`; HQ stopped."""
    engine, users = seeded_hq_engine(tmp_path)
    username = next(u[1] for u in users if u[2] == "supervisor")
    try:
        with serving(engine, free_port()) as url:
            signed = sign_in(profile, url, username, PASSWORD)
            spoil(engine, signed.token)
            ctx = AppContext(profile, signed.user, runner, ChangeBus(), settings, url,
                             signed.token)
            shell = Shell(ctx, translations)
            qtbot.addWidget(shell.window)
            with qtbot.waitSignal(shell.sync.sig_status, timeout=30_000,
                                  check_params_cb=lambda status: not status.running):
                shell.sync.sync_now()
    finally:
        engine.dispose()
    return shell


def test_an_expired_sign_in_has_its_own_status_in_english_and_chinese(
        qtbot, profile, runner, settings, tmp_path):
    from claimcare_hq.auth import TOKEN_IDLE_LIMIT

    def expire(engine, token):
        _age_token(engine, token, TOKEN_IDLE_LIMIT + timedelta(minutes=1))

    translations = Translations()
    translations.install("en")
    try:
        shell = _after_a_round(qtbot, profile, runner, settings, tmp_path, translations, expire)
        assert shell.sync.status.problem == "sign_in_expired"
        assert not shell.sync.status.online
        assert shell.status_bar.state.text() == EXPIRED_EN
        assert not shell.status_bar.sign_in_again.isHidden()
        assert shell.status_bar.sign_in_again.text() == ACTION_EN
        translations.install("zh_CN")
        qtbot.waitUntil(lambda: shell.status_bar.state.text() == EXPIRED_ZH, timeout=5_000)
        assert shell.status_bar.sign_in_again.text() == ACTION_ZH
    finally:
        translations.uninstall()


def test_a_revoked_sign_in_keeps_the_generic_sign_in_again_status(
        qtbot, profile, runner, settings, tmp_path):
    from claimcare_hq.auth import revoke

    translations = Translations()
    translations.install("en")
    try:
        shell = _after_a_round(qtbot, profile, runner, settings, tmp_path, translations, revoke)
        assert shell.sync.status.problem == "signed_out"
        assert shell.status_bar.state.text() == SIGNED_OUT_EN
        assert not shell.status_bar.sign_in_again.isHidden()
    finally:
        translations.uninstall()
