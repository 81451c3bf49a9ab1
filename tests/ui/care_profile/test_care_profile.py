"""The care profile driven through its widgets against a real SQLite profile."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from claimcare_desktop.store import models as m
from claimcare_desktop.ui.care_profile.workspace import Workspace


def workspace(qtbot, ctx) -> Workspace:
    ws = Workspace(ctx)
    qtbot.addWidget(ws)
    ws.resize(1200, 700)
    return ws


def search(qtbot, ws, text):
    ws.search.box.clear()
    qtbot.keyClicks(ws.search.box, text)
    qtbot.waitUntil(lambda: ws.search.model.rowCount() > 0, timeout=10000)
    return [ws.search.model.row_at(i) for i in range(ws.search.model.rowCount())]


def open_first(qtbot, ws):
    qtbot.keyClick(ws.search.box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ws.profile is not None, timeout=10000)


def rows_of(db, table):
    with db.engine.connect() as conn:
        return conn.execute(select(table.__table__)).all()


@pytest.mark.parametrize("query, kind", [("zhangwei", "pinyin"), ("zw", "initials"), ("0000", "phone")])
def test_search_by_pinyin_initials_and_phone_opens_the_profile(qtbot, handmade, make_ctx, query, kind):
    ws = workspace(qtbot, make_ctx(handmade.manager))
    hits = search(qtbot, ws, query)
    assert [(h.name, h.matched_on) for h in hits] == [("张伟", kind)]
    open_first(qtbot, ws)
    assert ws.view.header.name.text() == "张伟"
    assert ws.view.header.phone.text() == "138****0000"
    assert ws.body.currentWidget() is ws.view
    claims = ws.view.models["claims"]
    assert claims.rowCount() == 1 and claims.text(0, 0) == "CLM2026000000"
    assert [c.claim_no for c in ws.view.timeline.claims] == ["CLM2026000000"]
    assert ws.view.models["visits"].rowCount() == 3


def test_search_keeps_one_connection_that_sees_new_customers_and_gives_it_back(
        qtbot, handmade, profile, make_ctx):
    ws = workspace(qtbot, make_ctx(handmade.manager))
    ws.show()
    assert [h.name for h in search(qtbot, ws, "zw")] == ["张伟"]
    kept = ws.search._search
    assert kept is not None and kept._con is not None
    with profile.engine.begin() as conn:  # a sync lands a new customer while the box stays open
        conn.exec_driver_sql("UPDATE customers SET name = '张薇', name_pinyin = NULL, "
                             "name_initials = NULL WHERE name = '张伟'")
    from claimcare_desktop.store.derived import refresh_search_keys
    with profile.engine.begin() as conn:
        refresh_search_keys(conn)
    qtbot.keyClicks(ws.search.box, " ")
    qtbot.waitUntil(lambda: ws.search.model.rowCount() == 1
                    and ws.search.model.row_at(0).name == "张薇", timeout=10000)
    assert ws.search._search is kept  # the same connection, no pool checkout per keystroke
    ws.hide()
    qtbot.waitUntil(lambda: kept._con is None)
    assert ws.search._search is None


def test_unknown_search_says_so(qtbot, handmade, make_ctx):
    ws = workspace(qtbot, make_ctx(handmade.manager))
    qtbot.keyClicks(ws.search.box, "xyzq")
    qtbot.waitUntil(lambda: "No customer" in ws.search.status.text(), timeout=10000)
    assert ws.body.currentWidget() is ws.empty


def test_reveal_asks_first_then_shows_and_audits(qtbot, handmade, profile, make_ctx):
    ws = workspace(qtbot, make_ctx(handmade.manager))
    ws.open_customer(handmade.customer_ids[3])
    qtbot.waitUntil(lambda: ws.profile is not None)
    ws.view.header.reveal_phone.click()
    assert ws.confirm_box.isVisible()
    ws.confirm_box.button(QMessageBox.StandardButton.No).click()
    assert rows_of(profile, m.AuditEntry) == []
    ws.view.header.reveal_phone.click()
    ws.confirm_box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: ws.view.header.phone.text() == "13800130003")
    assert not ws.view.header.reveal_phone.isEnabled()
    (audit,) = rows_of(profile, m.AuditEntry)
    assert (audit.action, audit.target_id, audit.user_id) == (
        "reveal_phone", handmade.customer_ids[3], handmade.manager.id)


def test_preference_edit_persists_with_an_outbox_entry(qtbot, handmade, profile, make_ctx):
    ctx = make_ctx(handmade.manager)
    ws = workspace(qtbot, ctx)
    ws.open_customer(handmade.customer_ids[0])
    qtbot.waitUntil(lambda: ws.profile is not None)
    form = ws.view.preferences
    assert form.channel.currentData() == "phone"
    form.channel.setCurrentIndex(form.channel.findData("sms"))
    form.best_time.setText("工作日晚上")
    form.do_not_disturb.setChecked(True)
    with qtbot.waitSignal(ctx.changes.sig_changed) as changed:
        form.save_button.click()
    assert changed.args[0] == frozenset({"customers"})
    qtbot.waitUntil(lambda: form.status.text() != "")
    (customer,) = [c for c in rows_of(profile, m.Customer) if c.id == handmade.customer_ids[0]]
    assert (customer.preferred_channel, customer.best_time, customer.do_not_disturb) == ("sms", "工作日晚上", True)
    (entry,) = rows_of(profile, m.OutboxEntry)
    assert entry.table_name == "customers" and entry.fields["preferred_channel"] == "sms"


def test_bad_preference_shows_a_message_and_saves_nothing(qtbot, handmade, profile, make_ctx):
    ws = workspace(qtbot, make_ctx(handmade.manager))
    ws.open_customer(handmade.customer_ids[0])
    qtbot.waitUntil(lambda: ws.profile is not None)
    ws.view.preferences.best_time.setMaxLength(100)
    ws.view.preferences.best_time.setText("很" * 40)
    ws.view.preferences.save_button.click()
    qtbot.waitUntil(lambda: "32" in ws.view.preferences.status.text())
    assert rows_of(profile, m.OutboxEntry) == []


def test_tags_and_communication_log_are_editable(qtbot, handmade, profile, make_ctx):
    ws = workspace(qtbot, make_ctx(handmade.manager))
    ws.open_customer(handmade.customer_ids[1])
    qtbot.waitUntil(lambda: ws.profile is not None)
    ws.view.header.edit_tags.click()
    ws.tags_dialog.setTextValue("车主，  高净值、车主")
    ws.tags_dialog.accept()
    qtbot.waitUntil(lambda: ws.view.header.tags.text() == "车主、高净值")
    panel = ws.view.communications
    panel.summary.setText("电话告知赔款已到账")
    panel.add_button.click()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    assert panel.model.text(0, 4) == "电话告知赔款已到账" and panel.summary.text() == ""


def test_profile_models_pass_qtmodeltester(qtbot, qtmodeltester, handmade, make_ctx):
    ws = workspace(qtbot, make_ctx(handmade.manager))
    search(qtbot, ws, "z")
    qtmodeltester.check(ws.search.model)
    ws.open_customer(handmade.customer_ids[0])
    qtbot.waitUntil(lambda: ws.profile is not None)
    for model in ws.view.models.values():
        qtmodeltester.check(model)
