"""Generated people are valid, and every state a screen can show is present."""
from __future__ import annotations

import json
import time
from datetime import date

from stdnum.cn import ric

from claimcare_desktop.demo.customers import NEEDS_CHECK_TAG
from claimcare_desktop.demo.generator import DemoSpec, generate
from claimcare_desktop.domain import vocab
from claimcare_desktop.domain.errors import ValidationError
from claimcare_desktop.domain.validation import validate_mobile, validate_resident_id

from .conftest import TODAY, column_values


def _valid(check, value) -> bool:
    try:
        check(value)
    except (ValidationError, ValueError, ric.ValidationError):
        return False
    return True


def test_people_have_valid_ids_and_mobiles_that_agree_with_gender_and_birth(db):
    rows = db.execute("SELECT id_number, phone, gender, birth_date, tags FROM customers").fetchall()
    flagged = 0
    for id_number, phone, gender, birth, tags in rows:
        if NEEDS_CHECK_TAG in json.loads(tags):
            flagged += 1
            assert not (_valid(ric.validate, id_number) and _valid(validate_mobile, phone))
            continue
        assert ric.validate(id_number) == id_number
        assert validate_resident_id(id_number) == id_number
        assert validate_mobile(phone) == phone
        assert ric.get_birth_date(id_number).isoformat() == birth
        assert int(id_number[16]) % 2 == (1 if gender == "M" else 0)
    assert flagged < len(rows) * 0.05


def test_names_and_addresses_look_chinese_and_local(db):
    for name, address, branch in db.execute(
            "SELECT c.name, c.address, b.name FROM customers c JOIN branches b ON b.id = c.branch_id"):
        assert 2 <= len(name) <= 4 and all("\u4e00" <= ch <= "\u9fff" for ch in name)
        city = {"上海": "上海市", "北京": "北京市"}[branch[:2]]
        assert address is None or address.startswith(city)
    usernames = column_values(db, "SELECT username FROM users")
    assert {"sh01.sup", "sh01.mgr1", "sh01.mgr2", "bj01.sup", "bj01.mgr1", "bj01.mgr2"} <= usernames


def test_every_state_is_represented(db):
    expected = {
        "SELECT claim_type FROM claims": vocab.CLAIM_TYPES,
        "SELECT status FROM claims": vocab.CLAIM_STATUSES,
        "SELECT status FROM visits": vocab.VISIT_STATUSES,
        "SELECT result FROM visit_attempts": vocab.ATTEMPT_RESULTS,
        "SELECT channel FROM visit_attempts": ("phone", "sms", "wechat"),
        "SELECT state FROM complaints": vocab.COMPLAINT_STATES,
        "SELECT kind FROM complaint_events": ("opened", "acknowledged", "note", "paused",
                                              "resumed", "escalated", "resolved", "closed"),
        "SELECT kind FROM care_items": vocab.CARE_ITEM_KINDS,
        "SELECT status FROM care_items": ("planned", "done", "skipped"),
        "SELECT status FROM policies": ("active", "renewed", "lapsed"),
        "SELECT product_type FROM policies": vocab.CLAIM_TYPES,
        "SELECT tier FROM customers": vocab.CUSTOMER_TIERS,
        "SELECT submission_channel FROM claims": vocab.SUBMISSION_CHANNELS,
    }
    for sql, values in expected.items():
        assert set(values) <= column_values(db, sql), sql


def test_work_is_due_today_overdue_and_upcoming_and_some_payouts_were_late(db):
    today = TODAY.isoformat()
    count = lambda sql, *p: db.execute(sql, p).fetchone()[0]
    assert count("SELECT COUNT(*) FROM visits WHERE status = 'open' AND due_date = ?", today)
    assert count("SELECT COUNT(*) FROM visits WHERE status = 'open' AND due_date < ?", today)
    assert count("SELECT COUNT(*) FROM visits WHERE status = 'open' AND due_date > ?", today)
    late = count("""SELECT COUNT(*) FROM claims WHERE
        (julianday(paid_at) - julianday(documents_confirmed_at)) * 24 > 48""")
    paid = count("SELECT COUNT(*) FROM claims WHERE paid_at IS NOT NULL")
    assert 0.03 < late / paid < 0.2
    assert count("SELECT COUNT(*) FROM policies WHERE status = 'active' AND end_date "
                 "BETWEEN ? AND date(?, '+60 days')", today, today)
    assert count("SELECT COUNT(*) FROM customers WHERE advisor_id IS NOT NULL")
    assert count("SELECT COUNT(*) FROM customers WHERE do_not_disturb = 1")
    assert count("SELECT COUNT(*) FROM customers WHERE consent_marketing = 0")


def test_scores_skew_high_and_last_year_is_there_for_comparison(db):
    scores = [r[0] for r in db.execute("SELECT satisfaction FROM visits WHERE satisfaction IS NOT NULL")]
    assert sum(s >= 4 for s in scores) / len(scores) > 0.75
    last_year = db.execute("""SELECT COUNT(*) FROM claims WHERE closed_at
        BETWEEN '2025-09-01' AND '2025-11-26'""").fetchone()[0]
    this_year = db.execute("""SELECT COUNT(*) FROM claims WHERE closed_at
        BETWEEN '2026-09-01' AND '2026-11-26'""").fetchone()[0]
    assert last_year > 0 and this_year > 0


def _generation_seconds(customers: int) -> float:
    """CPU time of this process: wall time measures the other jobs on a shared machine."""
    spec = DemoSpec(seed=3, branches=1, customers_per_branch=customers, today=date(2026, 5, 6))
    started = time.process_time()
    rows = sum(len(batch) for _table, batch in generate(spec))
    assert rows > customers * 10
    return time.process_time() - started


def test_generation_time_grows_about_linearly():
    _generation_seconds(50)  # warm caches (holiday tables, region codes)
    # the best of two runs each, so that a busy machine does not decide the ratio
    small = min(_generation_seconds(100) for _ in range(2))
    large = min(_generation_seconds(400) for _ in range(2))
    assert large / small < 4 * 1.8
