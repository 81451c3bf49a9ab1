"""The shell around the workspaces: status bar, reminder, shortcuts, damaged profile."""
from datetime import UTC, datetime

from PySide6.QtWidgets import QSystemTrayIcon
from sqlalchemy import select

from claimcare_desktop.domain.complaint_flow import ComplaintEvent
from claimcare_desktop.domain.sla import complaint_clocks
from claimcare_desktop.domain.timeutil import from_naive_utc, local_date
from claimcare_desktop.store import models as m

from claimcare_desktop.store.db import open_profile
from claimcare_desktop.store.paths import database_file
from claimcare_desktop.ui import profile_recovery
from claimcare_desktop.ui import settings as opt
from claimcare_desktop.ui.i18n import Translations
from claimcare_desktop.ui.shell import Shell


def _shell(qtbot, ctx):
    translations = Translations()
    translations.install("en")
    shell = Shell(ctx, translations)
    qtbot.addWidget(shell.window)
    return shell


def test_offline_session_shows_user_branch_and_waiting_changes(qtbot, seeded, make_ctx):
    shell = _shell(qtbot, make_ctx(seeded.supervisor))
    shell.start()
    bar = shell.status_bar
    assert bar.user.text() == f"{seeded.supervisor.display_name} · Supervisor"
    assert bar.branch.text() == seeded.supervisor.branch_name
    qtbot.waitUntil(lambda: shell.sync.status.pending is not None)
    assert bar.state.text() == "Offline"
    assert bar.pending.text() == "0 change(s) waiting"
    assert bar.last_sync.text() == "Never synced"


def _expected_digest(profile):
    """Counted the slow, obvious way: every open visit, every active complaint's clocks."""
    now = datetime.now(UTC)
    with profile.session() as s:
        due_today = sum(v.due_date == local_date(now) for v in s.scalars(
            select(m.Visit).where(m.Visit.status == "open", m.Visit.deleted.is_(False))))
        near = 0
        for c in s.scalars(select(m.Complaint).where(m.Complaint.state.not_in(["resolved", "closed"]))):
            events = [ComplaintEvent(e.kind, from_naive_utc(e.at), e.reason) for e in s.scalars(
                select(m.ComplaintEvent).where(m.ComplaintEvent.complaint_id == c.id))]
            clocks = complaint_clocks(events, c.complexity, from_naive_utc(c.opened_at), now)
            near += any(k.state in ("due_soon", "breached")
                        for k in (clocks.respond, clocks.solve, clocks.statutory))
    return due_today, near


def test_reminder_counts_todays_visits(qtbot, seeded, make_ctx):
    shell = _shell(qtbot, make_ctx(seeded.supervisor))
    shell.start()
    qtbot.waitUntil(lambda: shell.reminder.last_text != "")
    due_today, near_breach = _expected_digest(shell.ctx.profile)
    assert shell.reminder.last_text == \
        f"{due_today} visit(s) due today · {near_breach} complaint(s) close to breach"
    if not QSystemTrayIcon.isSystemTrayAvailable():
        assert shell.window.banner.isVisibleTo(shell.window)
        assert shell.window.banner.text.text() == shell.reminder.last_text


def test_reminder_counts_follow_a_sync_that_brings_todays_work(qtbot, seeded, make_ctx):
    shell = _shell(qtbot, make_ctx(seeded.supervisor))
    shell.start()
    qtbot.waitUntil(lambda: shell.reminder.last_text != "")
    before = shell.reminder.last_text
    with shell.ctx.profile.session() as s, s.begin():
        visit = s.scalars(select(m.Visit).where(m.Visit.status == "open")).first()
        visit.due_date = local_date(datetime.now(UTC))
        other = s.scalars(select(m.Visit).where(m.Visit.status == "open",
                                                m.Visit.id != visit.id)).first()
        other.due_date = local_date(datetime.now(UTC))
    due_today, near_breach = _expected_digest(shell.ctx.profile)
    expected = f"{due_today} visit(s) due today · {near_breach} complaint(s) close to breach"
    assert expected != before
    with qtbot.waitSignal(shell.reminder.sig_banner_text, timeout=10_000) as blocker:
        shell.ctx.changes.notify({"visits"})
    assert blocker.args == [expected]
    if not QSystemTrayIcon.isSystemTrayAvailable():
        assert shell.window.banner.text.text() == expected


