import pytest

from claimcare_desktop.domain.complaint_flow import ComplaintEvent, replay_state, validate_transition
from claimcare_desktop.domain.errors import DomainError

from .timehelpers import local

M, S = "manager", "supervisor"


def _refused(code, *args, **kwargs):
    with pytest.raises(DomainError) as caught:
        validate_transition(*args, **kwargs)
    assert caught.value.code == code


def test_happy_path():
    state = validate_transition(None, "opened", M)
    assert state == "open"
    for kind, expected in [("acknowledged", "acknowledged"), ("note", "acknowledged"),
                           ("escalated", "escalated"), ("resolved", "resolved"), ("closed", "closed")]:
        state = validate_transition(state, kind, M)
        assert state == expected


def test_pause_needs_a_known_reason_and_resume_returns():
    _refused("pause_reason_required", "acknowledged", "paused", M)
    _refused("unknown_value", "acknowledged", "paused", M, reason="lunch")
    assert validate_transition("acknowledged", "paused", M, reason="awaiting_documents") == "paused"
    assert validate_transition("paused", "resumed", M) == "acknowledged"
    assert validate_transition("paused", "resumed", M, paused_from="escalated") == "escalated"


def test_cannot_pause_before_acknowledging_or_resume_unpaused():
    _refused("invalid_transition", "open", "paused", M, reason="awaiting_customer")
    _refused("invalid_transition", "acknowledged", "resumed", M)


def test_reassignment_is_a_supervisor_act_to_a_different_owner():
    _refused("role_forbidden", "acknowledged", "reassigned", M, current_owner="a", new_owner="b")
    _refused("reassign_same_owner", "acknowledged", "reassigned", S, current_owner="a", new_owner="a")
    _refused("reassign_owner_required", "acknowledged", "reassigned", S, current_owner="a")
    assert validate_transition("acknowledged", "reassigned", S, current_owner="a", new_owner="b") == "acknowledged"
    _refused("invalid_transition", "closed", "reassigned", S, current_owner="a", new_owner="b")


def test_reopen_goes_back_to_acknowledged_or_open():
    assert validate_transition("resolved", "reopened", M) == "acknowledged"
    _refused("role_forbidden", "closed", "reopened", M)
    assert validate_transition("closed", "reopened", S) == "open"


def test_closing_unresolved_is_for_supervisors():
    _refused("role_forbidden", "acknowledged", "closed", M)
    assert validate_transition("acknowledged", "closed", S) == "closed"


def test_bad_inputs():
    _refused("invalid_transition", None, "acknowledged", M)
    _refused("invalid_transition", "open", "opened", M)
    _refused("unknown_value", "open", "acknowledged", "clerk")
    _refused("unknown_value", "open", "waved", M)


def test_replay_state_tracks_pause_origin_and_skips_impossible_events():
    t = local(2026, 3, 4, 9)
    events = [ComplaintEvent(k, t, r) for k, r in [
        ("opened", None), ("acknowledged", None), ("escalated", None),
        ("paused", "awaiting_customer"), ("resumed", None), ("acknowledged", None),
    ]]
    assert replay_state(events) == "escalated"
    assert replay_state([]) == "open"
    assert replay_state([ComplaintEvent("resolved", t)]) == "resolved"
