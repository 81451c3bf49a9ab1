"""A new row HQ refuses: after the round it is gone from the PC, and the status bar says how
many changes HQ refused (real HQ over HTTP)."""
from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select

from claimcare_desktop.store import models as m

from .hq_server import signed_in_shell


def _round(qtbot, shell) -> None:
    with qtbot.waitSignal(shell.sync.sig_status, timeout=30_000,
                          check_params_cb=lambda status: not status.running):
        shell.sync.sync_now()


def test_a_refused_new_row_leaves_the_pc_and_the_status_bar_counts_it(
        qtbot, profile, runner, settings, tmp_path):
    with signed_in_shell(qtbot, profile, runner, settings, tmp_path, "manager") as (
            shell, ctx, signed):
        _round(qtbot, shell)
        assert shell.status_bar.refused.isHidden()
        claim_id = str(uuid.uuid4())
        with profile.session(signed.user.id) as s, s.begin():  # claims are HQ's
            customer_id = s.scalars(select(m.Customer.id)).first()
            s.add(m.Claim(id=claim_id, branch_id=signed.user.branch_id,
                          customer_id=customer_id, claim_no="PC-UI", claim_type="auto",
                          status="open", reported_at=datetime(2026, 3, 2, 9, 0)))
        with qtbot.waitSignal(ctx.changes.sig_changed, timeout=30_000):
            _round(qtbot, shell)
        assert shell.status_bar.refused.text() == "1 change(s) refused by HQ"
        assert not shell.status_bar.refused.isHidden()
        qtbot.waitUntil(lambda: shell.status_bar.pending.text() == "0 change(s) waiting",
                        timeout=10_000)
    with profile.engine.connect() as conn:
        deleted = conn.execute(select(m.Claim.deleted).where(m.Claim.id == claim_id)).scalar()
        logged = conn.execute(select(m.ConflictEntry.field)
                              .where(m.ConflictEntry.row_id == claim_id)).scalar()
    assert deleted is True and logged == "refused create: read_only_table"
