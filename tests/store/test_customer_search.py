"""Finding customers by name, pinyin, initials, phone suffix, policy and claim number."""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, strategies as st
from sqlalchemy import insert, update

from claimcare_desktop.domain.ids import new_id
from claimcare_desktop.store import models as m
from claimcare_desktop.domain.masking import mask_phone
from claimcare_desktop.store.customer_search import (
    SEARCH_LIMIT,
    CustomerSearch,
    find_customer_ids,
    masked_phone,
    search_customers,
)
from claimcare_desktop.store.db import open_profile
from claimcare_desktop.store.derived import refresh_search_keys
from tests.ui.seed import seed_profile


@pytest.fixture
def branch(tmp_path):
    profile = open_profile(tmp_path / "p")
    data = seed_profile(profile)
    with profile.engine.begin() as conn:
        refresh_search_keys(conn)
        conn.execute(insert(m.Policy.__table__), [dict(
            id=new_id(), branch_id=data.branch_id, customer_id=data.customer_ids[1],
            policy_no="PA2026000777", product_type="auto", start_date=date(2026, 1, 1),
            end_date=date(2027, 1, 1))])
    with profile.engine.connect() as conn:
        yield conn, data
    profile.close()


def names(hits):
    return [h.name for h in hits]


def test_chinese_substring_finds_given_name_and_surname(branch):
    conn, _ = branch
    assert names(search_customers(conn, "伟")) == ["张伟"]
    assert names(search_customers(conn, "张")) == ["张伟"]
    assert search_customers(conn, "张伟")[0].matched_on == "name"


def test_two_character_given_name_is_found_inside_the_name(branch):
    conn, data = branch
    conn.execute(insert(m.Customer.__table__), [dict(id=new_id(), branch_id=data.branch_id,
                                                     name="欧阳丽娜", tier="standard", tags=[])])
    assert names(search_customers(conn, "丽娜")) == ["欧阳丽娜"]
    assert names(search_customers(conn, "欧阳")) == ["欧阳丽娜"]


def test_given_name_is_found_after_any_surname_without_the_substring_scan(branch):
    conn, data = branch
    conn.execute(insert(m.Customer.__table__), [
        dict(id=new_id(), branch_id=data.branch_id, name=name, tier="standard", tags=[], deleted=deleted)
        for name, deleted in (("欧阳丽娜", False), ("孙丽娜", False), ("钱丽娜", True), ("李小丽娜", False))])
    con = conn.connection.driver_connection
    ran: list[str] = []
    con.set_trace_callback(ran.append)
    try:
        hits = search_customers(conn, "丽娜")
    finally:
        con.set_trace_callback(None)
    assert names(hits) == ["孙丽娜", "欧阳丽娜"] and {h.matched_on for h in hits} == {"name"}
    assert not any("instr(" in sql for sql in ran)
    assert names(search_customers(conn, "小丽娜")) == ["李小丽娜"]  # not after a surname: the scan


def test_pinyin_and_initials(branch):
    conn, _ = branch
    full = search_customers(conn, "zhangwei")
    assert names(full) == ["张伟"] and full[0].matched_on == "pinyin"
    initials = search_customers(conn, "ZW")
    assert names(initials) == ["张伟"] and initials[0].matched_on == "initials"
    assert "王芳" in names(search_customers(conn, "wang f"))


def test_phone_suffix_and_full_number_with_masked_result(branch):
    conn, data = branch
    hits = search_customers(conn, "0003")
    assert names(hits) == ["刘洋"]
    assert hits[0].matched_on == "phone"
    assert hits[0].masked_phone == "138****0003"
    assert names(search_customers(conn, "13800130003")) == ["刘洋"]


def test_policy_and_claim_numbers_by_prefix(branch):
    conn, _ = branch
    policy = search_customers(conn, "pa2026000777")
    assert names(policy) == ["王芳"] and policy[0].matched_text == "PA2026000777"
    claim = search_customers(conn, "CLM2026000004")
    assert names(claim) == ["陈静"] and claim[0].matched_on == "claim"
    assert len(search_customers(conn, "CLM2026")) == 10


def test_blank_unknown_and_deleted(branch):
    conn, data = branch
    assert search_customers(conn, "   ") == []
    assert search_customers(conn, "qqqq") == []
    conn.execute(update(m.Customer.__table__).where(m.Customer.__table__.c.id == data.customer_ids[0])
                 .values(deleted=True))
    assert search_customers(conn, "张伟") == []


def test_results_are_limited(branch):
    conn, data = branch
    rows = [dict(id=new_id(), branch_id=data.branch_id, name=f"张{i:03d}", tier="standard", tags=[],
                 name_pinyin=f"zhang{i:03d}", name_initials="z") for i in range(SEARCH_LIMIT + 10)]
    conn.execute(insert(m.Customer.__table__), rows)
    assert len(search_customers(conn, "张")) == SEARCH_LIMIT
    assert len(search_customers(conn, "z")) == SEARCH_LIMIT


def _many_zhangs(conn, data, n):
    conn.execute(insert(m.Customer.__table__), [dict(
        id=new_id(), branch_id=data.branch_id, name=f"张{i:03d}", tier="standard", tags=[],
        name_pinyin=f"zhang{i:03d}", name_initials="z", phone=f"1390000{i:04d}") for i in range(n)])


def test_a_larger_limit_is_honoured_by_every_lookup(branch):
    conn, data = branch
    _many_zhangs(conn, data, SEARCH_LIMIT + 30)
    assert len(search_customers(conn, "张", limit=SEARCH_LIMIT + 20)) == SEARCH_LIMIT + 20
    assert len(search_customers(conn, "zhang", limit=SEARCH_LIMIT + 40)) == SEARCH_LIMIT + 31


def test_ids_only_search_finds_the_same_customers_in_the_same_order(branch):
    conn, data = branch
    _many_zhangs(conn, data, 12)
    con = conn.connection.driver_connection
    for query in ("张", "zhang", "z", "0003", "13800130003", "CLM2026", "伟", "qqqq", ""):
        for limit in (5, SEARCH_LIMIT):
            expected = [h.id for h in search_customers(conn, query, limit)]
            assert find_customer_ids(con, query, limit) == expected, query
    assert len(find_customer_ids(con, "zhang", 5)) == 5


def test_a_kept_search_sees_later_writes_and_gives_its_connection_back(tmp_path):
    profile = open_profile(tmp_path / "p")
    data = seed_profile(profile)
    search = CustomerSearch(profile.engine)
    try:
        assert search("欧阳") == []
        with profile.engine.begin() as conn:
            conn.execute(insert(m.Customer.__table__), [dict(
                id=new_id(), branch_id=data.branch_id, name="欧阳丽娜", tier="gold", tags=[],
                phone="13912345678")])
        [hit] = search("欧阳")
        assert (hit.name, hit.tier, hit.masked_phone, hit.matched_on) == ("欧阳丽娜", "gold", "139****5678", "name")
        checked_out = profile.engine.pool.checkedout()
        search.close()
        assert profile.engine.pool.checkedout() == checked_out - 1
        assert names(search("丽娜")) == ["欧阳丽娜"]  # reopens after close
    finally:
        search.close()
        profile.close()


@given(st.one_of(st.none(), st.text(alphabet="0123456789 +-()", max_size=16),
                 st.text(max_size=14)))
def test_masked_phone_is_mask_phone(value):
    assert masked_phone(value) == mask_phone(value)
