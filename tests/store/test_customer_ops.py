"""Profile edits: preferences and tags with their outbox entries, audited reveals, contact log."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from claimcare_desktop.domain.errors import ValidationError
from claimcare_desktop.store import models as m
from claimcare_desktop.store.customer_ops import (
    TAGS_MAX,
    PreferenceEdit,
    add_communication,
    reveal,
    save_preferences,
    save_tags,
)
from claimcare_desktop.store.customer_profile import load_profile
from claimcare_desktop.store.db import open_profile
from tests.ui.seed import seed_profile


@pytest.fixture
def branch(tmp_path):
    profile = open_profile(tmp_path / "p")
    yield profile, seed_profile(profile)
    profile.close()


def outbox(profile, table):
    with profile.engine.connect() as conn:
        rows = conn.execute(select(m.OutboxEntry.__table__).where(
            m.OutboxEntry.__table__.c.table_name == table)).all()
    return rows


def test_preferences_persist_with_one_outbox_entry(branch):
    profile, data = branch
    cid = data.customer_ids[0]
    save_preferences(profile, data.manager.id, cid, PreferenceEdit("wechat", " 晚上 ", True, False, "怕吵"))
    with profile.engine.connect() as conn:
        prefs = load_profile(conn, cid).preferences
    assert (prefs.preferred_channel, prefs.best_time, prefs.do_not_disturb, prefs.consent_marketing,
            prefs.care_notes) == ("wechat", "晚上", True, False, "怕吵")
    (entry,) = outbox(profile, "customers")
    assert entry.row_id == cid and entry.user_id == data.manager.id
    assert entry.fields["preferred_channel"] == "wechat"
    assert entry.base["preferred_channel"] == "phone"


def test_bad_preferences_are_refused_and_nothing_saved(branch):
    profile, data = branch
    with pytest.raises(ValidationError) as err:
        save_preferences(profile, data.manager.id, data.customer_ids[0],
                         PreferenceEdit("fax", None, False, True))
    assert (err.value.field, err.value.code) == ("preferred_channel", "unknown_value")
    with pytest.raises(ValidationError) as err:
        save_preferences(profile, data.manager.id, data.customer_ids[0],
                         PreferenceEdit("sms", "x" * 40, False, True))
    assert err.value.code == "text_too_long"
    assert outbox(profile, "customers") == []


def test_tags_are_cleaned_and_saved_as_a_new_list(branch):
    profile, data = branch
    cid = data.customer_ids[0]
    assert save_tags(profile, data.manager.id, cid, [" 车主", "", "车主", "VIP客户"]) == ["车主", "VIP客户"]
    with profile.engine.connect() as conn:
        assert load_profile(conn, cid).header.tags == ("车主", "VIP客户")
    assert outbox(profile, "customers")[0].fields["tags"] == ["车主", "VIP客户"]
    with pytest.raises(ValidationError) as err:
        save_tags(profile, data.manager.id, cid, [f"t{i}" for i in range(TAGS_MAX + 1)])
    assert err.value.code == "too_many_tags"


def test_reveal_returns_the_number_and_audits_it(branch):
    profile, data = branch
    cid = data.customer_ids[2]
    assert reveal(profile, data.manager.id, cid, "phone") == "13800130002"
    reveal(profile, data.manager.id, cid, "id_number")
    with profile.engine.connect() as conn:
        audit = conn.execute(select(m.AuditEntry.__table__).order_by("action")).all()
    assert [(a.action, a.target_id, a.user_id) for a in audit] == [
        ("reveal_id_number", cid, data.manager.id), ("reveal_phone", cid, data.manager.id)]
    assert len(outbox(profile, "audit_log")) == 2
    with pytest.raises(ValidationError):
        reveal(profile, data.manager.id, cid, "address")


def test_communication_log_entry(branch):
    profile, data = branch
    cid = data.customer_ids[0]
    add_communication(profile, data.manager.id, cid, "sms", "提醒补充资料")
    with profile.engine.connect() as conn:
        (entry,) = load_profile(conn, cid).communications
    assert (entry.channel, entry.summary, entry.user_name) == ("sms", "提醒补充资料", data.manager.display_name)
    with pytest.raises(ValidationError) as err:
        add_communication(profile, data.manager.id, cid, "sms", "  ")
    assert err.value.code == "required"
    with profile.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(m.Communication.__table__)).scalar() == 1
