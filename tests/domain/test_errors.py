from claimcare_desktop.domain.errors import DomainError, ValidationError


def test_domain_error_has_code_params_and_english_message():
    error = DomainError("visit_not_open", status="done")
    assert error.code == "visit_not_open"
    assert error.params == {"status": "done"}
    assert str(error) == "This visit is already done"


def test_unknown_code_falls_back_to_the_code_itself():
    assert str(DomainError("some_new_rule")) == "some_new_rule"


def test_missing_params_do_not_break_the_message():
    assert "{status}" in DomainError("visit_not_open").message


def test_validation_error_carries_field_and_merges_params():
    error = ValidationError("phone", "mobile_format", {"value": "123"}, hint="x")
    assert isinstance(error, DomainError)
    assert (error.field, error.code) == ("phone", "mobile_format")
    assert error.params == {"value": "123", "hint": "x"}
