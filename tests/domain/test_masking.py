from hypothesis import given, strategies as st

from claimcare_desktop.domain.masking import mask_id, mask_middle, mask_phone


def test_examples_from_the_design():
    assert mask_phone("13812345678") == "138****5678"
    assert mask_id("110105194912310021") == "110***********0021"
    assert mask_id("11010519491231002X") == "110***********002X"


def test_phone_noise_and_country_code_are_dropped_before_masking():
    assert mask_phone("+86 138-1234-5678") == "138****5678"
    assert mask_phone("0086 13812345678") == "138****5678"


def test_none_and_short_values_are_safe():
    assert mask_phone(None) == "" and mask_id(None) == "" and mask_phone("") == ""
    assert mask_phone("12345") == "*****"
    assert mask_id("1234567890") == "**********"


@given(st.text(alphabet="0123456789 +-X", max_size=30))
def test_masking_never_reveals_more_than_seven_digits(value):
    for masked in (mask_phone(value), mask_id(value), mask_middle(value)):
        assert sum(c.isdigit() for c in masked) <= 7


@given(st.text(max_size=30))
def test_mask_keeps_length_and_hides_at_least_four(value):
    masked = mask_middle(value)
    assert len(masked) == len(value)
    assert masked.count("*") >= min(4, len(value))
    assert all(m in ("*", v) for m, v in zip(masked, value))
