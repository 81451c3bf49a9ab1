"""While a round runs, the status bar says how far it is: changes sent of those waiting, rows
received so far, the derived data being updated (real HQ over HTTP, real widgets)."""
from __future__ import annotations

import re

from sqlalchemy import select

from claimcare_desktop.store import models as m
from claimcare_desktop.sync.progress import RECEIVING
from claimcare_desktop.ui.status.sync_controller import SyncStatus

from .hq_server import signed_in_shell


def _round(qtbot, shell) -> list[str]:
    """Every text the sync state showed during one round."""
    shown: list[str] = []

    def record(_status) -> None:  # connected after the status bar's own slot: its text is set
        shown.append(shell.status_bar.state.text())

    shell.sync.sig_status.connect(record)
    with qtbot.waitSignal(shell.sync.sig_status, timeout=30_000,
                          check_params_cb=lambda status: not status.running):
        shell.sync.sync_now()
    shell.sync.sig_status.disconnect(record)
    return shown


def test_the_status_bar_counts_rows_received_and_changes_sent_during_a_round(
        qtbot, profile, runner, settings, tmp_path):
    with signed_in_shell(qtbot, profile, runner, settings, tmp_path, "supervisor") as (
            shell, _ctx, signed):
        first = _round(qtbot, shell)
        received = [int(n.replace(",", "")) for text in first
                    for n in re.findall(r"^Syncing — received ([\d,]+)$", text)]
        assert received and received[-1] > 100  # the branch's rows, counted as they came
        assert first[0] == "Syncing…" and first[-1] == "Online"
        # after the pull, the PC's own plans and risk are brought up to date
        assert "Syncing — updating follow-up plans and risk…" in first
        with profile.session(signed.user.id) as s, s.begin():
            for n, customer in enumerate(s.scalars(select(m.Customer).limit(3))):
                customer.care_notes = f"call back {n}"
        second = _round(qtbot, shell)
        assert "Syncing — sent 3 of 3" in second and second[-1] == "Online"
        shell.translations.install("zh_CN")
        shell.status_bar.show_status(SyncStatus(online=True, running=True, pending=0,
                                                last_sync_at=None, stage=RECEIVING, done=12345))
        assert shell.status_bar.state.text() == "正在同步 — 已接收 12,345 条"
