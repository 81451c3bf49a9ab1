"""The app as a user sees it when HQ goes away and comes back: the status bar says so,
work saved meanwhile waits in the outbox, and drains to HQ once HQ answers again."""
from sqlalchemy import select, text

from claimcare_desktop.store import models as m
from claimcare_desktop.ui.changes import ChangeBus
from claimcare_desktop.ui.context import AppContext
from claimcare_desktop.ui.i18n import Translations
from claimcare_desktop.ui.shell import Shell
from claimcare_desktop.ui.sign_in.flow import sign_in

from .hq_server import PASSWORD, free_port, seeded_hq_engine, serving


def _wait_for_round(qtbot, shell):
    qtbot.waitUntil(lambda: not shell.sync.status.running and shell.sync.status.pending is not None,
                    timeout=30_000)


def _sync_round(qtbot, shell):
    with qtbot.waitSignal(shell.sync.sig_status, timeout=30_000,
                          check_params_cb=lambda status: not status.running):
        shell.sync.sync_now()
    shell.sync.refresh_counters()
    qtbot.waitUntil(lambda: shell.status_bar.pending.text() != "", timeout=10_000)


def test_offline_then_online_status_changes_and_pending_changes_drain(
        qtbot, profile, runner, settings, tmp_path):
    engine, users = seeded_hq_engine(tmp_path)
    port = free_port()
    username = next(u[1] for u in users if u[2] == "supervisor")
    with serving(engine, port) as url:
        signed = sign_in(profile, url, username, PASSWORD)
        translations = Translations()
        translations.install("en")
        ctx = AppContext(profile, signed.user, runner, ChangeBus(), settings, url, signed.token)
        shell = Shell(ctx, translations)
        qtbot.addWidget(shell.window)
        shell.start()
        qtbot.waitUntil(lambda: shell.sync.status.last_sync_at is not None, timeout=30_000)
        _wait_for_round(qtbot, shell)
        assert shell.status_bar.state.text() == "Online"

    # HQ is gone; the supervisor keeps working
    with profile.session(signed.user.id) as s, s.begin():
        customer = s.scalars(select(m.Customer)).first()
        customer.tags = ["offline-edit"]
        customer_id = customer.id
    ctx.changes.notify({"customers"})
    _sync_round(qtbot, shell)
    assert not shell.sync.status.online
    assert shell.status_bar.state.text() == "Offline"
    qtbot.waitUntil(lambda: shell.status_bar.pending.text() == "1 change(s) waiting")

    with serving(engine, port):
        _sync_round(qtbot, shell)
        qtbot.waitUntil(lambda: shell.status_bar.pending.text() == "0 change(s) waiting",
                        timeout=10_000)
        assert shell.status_bar.state.text() == "Online"
    with engine.connect() as conn:
        tags = conn.execute(text("SELECT tags FROM customers WHERE id = :id"),
                            {"id": customer_id}).scalar_one()
    assert "offline-edit" in str(tags)
    engine.dispose()
