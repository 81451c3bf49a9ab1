"""`customers.quality` (migration 0008's triggers) gives the KPI snapshot the same counts as
checking every customer in SQL did before (that query is kept here as the reference)."""
from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Integer, String, and_, case, cast, func, insert, or_, select, update

from claimcare_desktop.domain.validation import CHECKED_FIELDS, REQUIRED_PROFILE_FIELDS
from claimcare_desktop.domain.vocab import CONTACT_CHANNELS
from claimcare_desktop.store import kpi_queries as kq
from claimcare_desktop.store import models as m
from claimcare_desktop.store.db import open_profile
from tests.export import dataset as d

c = m.Customer.__table__.c
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def _filled(column):
    if column.key == "birth_date":
        return column.is_not(None)
    return func.trim(func.coalesce(column, "")) != ""


def _id_birth(number):
    def part(start, length):
        return func.substr(number, start, length, type_=String)
    return part(7, 4).concat("-").concat(part(11, 2)).concat("-").concat(part(13, 2))


def _resident_id_ok(number):
    weighted = sum(cast(func.substr(number, i + 1, 1), Integer) * weight
                   for i, weight in enumerate(ID_WEIGHTS))
    birth = _id_birth(number)
    return and_(number.op("GLOB")("[0-9]" * 17 + "[0-9X]"),
                func.date(birth, "+0 days") == birth,
                func.substr("10X98765432", weighted % 11 + 1, 1) == func.substr(number, 18, 1))


def _count_where(condition):
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def reference_quality(conn, scope):
    """Session 1's customer_quality: every check evaluated over every customer."""
    id_ok = _resident_id_ok(c.id_number)
    checks = {
        "phone": c.phone.op("GLOB")("1[3-9]" + "[0-9]" * 9),
        "id_number": id_ok,
        "birth_date": or_(~_filled(c.id_number), ~id_ok,
                          func.strftime("%Y-%m-%d", c.birth_date) == _id_birth(c.id_number)),
        "preferred_channel": c.preferred_channel.in_(CONTACT_CHANNELS),
    }
    complete = and_(*(_filled(c[name]) for name in REQUIRED_PROFILE_FIELDS))
    columns = [func.count(), _count_where(complete)]
    for name in CHECKED_FIELDS:
        columns += [_count_where(and_(_filled(c[name]), checks[name])), _count_where(_filled(c[name]))]
    row = conn.execute(select(*columns).where(*kq.customers_in(scope))).one()
    return row[0], row[1], [(row[i], row[i + 1]) for i in range(2, len(row), 2)]


IDS = st.sampled_from([None, "", " ", d.VALID_ID_1, d.VALID_ID_2, d.BAD_CHECKSUM_ID,
                       "11010519491331002X", "1101051949123100", "11010519491231002x",
                       "abcdefghijklmnopqr", "110105194912310029"])
PHONES = st.sampled_from([None, "", "13812345678", "12345678901", "+8613812345678", "1381234567",
                          "19912345678", " "])
BIRTHS = st.sampled_from([None, date(1949, 12, 31), date(1985, 3, 15), date(2000, 2, 29)])
CHANNELS = st.sampled_from([None, "", "phone", "wechat", "fax", "in_person"])
TEXTS = st.sampled_from([None, "", "  ", "北京市朝阳区1号", "F"])
CUSTOMERS = st.fixed_dictionaries({"id_number": IDS, "phone": PHONES, "birth_date": BIRTHS,
                                   "preferred_channel": CHANNELS, "address": TEXTS, "gender": TEXTS,
                                   "name": st.sampled_from(["", " ", "张伟"]), "manager_id": st.sampled_from([d.M1, d.M2])})


def test_the_quality_bits_follow_the_checked_fields():
    assert kq.QUALITY_FIELDS == CHECKED_FIELDS  # migration 0008 sets the bits in this order


@pytest.fixture(scope="module")
def profile(tmp_path_factory):
    profile = open_profile(tmp_path_factory.mktemp("quality"))
    d.build().write(profile)
    yield profile
    profile.close()


def _snapshots(conn):
    return [(kq.customer_quality(conn, scope), reference_quality(conn, scope))
            for scope in (kq.KpiScope(d.BRANCH), kq.KpiScope(d.BRANCH, d.M1))]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(new=st.lists(CUSTOMERS, min_size=1, max_size=6), edits=st.lists(CUSTOMERS, max_size=3))
def test_kept_quality_counts_equal_checking_every_customer(profile, new, edits):
    with profile.engine.connect() as conn:
        trans = conn.begin()
        try:
            ids = [f"q{i}" for i in range(len(new))]
            conn.execute(insert(m.Customer.__table__), [
                dict(id=cid, branch_id=d.BRANCH, deleted=False, tier="standard", tags=[],
                     **values)
                for cid, values in zip(ids, new)])
            for cid, values in zip(ids, edits):  # edits through an UPDATE, as a sync pull or a user
                conn.execute(update(m.Customer.__table__).where(c.id == cid).values(**values))
            for kept, reference in _snapshots(conn):
                assert kept == reference
        finally:
            trans.rollback()