def test_reminder_comes_back_each_morning_once(qtbot, seeded, make_ctx):
    shell = _shell(qtbot, make_ctx(seeded.manager))
    reminder = shell.reminder
    early = datetime(2026, 11, 26, 23, 30, tzinfo=UTC)  # 07:30 on the 27th in China
    assert not reminder.check_morning(early)
    morning = datetime(2026, 11, 27, 0, 30, tzinfo=UTC)  # 08:30 China
    assert reminder.check_morning(morning)
    qtbot.waitUntil(lambda: shell.ctx.settings.get(opt.LAST_REMINDER_DAY) == "2026-11-27")
    assert not reminder.check_morning(morning.replace(hour=3))
    assert reminder.check_morning(morning.replace(day=28))


def test_shortcuts_reach_the_workspaces(qtbot, seeded, make_ctx):
    shell = _shell(qtbot, make_ctx(seeded.manager))
    window = shell.window
    window.show()
    qtbot.waitExposed(window)
    queue = window.workspace("visit_queue")
    qtbot.waitUntil(lambda: queue.model.rowCount() > 0)
    assert window.act_search.shortcut().toString() == "Ctrl+F"
    window.act_search.trigger()
    assert queue.filters.search.hasFocus()
    window.act_log_visit.trigger()
    assert queue.log_dialog is not None and queue.log_dialog.isVisible()
    queue.log_dialog.reject()
    assert [a.shortcut().toString() for a in window.act_workspaces][:1] == ["Ctrl+1"]
    assert window.act_sync.shortcut().toString() == "F5"
    with qtbot.waitSignal(window.sig_sync_requested):
        window.act_sync.trigger()


def test_layout_and_last_workspace_are_remembered(qtbot, seeded, make_ctx):
    ctx = make_ctx(seeded.manager)
    first = _shell(qtbot, ctx).window
    first.resize(700, 500)  # inside the offscreen 800x600 screen
    first.nav.setCurrentRow(first.nav.count() - 1)
    first.close()
    again = _shell(qtbot, ctx).window
    assert again.nav.currentRow() == first.nav.count() - 1
    assert again.size().width() == 700


def test_damaged_database_is_moved_aside_not_deleted(tmp_path, qapp, monkeypatch):
    folder = tmp_path / "damaged"
    folder.mkdir()
    database_file(folder).write_bytes(b"this is not a database" * 100)
    asked = []
    monkeypatch.setattr(profile_recovery, "ask_to_move_aside",
                        lambda error, directory, parent=None: asked.append(type(error).__name__) or True)
    profile = profile_recovery.open_or_recover(folder)
    try:
        assert asked == ["DatabaseDamaged"]
        kept = [p for p in folder.iterdir() if ".damaged-" in p.name]
        assert len(kept) == 1 and kept[0].read_bytes().startswith(b"this is not a database")
        assert database_file(folder).exists()
    finally:
        profile.close()
    open_profile(folder).close()


def test_quitting_at_the_damaged_database_prompt_opens_nothing(tmp_path, qapp, monkeypatch):
    folder = tmp_path / "damaged"
    folder.mkdir()
    database_file(folder).write_bytes(b"garbage" * 300)
    monkeypatch.setattr(profile_recovery, "ask_to_move_aside", lambda *a, **k: False)
    assert profile_recovery.open_or_recover(folder) is None
    assert database_file(folder).read_bytes().startswith(b"garbage")
