"""The visit queue driven through its real widgets against a real SQLite profile."""
from PySide6.QtCore import Qt
from sqlalchemy import select

from claimcare_desktop.store import models as m
from claimcare_desktop.ui.visit_queue.workspace import Workspace


def _workspace(qtbot, ctx):
    ws = Workspace(ctx)
    qtbot.addWidget(ws)
    qtbot.waitUntil(lambda: ws.model.rowCount() > 0 and not ws.model.is_loading())
    return ws


def _open_log_dialog(qtbot, ws, row=0):
    ws.table.selectRow(row)
    ws.log_button.click()
    assert ws.log_dialog is not None and ws.log_dialog.isVisible()
    return ws.log_dialog


def _choose(combo, code):
    combo.setCurrentIndex(combo.findData(code))


def _visit(profile, visit_id):
    with profile.session() as s:
        return s.get(m.Visit, visit_id)


def test_queue_model_passes_qtmodeltester(qtbot, qtmodeltester, seeded, make_ctx):
    ws = _workspace(qtbot, make_ctx(seeded.supervisor))
    qtmodeltester.check(ws.model)
    ws.filters.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: ws.model.rowCount() > 0 and not ws.model.is_loading())
    qtmodeltester.check(ws.model)


def test_manager_sees_own_visits_supervisor_the_branch(qtbot, seeded, make_ctx):
    mine = _workspace(qtbot, make_ctx(seeded.manager))
    mine.filters.tabs.setCurrentIndex(2)
    qtbot.waitUntil(lambda: not mine.model.is_loading() and mine.model.rowCount() > 0)
    assert {mine.model.row_at(i).assignee_id for i in range(mine.model.rowCount())} == {seeded.manager.id}
    assert not mine.filters.scope.isEnabled()
    branch = _workspace(qtbot, make_ctx(seeded.supervisor))
    branch.filters.tabs.setCurrentIndex(2)
    qtbot.waitUntil(lambda: not branch.model.is_loading() and branch.model.rowCount() > mine.model.rowCount())


def test_work_a_visit_to_completion(qtbot, seeded, make_ctx):
    ctx = make_ctx(seeded.manager)
    ws = _workspace(qtbot, ctx)
    row = ws.model.row_at(0)
    dialog = _open_log_dialog(qtbot, ws)
    _choose(dialog.result, "reached")
    dialog.set_score(5)
    dialog.feedback.insertPlainText("问理赔进度，很满意")  # QTest cannot type CJK
    dialog.follow_up.setChecked(True)
    with qtbot.waitSignal(dialog.sig_logged):
        dialog.save()
    assert not dialog.isVisible()
    saved = _visit(ctx.profile, row.visit_id)
    assert (saved.status, saved.satisfaction, saved.attempts) == ("done", 5, 1)
    assert saved.feedback == "问理赔进度，很满意" and saved.follow_up_needed
    qtbot.waitUntil(lambda: not ws.model.is_loading() and ws.model.row_of(row.visit_id) == -1)
    ws.filters.tabs.setCurrentIndex(3)
    qtbot.waitUntil(lambda: ws.model.row_of(row.visit_id) >= 0)


def test_no_answer_schedules_a_retry(qtbot, seeded, make_ctx):
    ctx = make_ctx(seeded.manager)
    ws = _workspace(qtbot, ctx)
    row = ws.model.row_at(0)
    dialog = _open_log_dialog(qtbot, ws)
    _choose(dialog.result, "no_answer")
    assert not dialog.score_row.isEnabled()
    with qtbot.waitSignal(dialog.sig_logged):
        dialog.save()
    retry_on = dialog.logged.next_due_date
    assert retry_on > ws.model.filter.today
    saved = _visit(ctx.profile, row.visit_id)
    assert (saved.status, saved.attempts, saved.due_date) == ("open", 1, retry_on)
    assert ws.complaint_dialog is None


def test_reached_without_a_score_is_refused_and_nothing_saved(qtbot, seeded, make_ctx):
    ctx = make_ctx(seeded.manager)
    ws = _workspace(qtbot, ctx)
    row = ws.model.row_at(0)
    dialog = _open_log_dialog(qtbot, ws)
    _choose(dialog.result, "reached")
    dialog.save()
    assert dialog.isVisible() and dialog.error.text()
    _choose(dialog.result, "no_answer")
    dialog.feedback.setPlainText("x" * 2001)
    dialog.save()
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled())
    assert "2000" in dialog.error.text() and dialog.isVisible()
    assert _visit(ctx.profile, row.visit_id).attempts == 0


def test_low_score_turns_into_a_complaint(qtbot, seeded, make_ctx):
    ctx = make_ctx(seeded.manager)
    went = []
    ctx.set_navigator(lambda target, **kw: went.append((target, kw)))
    ws = _workspace(qtbot, ctx)
    row = ws.model.row_at(0)
    dialog = _open_log_dialog(qtbot, ws)
    _choose(dialog.result, "reached")
    dialog.set_score(1)
    dialog.feedback.insertPlainText("赔款到账太慢")
    with qtbot.waitSignal(dialog.sig_logged):
        dialog.save()
    prompt = ws.complaint_dialog
    assert prompt is not None and prompt.isVisible()
    assert prompt.summary.toPlainText() == "赔款到账太慢"
    _choose(prompt.category, "payout_delay")
    with qtbot.waitSignal(prompt.sig_opened):
        prompt.open_button.click()
    with ctx.profile.session() as s:
        complaint = s.scalars(select(m.Complaint).where(m.Complaint.visit_id == row.visit_id)).one()
        kinds = s.scalars(select(m.ComplaintEvent.kind).where(
            m.ComplaintEvent.complaint_id == complaint.id)).all()
    assert (complaint.customer_id, complaint.visit_id, complaint.category) == \
        (row.customer_id, row.visit_id, "payout_delay")
    assert kinds == ["opened"]
    assert went == [("complaints", {"complaint_id": complaint.id})]


def test_enter_on_a_row_opens_the_log_dialog(qtbot, seeded, make_ctx):
    ws = _workspace(qtbot, make_ctx(seeded.manager))
    ws.show()
    qtbot.waitExposed(ws)
    ws.table.setFocus()
    ws.table.selectRow(0)
    qtbot.keyClick(ws.table, Qt.Key.Key_Return)
    assert ws.log_dialog is not None and ws.log_dialog.isVisible()
    assert ws.model.row_at(0).customer_name in ws.log_dialog.windowTitle()


def test_hidden_columns_are_remembered(qtbot, seeded, make_ctx):
    ctx = make_ctx(seeded.manager)
    ws = _workspace(qtbot, ctx)
    ws.table.setColumnWidth(0, 140)
    ws.set_column_shown(1, False)
    again = _workspace(qtbot, ctx)
    assert again.table.isColumnHidden(1) and not again.table.isColumnHidden(0)
    assert again.table.columnWidth(0) == 140
