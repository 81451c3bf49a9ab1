"""The complaint tracker driven through its widgets against a real SQLite profile."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from claimcare_desktop.domain.vocab import ClockState
from claimcare_desktop.store import models as m
from claimcare_desktop.store.complaint_ops import Actor, NewComplaint, open_complaint
from claimcare_desktop.ui.complaints.columns import FIRST_CLOCK
from claimcare_desktop.ui.complaints.workspace import Workspace


@pytest.fixture
def complaint(handmade, profile):
    manager = Actor(handmade.manager.id, "manager", handmade.branch_id)
    return open_complaint(profile, manager, NewComplaint(handmade.customer_ids[0], "payout_delay",
                                                         "赔款超过一周未到账"))


def workspace(qtbot, ctx) -> Workspace:
    ws = Workspace(ctx)
    qtbot.addWidget(ws)
    ws.resize(1300, 700)
    qtbot.waitUntil(lambda: not ws.model.is_loading())
    return ws


def select_complaint(qtbot, ws, complaint_id):
    qtbot.waitUntil(lambda: ws.model.row_of(complaint_id) >= 0)
    ws.table.selectRow(ws.model.row_of(complaint_id))
    qtbot.waitUntil(lambda: ws.detail.detail is not None and ws.detail.detail.row.id == complaint_id)


def act(qtbot, ws, kind, fill=None):
    before = len(ws.detail.detail.events)
    button = ws.detail.buttons[kind]
    assert button.isEnabled(), kind
    button.click()
    if fill is not None:
        assert ws.dialog.isVisible()
        fill(ws.dialog)
        ws.dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: ws.detail.detail is not None and len(ws.detail.detail.events) == before + 1)
    return ws.detail.detail


def choose(combo, code):
    combo.setCurrentIndex(combo.findData(code))
    assert combo.currentData() == code


def test_a_complaint_through_its_whole_life(qtbot, handmade, complaint, make_ctx, profile):
    manager = workspace(qtbot, make_ctx(handmade.manager))
    select_complaint(qtbot, manager, complaint)
    assert not manager.detail.buttons["reassigned"].isEnabled()  # a manager cannot reassign
    assert act(qtbot, manager, "acknowledged").row.state == "acknowledged"
    paused = act(qtbot, manager, "paused", lambda d: (choose(d.reason, "awaiting_documents"),
                                                      d.note.setPlainText("等客户补材料")))
    assert paused.row.state == "paused"
    assert manager.detail.clock_labels[1].text().startswith("Paused")  # the 48 h clock stands still
    assert act(qtbot, manager, "resumed").row.state == "acknowledged"
    assert act(qtbot, manager, "escalated", lambda d: d.note.setPlainText("金额争议")).row.state == "escalated"

    supervisor = workspace(qtbot, make_ctx(handmade.supervisor))
    select_complaint(qtbot, supervisor, complaint)
    reassigned = act(qtbot, supervisor, "reassigned", lambda d: choose(d.owner, handmade.other_manager.id))
    assert reassigned.row.owner_id == handmade.other_manager.id

    other = workspace(qtbot, make_ctx(handmade.other_manager))
    select_complaint(qtbot, other, complaint)
    resolved = act(qtbot, other, "resolved", lambda d: (d.resolution.setPlainText("补付差额并致歉"),
                                                        choose(d.root_cause, "payout_amount")))
    assert resolved.row.state == "resolved" and resolved.root_cause == "payout_amount"
    assert act(qtbot, other, "closed", lambda d: None).row.state == "closed"
    assert not other.detail.buttons["reopened"].isEnabled()  # reopening a closed one: supervisor

    supervisor.open_complaint(complaint)
    qtbot.waitUntil(lambda: supervisor.detail.detail.row.state == "closed")
    story = act(qtbot, supervisor, "reopened", lambda d: d.note.setPlainText("客户不认可"))
    assert story.row.state == "open"
    assert [e.kind for e in story.events] == [
        "opened", "acknowledged", "paused", "resumed", "escalated", "reassigned", "resolved",
        "closed", "reopened"]
    assert story.events[2].reason == "awaiting_documents"
    assert supervisor.detail.events.rowCount() == 9
    with profile.engine.connect() as conn:
        owners = conn.execute(select(m.Complaint.owner_id).where(m.Complaint.id == complaint)).scalars().all()
    assert owners == [handmade.other_manager.id]


def test_refused_action_keeps_the_dialog_open_with_a_message(qtbot, handmade, complaint, make_ctx, profile):
    ws = workspace(qtbot, make_ctx(handmade.manager))
    select_complaint(qtbot, ws, complaint)
    ws.detail.buttons["resolved"].click()
    ws.dialog.buttons.accepted.emit()  # no resolution written
    qtbot.waitUntil(lambda: ws.dialog.error.text() != "")
    assert ws.dialog.isVisible()
    with profile.engine.connect() as conn:
        kinds = conn.execute(select(m.ComplaintEvent.kind)).scalars().all()
    assert kinds == ["opened"]


def test_clocks_tick_without_reloading(qtbot, handmade, complaint, make_ctx):
    ws = workspace(qtbot, make_ctx(handmade.manager))
    select_complaint(qtbot, ws, complaint)
    row = ws.model.row_of(complaint)
    start = ws.now()
    assert ws.model.clock_state(row, 0, start) == ClockState.ON_TRACK
    ws.now = lambda: start + timedelta(hours=20)
    with qtbot.waitSignal(ws.model.dataChanged):
        ws.tick()
    assert ws.model.clock_state(row, 0, ws.now()) == ClockState.DUE_SOON
    ws.now = lambda: start + timedelta(hours=30)
    ws.tick()
    index = ws.model.index(row, FIRST_CLOCK)
    assert ws.model.data(index).endswith("over")
    assert ws.model.clock_state(row, 0, ws.now()) == ClockState.BREACHED
    assert ws.model.data(index, 8).name() == "#fde2e1"  # BackgroundRole: breached red
    assert ws.detail.clock_labels[0].text() == ws.model.data(index)


def test_filters_and_scope(qtbot, handmade, complaint, make_ctx, profile):
    other = Actor(handmade.other_manager.id, "manager", handmade.branch_id)
    open_complaint(profile, other, NewComplaint(handmade.customer_ids[1], "documents", "材料被退回三次"),
                   now=(datetime.now(UTC) - timedelta(days=3)).replace(tzinfo=None))
    manager = workspace(qtbot, make_ctx(handmade.manager))
    qtbot.waitUntil(lambda: manager.model.rowCount() == 1)
    assert not manager.filters.owner.isEnabled()
    supervisor = workspace(qtbot, make_ctx(handmade.supervisor))
    qtbot.waitUntil(lambda: supervisor.model.rowCount() == 2 and supervisor.filters.owner.count() == 4)
    choose(supervisor.filters.category, "documents")
    qtbot.waitUntil(lambda: supervisor.model.rowCount() == 1 and not supervisor.model.is_loading())
    supervisor.filters.category.setCurrentIndex(0)
    supervisor.filters.age.setCurrentIndex(supervisor.filters.age.findData(2))
    qtbot.waitUntil(lambda: supervisor.model.rowCount() == 1 and not supervisor.model.is_loading())
    assert supervisor.model.row_at(0).category == "documents"
    supervisor.filters.age.setCurrentIndex(0)
    choose(supervisor.filters.owner, handmade.manager.id)
    qtbot.waitUntil(lambda: not supervisor.model.is_loading() and supervisor.model.rowCount() == 1
                    and supervisor.model.row_at(0).id == complaint)
    qtbot.waitUntil(lambda: supervisor.count.text() != "")


def test_models_pass_qtmodeltester(qtbot, qtmodeltester, handmade, complaint, make_ctx):
    ws = workspace(qtbot, make_ctx(handmade.supervisor))
    select_complaint(qtbot, ws, complaint)
    qtmodeltester.check(ws.model)
    qtmodeltester.check(ws.detail.events)


def test_column_widths_and_splitter_are_remembered(qtbot, handmade, complaint, make_ctx):
    ctx = make_ctx(handmade.supervisor)
    first = workspace(qtbot, ctx)
    first.table.setColumnWidth(0, 211)
    first.save_layout()
    second = workspace(qtbot, ctx)
    assert second.table.columnWidth(0) == 211


def test_opening_a_complaint_from_elsewhere_moves_the_highlight_to_it(qtbot, handmade, complaint,
                                                                       make_ctx, profile):
    other = Actor(handmade.other_manager.id, "manager", handmade.branch_id)
    older = open_complaint(profile, other, NewComplaint(handmade.customer_ids[1], "documents", "材料被退回三次"),
                           now=(datetime.now(UTC) - timedelta(days=3)).replace(tzinfo=None))
    ws = workspace(qtbot, make_ctx(handmade.supervisor))
    qtbot.waitUntil(lambda: ws.model.rowCount() == 2 and ws.detail.detail is not None)
    assert ws.detail.detail.row.id == complaint  # the newest is shown first
    ws.open_complaint(older)  # as the care profile's "open complaint" does
    qtbot.waitUntil(lambda: ws.detail.detail.row.id == older)
    selected = ws.table.selectionModel().selectedRows()
    assert [ws.model.row_at(i.row()).id for i in selected] == [older]
    choose(ws.filters.category, "payout_delay")  # the open complaint is filtered out
    qtbot.waitUntil(lambda: not ws.model.is_loading() and ws.model.rowCount() == 1)
    assert ws.table.selectionModel().selectedRows() == []
    assert ws.detail.detail.row.id == older
