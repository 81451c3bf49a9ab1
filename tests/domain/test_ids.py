import uuid
from datetime import date

import pytest
from hypothesis import given, strategies as st

from claimcare_desktop.domain.errors import DomainError
from claimcare_desktop.domain.ids import NAMESPACE, care_item_id, new_id, visit_id
from claimcare_desktop.domain.vocab import CARE_ITEM_KINDS, VISIT_STEPS

ids = st.text(min_size=1, max_size=40)


def test_namespace_is_fixed():
    assert NAMESPACE == uuid.UUID("bf75b865-1473-4501-96db-bf8b25002796")


def test_new_id_is_random_uuid4_text():
    first, second = new_id(), new_id()
    assert first != second
    assert uuid.UUID(first).version == 4


def test_visit_id_is_a_stable_uuid5():
    value = visit_id("claim-1", "day_7")
    assert uuid.UUID(value).version == 5
    assert value == visit_id("claim-1", "day_7")


def test_unknown_step_or_kind_is_refused():
    with pytest.raises(DomainError):
        visit_id("claim-1", "day_8")
    with pytest.raises(DomainError):
        care_item_id("cust", "anniversary", date(2026, 1, 1))


@given(ids, ids)
def test_visit_ids_deterministic_and_distinct_per_step(claim_a, claim_b):
    per_step = {visit_id(claim_a, step) for step in VISIT_STEPS}
    assert len(per_step) == len(VISIT_STEPS)
    assert per_step == {visit_id(claim_a, step) for step in VISIT_STEPS}
    if claim_a != claim_b:
        assert per_step.isdisjoint({visit_id(claim_b, step) for step in VISIT_STEPS})


@given(ids, st.sampled_from(CARE_ITEM_KINDS), st.dates(), st.text(max_size=10), st.text(max_size=10))
def test_care_item_ids_depend_on_every_part(customer, kind, due, key_a, key_b):
    first = care_item_id(customer, kind, due, key_a)
    assert first == care_item_id(customer, kind, due, key_a)
    assert (first == care_item_id(customer, kind, due, key_b)) == (key_a == key_b)
